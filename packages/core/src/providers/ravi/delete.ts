/**
 * Deleting an identity. ravi v0.6.2 has no delete command (`ravi identity delete` prints
 * help and exits 0), so this calls the documented REST endpoint directly:
 * `DELETE {apiUrl}/api/identities/<uuid>/` with the management key. Only a 2xx counts as
 * deleted; everything else is reported honestly so the core records the deletion as owed.
 */
import { ProviderError } from '../../errors';
import { errorDetail, httpRequest } from '../../io/http';
import type { DeleteResult } from '../types';
import { safeJson } from './failure';
import { type RetryPolicy, retrying } from './runner';

export interface DeleteInput {
  apiUrl: string;
  key: string;
  uuid: string;
  timeoutMs: number;
  policy: RetryPolicy;
  /**
   * Whether the identity still exists (via `identity list`), asked only on a 404: that
   * status alone can't tell "already gone" from "this server has no delete endpoint".
   * null when it can't be told.
   */
  stillListed: () => Promise<boolean | null>;
}

export async function deleteIdentity(input: DeleteInput): Promise<DeleteResult> {
  const url = `${input.apiUrl}/api/identities/${encodeURIComponent(input.uuid)}/`;
  let response: Awaited<ReturnType<typeof httpRequest>>;
  try {
    response = await retrying(input.policy, async () => {
      const r = await httpRequest({
        method: 'DELETE',
        url,
        headers: { Authorization: `Bearer ${input.key}` },
        timeoutMs: input.timeoutMs,
      });
      if (r.network) throw transient(`could not reach ${input.apiUrl}: ${r.reason}`);
      if (r.status === 429) throw transient('HTTP 429 (rate limited)', retryAfter(r.headers, r.text));
      if (r.status >= 500) throw transient(`HTTP ${r.status}`);
      return r;
    });
  } catch (error) {
    const reason = error instanceof ProviderError ? error.message : 'the delete request failed';
    return { deleted: false, reason: `the Ravi API did not delete it: ${reason}`, retryable: true };
  }
  if (response.network) return { deleted: false, reason: 'unreachable', retryable: true };
  const { status } = response;
  if (status >= 200 && status < 300) return { deleted: true };
  const detail = errorDetail(response.text);
  const said = `HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 404) {
    const listed = await input.stillListed().catch(() => null);
    if (listed === false) return { deleted: true };
    return {
      deleted: false,
      reason:
        listed === true
          ? `the Ravi API has no delete endpoint for it (${said}) although the identity still exists; delete it in the Ravi dashboard`
          : `the Ravi API answered ${said} and the identity list could not be checked`,
      retryable: listed !== true,
    };
  }
  if (status === 401 || status === 403) {
    return {
      deleted: false,
      reason: `the Ravi API refused the deletion (${said}); the management key may lack that right`,
      retryable: false,
    };
  }
  if (status === 405) {
    return {
      deleted: false,
      reason: `the Ravi API does not allow deleting identities (${said})`,
      retryable: false,
    };
  }
  return { deleted: false, reason: `the Ravi API did not delete it (${said})`, retryable: false };
}

function transient(message: string, retryAfterSeconds?: number): ProviderError {
  return new ProviderError(retryAfterSeconds === undefined ? 'E_PROVIDER' : 'E_RATE_LIMITED', message, {
    transient: true,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

/** Seconds from a 429: body `retry_after_seconds`, else the `Retry-After` header (as the CLI does). */
function retryAfter(headers: Headers, text: string): number | undefined {
  const body = safeJson(text) as { retry_after_seconds?: unknown } | undefined;
  const seconds = typeof body === 'object' && body !== null ? body.retry_after_seconds : undefined;
  if (typeof seconds === 'number' && seconds > 0) return seconds;
  const header = Number(headers.get('retry-after'));
  return Number.isInteger(header) && header > 0 ? header : undefined;
}
