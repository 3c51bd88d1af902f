/**
 * Settling one ledger record: delete its identity (or record the deletion as owed), remove
 * the files we wrote, drop the record. Shared by teardown, gc and provision (which settles a
 * record left by a crashed run before starting afresh).
 */
import { randomUUID } from 'node:crypto';
import { type Engine, providerFor } from '../engine';
import { toRaviHooksError } from '../errors';
import type { Identity, Provider } from '../providers/types';
import type { LedgerRecord } from '../state/records';
import { faultPoint } from './fault';
import { removeWorkspaceFiles } from './workspace-files';

export interface SettleResult {
  uuid: string | null;
  name: string;
  identityDeleted: boolean;
  /** Why the identity was not deleted (provider can't, refused, unreachable). */
  reason?: string;
  removed: string[];
}

export async function reconcileRecord(
  engine: Engine,
  record: LedgerRecord,
  why: string,
): Promise<SettleResult> {
  const provider = await providerFor(engine, record.provider);
  const uuids = record.uuid ? [record.uuid] : await findUnrecorded(engine, provider, record);
  let identityDeleted = uuids.length > 0;
  let reason: string | undefined = uuids.length === 0 ? 'no identity was created' : undefined;
  for (const uuid of uuids) {
    const outcome = await deleteOrOwe(engine, provider, record, uuid, why);
    if (!outcome.deleted) {
      identityDeleted = false;
      reason = outcome.reason;
    }
  }
  const removed = await removeWorkspaceFiles(record);
  await engine.ledger.delete(record.workspace);
  return {
    uuid: record.uuid ?? uuids[0] ?? null,
    name: record.name,
    identityDeleted,
    ...(reason ? { reason } : {}),
    removed,
  };
}

/**
 * Deletes `uuid`; when the provider can't or won't, the debt is written to `orphans/` so
 * `gc` retries it later. Never reports a deletion that didn't happen.
 */
export async function deleteOrOwe(
  engine: Engine,
  provider: Provider,
  record: Pick<LedgerRecord, 'workspace' | 'name'>,
  uuid: string,
  why: string,
): Promise<{ deleted: true } | { deleted: false; reason: string }> {
  let reason: string;
  let retryable = true;
  if (!provider.capabilities.delete) {
    reason = `the ${provider.name} provider cannot delete identities`;
    retryable = false;
  } else {
    try {
      faultPoint('before-delete', engine.env);
      const result = await provider.delete(uuid);
      faultPoint('after-delete', engine.env);
      if (result.deleted) return { deleted: true };
      reason = result.reason;
      retryable = result.retryable;
    } catch (error) {
      reason = toRaviHooksError(error).message;
    }
  }
  const now = new Date().toISOString();
  await engine.ledger.putOrphan({
    version: 1,
    id: randomUUID(),
    provider: provider.name,
    uuid,
    name: record.name,
    workspace: record.workspace,
    reason: `${why}: ${reason}${retryable ? '' : ' (not retryable)'}`,
    attempts: 1,
    createdAt: now,
    updatedAt: now,
  });
  return { deleted: false, reason };
}

/**
 * For a record whose create call never reported back (crash, garbage output): the
 * identities that match our intent. With tags the match is exact; otherwise it is by name
 * and creation time, excluding every uuid another record already owns.
 */
export async function findUnrecorded(
  engine: Engine,
  provider: Provider,
  record: LedgerRecord,
): Promise<string[]> {
  if (!provider.capabilities.list) return [];
  const identities = await provider.list();
  if (provider.capabilities.tags) return identities.filter((i) => i.tag === record.id).map((i) => i.uuid);
  const owned = new Set<string>();
  for (const r of await engine.ledger.list()) if (r.uuid) owned.add(r.uuid);
  for (const o of await engine.ledger.orphans()) owned.add(o.uuid);
  const since = Date.parse(record.createdAt) - 60_000;
  return identities
    .filter((i: Identity) => i.name === record.name && !owned.has(i.uuid))
    .filter((i) => i.createdAt === undefined || Date.parse(i.createdAt) >= since)
    .map((i) => i.uuid);
}
