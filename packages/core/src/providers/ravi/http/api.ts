/**
 * One Ravi API request, with the status handling every call shares. `attempt` makes one
 * request and throws a classified ProviderError; `request` retries the transient ones.
 *
 * - 401/403: the key was refused: E_PROVIDER_UNAVAILABLE (exit 3) with the fix.
 * - 402: a paid-plan feature (phone numbers): E_PROVIDER saying so.
 * - 429: E_RATE_LIMITED, transient, waiting `retry_after_seconds` (body) or `Retry-After`.
 * - 5xx, reset, EOF, timeout: transient and `ambiguous` (the server may have acted).
 * - refused connection, unknown host: transient, not ambiguous.
 * Messages carry the method, the path and the server's `detail` (redacted), never a key.
 */
import type { z } from 'zod';
import { ProviderError, redact } from '../../../errors';
import { errorDetail, httpRequest } from '../../../io/http';
import { safeJson } from '../failure';
import { LOGIN_HINT } from '../hints';
import { type RetryPolicy, retrying } from '../retry';

export interface Api {
  apiUrl: string;
  timeoutMs: number;
  policy: RetryPolicy;
}

/** Which key a request carries: it decides what a refusal means to the user. */
export type KeyKind = 'management' | 'identity';

export interface ApiCall {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  /** Path plus query, e.g. `/api/secrets/?key=A`. */
  path: string;
  key: string;
  keyKind: KeyKind;
  body?: unknown;
}

export interface ApiResponse {
  status: number;
  text: string;
  json: unknown;
}

/**
 * One request. Returns 2xx responses and the 4xx statuses listed in `accept` (so callers
 * can handle 404/405 themselves); throws a classified ProviderError for everything else.
 */
export async function attempt(api: Api, call: ApiCall, accept: number[] = []): Promise<ApiResponse> {
  const what = `${call.method} ${call.path.split('?')[0]}`;
  const r = await httpRequest({
    method: call.method,
    url: `${api.apiUrl}${call.path}`,
    headers: { Authorization: `Bearer ${call.key}` },
    body: call.body,
    timeoutMs: api.timeoutMs,
  });
  if (r.network) {
    throw new ProviderError('E_PROVIDER', `the Ravi API at ${api.apiUrl} failed (${what}): ${r.reason}`, {
      transient: true,
      details: { ambiguous: r.maybeSent },
      hint: 'check the network and the API URL (`ravi-hooks doctor`), then try again',
    });
  }
  const response = { status: r.status, text: r.text, json: safeJson(r.text) };
  if ((r.status >= 200 && r.status < 300) || accept.includes(r.status)) return response;
  const detail = errorDetail(r.text);
  const said = `${what} answered HTTP ${r.status}${detail ? `: ${redact(detail)}` : ''}`;
  if (r.status === 429) {
    const seconds = retryAfter(r.headers, response.json);
    throw new ProviderError('E_RATE_LIMITED', `the Ravi API is rate limiting: ${said}`, {
      transient: true,
      ...(seconds === undefined ? {} : { retryAfterSeconds: seconds }),
      hint: 'the Ravi API is rate limiting this account; try again later',
    });
  }
  if (r.status >= 500) {
    throw new ProviderError('E_PROVIDER', `the Ravi API failed: ${said}`, {
      transient: true,
      details: { ambiguous: true, status: r.status },
      hint: 'the Ravi API is having trouble; try again later',
    });
  }
  throw refusal(r.status, said, call.keyKind);
}

/** `attempt` with retries of transient failures (for requests that are safe to repeat). */
export function request(api: Api, call: ApiCall, accept: number[] = []): Promise<ApiResponse> {
  return retrying(api.policy, () => attempt(api, call, accept));
}

/** Parses a 2xx body; a wrong shape is E_PROVIDER_OUTPUT (the API changed under us). */
export function parseBody<S extends z.ZodType>(what: string, response: ApiResponse, schema: S): z.output<S> {
  const parsed = schema.safeParse(response.json);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .slice(0, 3)
    .map((issue) => issue.path.join('.') || '(root)')
    .join(', ');
  throw new ProviderError(
    'E_PROVIDER_OUTPUT',
    `the Ravi API answered ${what} with an unexpected shape (at ${where})`,
    {
      hint: 'this Ravi API does not match what ravi-hooks expects; check the API URL with `ravi-hooks doctor`',
    },
  );
}

function refusal(status: number, said: string, keyKind: KeyKind): ProviderError {
  if (status === 401 || status === 403) {
    const hint =
      keyKind === 'management'
        ? `the management key was refused; ${LOGIN_HINT}`
        : "the workspace's identity key was refused; tear the workspace down and provision it again";
    return new ProviderError('E_PROVIDER_UNAVAILABLE', `the Ravi API refused the key: ${said}`, {
      hint,
      details: { status },
    });
  }
  if (status === 402) {
    return new ProviderError('E_PROVIDER', `this needs a paid Ravi plan: ${said}`, {
      hint: 'phone numbers need a paid Ravi plan: upgrade, or set "phone": false in the config',
      details: { status },
    });
  }
  if (status === 409) {
    return new ProviderError('E_PROVIDER', `the Ravi API reported a conflict: ${said}`, {
      hint: 'it already exists in that state; check it with `ravi-hooks list` or the Ravi dashboard',
      details: { status },
    });
  }
  return new ProviderError('E_PROVIDER', `the Ravi API refused the request: ${said}`, {
    hint: 'run `ravi-hooks doctor` to check the API URL and keys',
    details: { status },
  });
}

/** Seconds from a 429: body `retry_after_seconds`, else the `Retry-After` header (as the CLI does). */
function retryAfter(headers: Headers, body: unknown): number | undefined {
  const seconds =
    typeof body === 'object' && body !== null
      ? (body as { retry_after_seconds?: unknown }).retry_after_seconds
      : undefined;
  if (typeof seconds === 'number' && seconds > 0) return seconds;
  const header = Number(headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header : undefined;
}

/** True when the failure may have taken effect server-side (5xx, reset, EOF, timeout). */
export function isAmbiguous(error: unknown): boolean {
  return error instanceof ProviderError && error.details?.ambiguous === true;
}
