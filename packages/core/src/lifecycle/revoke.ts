/**
 * Taking an identity away: delete it, or when the provider cannot, say so honestly.
 *
 *   deleted      the provider deleted it (or it was already gone)
 *   retired      the provider can never delete it (no delete capability, 405, 404 while the
 *                identity still exists): kept for audit, never retried
 *   owed         a transient failure: retried with bounded, jittered exponential backoff
 *   irrevocable  retries exhausted, or the provider refused for good: counted, cleared by hand
 */
import { type Engine, providerFor } from '../engine';
import { redact, toRaviHooksError } from '../errors';
import { faultPoint } from './fault';
import type { Lease } from './lease';

export type Revocation =
  | { outcome: 'deleted' }
  | { outcome: 'retired' | 'owed' | 'irrevocable'; reason: string };

/** @default 8: deletion attempts before an owed lease becomes irrevocable. */
export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3600_000;

export async function revoke(engine: Engine, lease: Lease, uuid: string): Promise<Revocation> {
  const attempt = lease.attempts + 1;
  let reason: string;
  let retryable = true;
  try {
    const provider = await providerFor(engine, lease.provider);
    if (!provider.capabilities.delete) {
      return { outcome: 'retired', reason: `the ${provider.name} provider cannot delete identities` };
    }
    faultPoint('before-delete', engine.env);
    const result = await provider.delete(uuid);
    faultPoint('after-delete', engine.env);
    if (result.deleted) return { outcome: 'deleted' };
    if (result.retire) return { outcome: 'retired', reason: oneLine(result.reason) };
    reason = result.reason;
    retryable = result.retryable;
  } catch (error) {
    reason = toRaviHooksError(error).message;
  }
  if (!retryable || attempt >= MAX_ATTEMPTS) {
    const why = retryable ? `gave up after ${attempt} attempts: ${reason}` : reason;
    return { outcome: 'irrevocable', reason: oneLine(why) };
  }
  return { outcome: 'owed', reason: oneLine(reason) };
}

/** The lease as it is kept after a revocation that did not delete. */
export function releasedAs(
  lease: Lease,
  uuid: string,
  revocation: Exclude<Revocation, { outcome: 'deleted' }>,
  why: string,
): Lease {
  const attempts = lease.attempts + 1;
  return {
    ...lease,
    uuid,
    state: revocation.outcome,
    attempts,
    nextAttemptAt: revocation.outcome === 'owed' ? nextAttempt(attempts) : null,
    reason: oneLine(`${why}: ${revocation.reason}`),
    files: [],
    blocks: [],
  };
}

/** Full-jitter exponential backoff (AWS's "full jitter"), capped. */
export function nextAttempt(attempts: number, now = Date.now()): string {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return new Date(now + Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)).toISOString();
}

function oneLine(text: string): string {
  return redact(text).replace(/\s+/g, ' ').slice(0, 300);
}
