/**
 * Settling a workspace's lease: take its files out of the workspace, then take the identity
 * away (delete, retire, or owe it). Shared by teardown, gc, rollback and provision (which
 * settles a stale lease before starting afresh). Always called under the workspace lock.
 */
import { randomUUID } from 'node:crypto';
import type { Engine } from '../engine';
import { removeWorkspaceFiles } from '../workspace/files';
import type { Lease } from './lease';
import { findAttemptIdentities } from './recover';
import { releasedAs, revoke } from './revoke';
import type { WorkspaceTx } from './session';

export type SettleOutcome = 'deleted' | 'retired' | 'owed' | 'irrevocable' | 'none';

export interface SettleResult {
  uuid: string | null;
  name: string;
  /** What happened to the identity; `none` when no identity was ever created. */
  outcome: SettleOutcome;
  identityDeleted: boolean;
  /** Why the identity was not deleted (provider can't, refused, unreachable). */
  reason?: string;
  removed: string[];
}

export async function settle(
  engine: Engine,
  tx: WorkspaceTx,
  lease: Lease,
  why: string,
): Promise<SettleResult> {
  // NOTE: files first: the workspace key leaves the workspace even when deletion fails, and a
  // crash after this leaves a lease whose files are gone, which gc settles again.
  const removed = await removeWorkspaceFiles(lease);
  const uuids = lease.uuid ? [lease.uuid] : (await findAttemptIdentities(engine, lease)).map((i) => i.uuid);
  if (uuids.length === 0) {
    await tx.drop();
    return {
      uuid: null,
      name: lease.name,
      outcome: 'none',
      identityDeleted: false,
      reason: 'no identity was created',
      removed,
    };
  }
  let result: SettleResult = {
    uuid: uuids[0] ?? null,
    name: lease.name,
    outcome: 'deleted',
    identityDeleted: true,
    removed,
  };
  for (const [i, uuid] of uuids.entries()) {
    const revocation = await revoke(engine, lease, uuid);
    if (revocation.outcome === 'deleted') continue;
    // NOTE: a second identity found for one attempt is kept under a lease of its own
    await tx.keep(releasedAs(i === 0 ? lease : { ...lease, id: randomUUID() }, uuid, revocation, why));
    result = {
      ...result,
      uuid,
      outcome: revocation.outcome,
      identityDeleted: false,
      reason: revocation.reason,
    };
  }
  await tx.drop();
  return result;
}
