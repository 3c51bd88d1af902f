/**
 * gc: reconcile the ledger with the world. Tears down identities whose workspace is gone
 * (directory deleted, config removed or replaced, worktree pruned from git), settles records
 * left by crashed provisions, and retries owed deletions. It only ever touches identities
 * this machine's ledger created: other machines, tools and people share the account.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { createEngine, type Engine, type EngineOptions, providerFor } from '../engine';
import { isRaviHooksError, toRaviHooksError } from '../errors';
import { sweepTemps } from '../io/atomic';
import { readRaviConfig } from '../resolve/ravi-config';
import { recordEvent } from '../state/events';
import { abandoned, withLock } from '../state/lock';
import type { StatePaths } from '../state/paths';
import type { LedgerRecord, OrphanRecord } from '../state/records';
import { worktreePaths } from '../workspace/git';
import { reconcileRecord } from './reconcile-record';
import { configPathOf } from './workspace-files';

export interface GcOptions extends EngineOptions {
  dryRun?: boolean;
  cwd?: string;
  engine?: Engine;
}

export interface GcEntry {
  workspace: string;
  uuid: string | null;
  name: string;
  provider: string;
  /** Why it was (or would be) removed. */
  why: string;
  identityDeleted: boolean;
  reason?: string;
}

export interface GcResult {
  dryRun: boolean;
  removed: GcEntry[];
  kept: number;
  /** Deletions that failed and stay owed (retried by the next gc). */
  owed: GcEntry[];
}

export async function gc(options: GcOptions = {}): Promise<GcResult> {
  const engine = options.engine ?? (await createEngine({ from: options.cwd ?? process.cwd() }, options));
  const dryRun = options.dryRun ?? false;
  const result: GcResult = { dryRun, removed: [], kept: 0, owed: [] };
  const worktrees = new Map<string, Promise<Set<string> | null>>();
  const limit = pLimit(engine.config.concurrency);
  if (!dryRun) await sweepState(engine.paths);

  const records = await engine.ledger.list();
  await Promise.all(
    records.map((record) =>
      limit(async () => {
        const why = await staleness(record, worktrees);
        if (why === null) {
          result.kept += 1;
          return;
        }
        const entry = await settle(engine, record, why, dryRun);
        // NOTE: a settle that failed says identityDeleted: false even without a uuid, so it
        // lands in `owed` (exit 1) and its record waits for the next gc
        if (entry === null) result.kept += 1;
        else (dryRun || entry.identityDeleted ? result.removed : result.owed).push(entry);
      }),
    ),
  );
  for (const orphan of await engine.ledger.orphans()) {
    const entry = await retryOrphan(engine, orphan, dryRun);
    (dryRun || entry.identityDeleted ? result.removed : result.owed).push(entry);
  }
  return result;
}

/** Temp files and key dirs that killed runs left in the state dir (their owner is dead). */
async function sweepState(paths: StatePaths): Promise<void> {
  const dirs = [paths.ledgerDir, paths.orphansDir, paths.tmpDir, path.join(paths.localDir, 'identities')];
  for (const dir of dirs) await sweepTemps(dir);
}

/** Why a record no longer describes a live workspace, or null when it still does. */
async function staleness(
  record: LedgerRecord,
  worktrees: Map<string, Promise<Set<string> | null>>,
): Promise<string | null> {
  if (record.state !== 'active') return `provision did not finish (state ${record.state})`;
  if (!existsSync(record.workspace)) return 'workspace directory is gone';
  let config: ReturnType<typeof readRaviConfig> = null;
  try {
    config = readRaviConfig(configPathOf(record.workspace));
  } catch {
    return 'workspace config is unreadable';
  }
  if (config === null) return 'workspace config was removed';
  if (config.identity_uuid !== record.uuid) return 'workspace config now names another identity';
  if (record.worktree && record.repo) {
    let list = worktrees.get(record.repo);
    if (!list) {
      list = worktreePaths(record.repo);
      worktrees.set(record.repo, list);
    }
    const paths = await list;
    if (paths && !paths.has(record.workspace) && !existsSync(path.join(record.workspace, '.git'))) {
      return 'worktree was removed from git';
    }
  }
  return null;
}

async function settle(
  engine: Engine,
  record: LedgerRecord,
  why: string,
  dryRun: boolean,
): Promise<GcEntry | null> {
  const base = {
    workspace: record.workspace,
    uuid: record.uuid,
    name: record.name,
    provider: record.provider,
    why,
  };
  if (dryRun) return { ...base, identityDeleted: false, reason: 'dry run' };
  try {
    // NOTE: never wait for a busy workspace: a provision or teardown is running there now.
    return await withLock(
      engine.paths,
      record.workspace,
      async () => {
        const current = await engine.ledger.get(record.workspace);
        if (current === null || current.id !== record.id) return null;
        const settled = await reconcileRecord(engine, current, `gc: ${why}`);
        await recordEvent(engine.paths, {
          event: 'gc.removed',
          workspace: record.workspace,
          uuid: settled.uuid,
          name: record.name,
          provider: record.provider,
          detail: settled.identityDeleted ? why : `${why}; deletion owed: ${settled.reason}`,
        });
        return {
          ...base,
          uuid: settled.uuid,
          identityDeleted: settled.identityDeleted || settled.uuid === null,
          ...(settled.reason ? { reason: settled.reason } : {}),
        };
      },
      {
        wait: false,
        ownerDead: () => abandoned(record, engine.host),
      },
    );
  } catch (error) {
    if (isRaviHooksError(error) && error.code === 'E_LOCKED') return null;
    const reason = toRaviHooksError(error).message;
    await recordEvent(engine.paths, { event: 'gc.failed', ...base, detail: reason });
    return { ...base, identityDeleted: false, reason };
  }
}

async function retryOrphan(engine: Engine, orphan: OrphanRecord, dryRun: boolean): Promise<GcEntry> {
  const base = {
    workspace: orphan.workspace,
    uuid: orphan.uuid,
    name: orphan.name,
    provider: orphan.provider,
    why: 'deletion owed',
  };
  if (dryRun) return { ...base, identityDeleted: false, reason: 'dry run' };
  let reason: string;
  try {
    const provider = await providerFor(engine, orphan.provider);
    const outcome = provider.capabilities.delete
      ? await provider.delete(orphan.uuid)
      : {
          deleted: false as const,
          reason: `the ${provider.name} provider cannot delete identities`,
          retryable: false,
        };
    if (outcome.deleted) {
      await engine.ledger.deleteOrphan(orphan.id);
      await recordEvent(engine.paths, { event: 'gc.removed', ...base, detail: 'owed deletion done' });
      return { ...base, identityDeleted: true };
    }
    reason = outcome.reason;
  } catch (error) {
    reason = toRaviHooksError(error).message;
  }
  await engine.ledger.putOrphan({
    ...orphan,
    attempts: orphan.attempts + 1,
    updatedAt: new Date().toISOString(),
  });
  return { ...base, identityDeleted: false, reason };
}
