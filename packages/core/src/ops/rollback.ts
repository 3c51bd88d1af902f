/**
 * Undoing a provision that failed part-way: no orphan identity, no half-written file.
 */
import type { Engine } from '../engine';
import type { RaviHooksError } from '../errors';
import type { Identity } from '../providers/types';
import { recordEvent } from '../state/events';
import type { LedgerRecord } from '../state/records';
import { reconcileRecord } from './reconcile-record';

export async function rollbackIdentity(
  engine: Engine,
  record: LedgerRecord,
  identity: Identity | null,
  error: RaviHooksError,
): Promise<void> {
  // the ledger holds the latest plan (files about to be written), so read it back
  const latest = (await engine.ledger.get(record.workspace).catch(() => null)) ?? record;
  const base = { workspace: record.workspace, name: record.name, provider: record.provider };
  try {
    const settled = await reconcileRecord(
      engine,
      { ...latest, uuid: identity?.uuid ?? latest.uuid },
      'rollback',
    );
    await recordEvent(engine.paths, {
      event: 'provision.rollback',
      uuid: settled.uuid,
      ...base,
      detail: settled.identityDeleted ? 'identity deleted' : `identity owed: ${settled.reason ?? 'unknown'}`,
    });
  } catch (rollbackError) {
    // NOTE: the record stays (pending/created), so `gc` finishes what we could not.
    await recordEvent(engine.paths, {
      event: 'provision.rollback',
      uuid: identity?.uuid ?? null,
      ...base,
      detail: `left for gc: ${(rollbackError as Error).message}`,
    }).catch(() => undefined);
  }
  await recordEvent(engine.paths, {
    event: 'provision.failed',
    uuid: identity?.uuid ?? null,
    ...base,
    detail: error.message,
  }).catch(() => undefined);
}
