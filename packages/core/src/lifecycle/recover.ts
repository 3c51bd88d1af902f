/**
 * Finding the identity a crashed attempt made. Recovery adopts or deletes an identity only
 * when it can show that this lease's attempt made it:
 *   - a provider that stores tags (local) returned the lease id as the tag: exact;
 *   - otherwise (ravi: no tags, no idempotency key) the identity must carry the lease's
 *     name, have been created inside the attempt's time window, and be owned by no other
 *     lease. Never by name alone, never outside the window, never with no creation time.
 */
import { type Engine, providerFor } from '../engine';
import type { Identity } from '../providers/types';
import type { Lease } from './lease';

/** Clock skew allowed between this machine and the provider's server. */
const SKEW_MS = 60_000;
/**
 * How long after `attemptAt` a create of that attempt can still land: the longest a create
 * call runs with its retries (30 s timeout × 4 tries plus capped rate-limit waits).
 */
export const ATTEMPT_WINDOW_MS = 5 * 60_000;

export async function findAttemptIdentities(engine: Engine, lease: Lease): Promise<Identity[]> {
  const provider = await providerFor(engine, lease.provider);
  if (!provider.capabilities.list) return [];
  const identities = await provider.list();
  if (provider.capabilities.tags) return identities.filter((i) => i.tag === lease.id);
  const owned = new Set<string>();
  for (const other of (await engine.ledger.list()).leases) {
    if (other.uuid && other.id !== lease.id) owned.add(other.uuid);
  }
  const start = Date.parse(lease.attemptAt) - SKEW_MS;
  const end = Date.parse(lease.attemptAt) + ATTEMPT_WINDOW_MS + SKEW_MS;
  return identities.filter((i) => {
    const created = i.createdAt === undefined ? Number.NaN : Date.parse(i.createdAt);
    return i.name === lease.name && !owned.has(i.uuid) && created >= start && created <= end;
  });
}

/** Why a released lease with no uuid exists: a create of a dead run might still land. */
export const WATCHING = 'watching for a create the crashed run may still land';

export function attemptWindowEnd(lease: Lease): string {
  return new Date(Date.parse(lease.attemptAt) + ATTEMPT_WINDOW_MS + SKEW_MS).toISOString();
}

export function attemptWindowClosed(lease: Lease, now = Date.now()): boolean {
  return now > Date.parse(attemptWindowEnd(lease));
}
