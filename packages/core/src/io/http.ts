/**
 * The only module that speaks HTTP. Node's global `fetch` (undici): its global dispatcher
 * keeps one pool of keep-alive connections per origin for the whole process, so a fleet of
 * provisions shares connections instead of opening one per request. On top: a bound on
 * requests in flight, a timeout through AbortSignal, and a result that never throws for an
 * HTTP status (callers decide what a status means). Network failures come back as
 * `{ network: true, … }` with a short reason (never the request headers, which carry keys)
 * and whether the request may have reached the server.
 */

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  /** JSON-serialisable body. */
  body?: unknown;
  /** @default 30_000 */
  timeoutMs?: number;
}

export type HttpResponse =
  | { network: false; status: number; headers: Headers; text: string }
  | {
      network: true;
      status: 0;
      reason: string;
      timedOut: boolean;
      /** False only when the request certainly never reached the server (refused, no such host). */
      maybeSent: boolean;
    };

/**
 * NOTE: requests in flight per process. A fleet at concurrency 8 needs at most 8; the bound
 * keeps a runaway caller from opening hundreds of sockets to the API at once.
 */
const MAX_IN_FLIGHT = 16;
let inFlight = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<() => void> {
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight += 1;
  return () => {
    inFlight -= 1;
    waiting.shift()?.();
  };
}

export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const timeoutMs = request.timeoutMs ?? 30_000;
  const release = await slot();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: {
        Accept: 'application/json',
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const text = await response.text();
    return { network: false, status: response.status, headers: response.headers, text };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    const reason = timedOut ? `timed out after ${timeoutMs} ms` : networkReason(error);
    return { network: true, status: 0, reason, timedOut, maybeSent: timedOut || !neverSent.test(reason) };
  } finally {
    release();
  }
}

/** Failures that happen before a request is written: the server cannot have acted on it. */
const neverSent = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT/;

/** `detail` of a JSON error body (Django REST style), one line and at most 200 characters. */
export function errorDetail(text: string): string | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { detail?: unknown }).detail === 'string'
    ) {
      return (value as { detail: string }).detail.replace(/\s+/g, ' ').trim().slice(0, 200);
    }
  } catch {
    // not JSON: the raw body is not shown (it may be an HTML error page)
  }
  return null;
}

// NOTE: undici wraps the interesting part (ECONNREFUSED, UND_ERR_SOCKET…) in `cause`.
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message.split('\n')[0] ?? 'network error';
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'network error') : 'network error';
}
