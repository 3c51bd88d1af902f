/**
 * gc: reconcile the leases with the world. Finishes provisions that crashed (adopting what
 * they made), follows workspaces that moved, settles leases whose workspace is gone
 * (directory deleted, config removed or replaced, worktree pruned from git), and retries
 * owed deletions with backoff. It only ever touches identities this machine's leases
 * created, skips workspaces a live run holds, and never stops on one corrupt record.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { isRaviHooksError, toRaviHooksError } from '../errors';
import { sweepTemps } from '../io/atomic';
import { readRaviConfig } from '../resolve/ravi-config';
import { recordEvent } from '../state/events';
import type { StatePaths } from '../state/paths';
import { configPathOf } from '../workspace/files';
import { adoptPending } from './adopt';
import { isBound, type Lease, type LeaseState } from './lease';
import { sweepLocks } from './lock';
import { findMoved, rebound, type WorktreeCache, worktreesOf } from './move';
import { attemptWindowClosed, findAttemptIdentities } from './recover';
import { releasedAs, revoke } from './revoke';
import { withReleased, withWorkspace, withWorkspaces } from './session';
import { settle } from './settle';

export interface GcOptions extends EngineOptions {
  dryRun?: boolean;
  cwd?: string;
  engine?: Engine;
  /** Retry only owed deletions whose backoff has passed (`gc --watch`). @default false */
  dueOnly?: boolean;
}

export interface GcEntry {
  workspace: string;
  uuid: string | null;
  name: string;
  provider: string;
  /** Why it was (or would be) acted on. */
  why: string;
  identityDeleted: boolean;
  /** The lease's state afterwards: gone (deleted), owed, retired or irrevocable. */
  state: LeaseState | 'gone';
  reason?: string;
}

export interface GcResult {
  dryRun: boolean;
  /** Leases settled: identity deleted, or none had been created. */
  removed: GcEntry[];
  /** Crashed provisions finished by adopting the identity they made. */
  adopted: GcEntry[];
  /** Workspaces that moved; their lease follows them. */
  moved: { from: string; to: string; uuid: string | null; name: string }[];
  kept: number;
  /** Deletions that failed transiently and stay owed (retried by the next gc): exit 1. */
  owed: GcEntry[];
  /** Identities the provider cannot delete, let go this run. */
  retired: GcEntry[];
  /** Leases whose deletion can no longer be retried: shown until `ravi-hooks forget`. */
  irrevocable: GcEntry[];
  /** State files that are not leases; reported and skipped. */
  corrupt: string[];
}

export async function gc(options: GcOptions = {}): Promise<GcResult> {
  const engine = options.engine ?? (await createEngine({ from: options.cwd ?? process.cwd() }, options));
  const dryRun = options.dryRun ?? false;
  const result = emptyGcResult(dryRun);
  if (!dryRun) await sweepState(engine.paths);
  const { leases, corrupt } = await engine.ledger.list();
  result.corrupt = corrupt;
  return reconcileLeases(engine, leases, { ...options, dryRun }, result);
}

export function emptyGcResult(dryRun: boolean): GcResult {
  return {
    dryRun,
    removed: [],
    adopted: [],
    moved: [],
    kept: 0,
    owed: [],
    retired: [],
    irrevocable: [],
    corrupt: [],
  };
}

/**
 * Reconciles `leases`, a listing that may already be stale when a lease's turn comes: every
 * decision is taken again on the lease as it is under its lock.
 */
export async function reconcileLeases(
  engine: Engine,
  leases: Lease[],
  options: Pick<GcOptions, 'dueOnly'> & { dryRun: boolean },
  result: GcResult,
): Promise<GcResult> {
  const { dryRun } = options;
  const worktrees: WorktreeCache = new Map();
  const limit = pLimit(engine.config.concurrency);
  await Promise.all(
    leases.map((lease) =>
      limit(async () => {
        try {
          if (isBound(lease)) await reconcileBound(engine, lease, worktrees, dryRun, result);
          else await reconcileReleased(engine, lease, options.dueOnly ?? false, dryRun, result);
        } catch (error) {
          if (isRaviHooksError(error) && error.code === 'E_LOCKED') result.kept += 1;
          else {
            const reason = toRaviHooksError(error).message;
            await recordEvent(engine.paths, { event: 'gc.failed', ...eventOf(lease), detail: reason });
            result.owed.push(entry(lease, 'gc failed', lease.state, reason));
          }
        }
      }),
    ),
  );
  return result;
}

async function reconcileBound(
  engine: Engine,
  lease: Lease,
  worktrees: WorktreeCache,
  dryRun: boolean,
  result: GcResult,
): Promise<void> {
  const why = await staleness(lease, worktrees);
  if (why === null) {
    result.kept += 1;
    return;
  }
  const movedTo = lease.state === 'active' ? await findMoved(lease, worktrees) : null;
  if (dryRun) {
    if (movedTo)
      result.moved.push({ from: lease.workspace, to: movedTo, uuid: lease.uuid, name: lease.name });
    else result.removed.push(entry(lease, why, 'gone', 'dry run', false));
    return;
  }
  if (movedTo !== null) {
    const moved = await withWorkspaces(
      engine,
      [lease.workspace, movedTo],
      async (from, to) => {
        const current = await from.current();
        if (current?.id !== lease.id || (await to.current()) !== null) return false;
        await to.save(rebound(current, movedTo));
        await from.drop();
        return true;
      },
      { wait: false },
    );
    if (moved) result.moved.push({ from: lease.workspace, to: movedTo, uuid: lease.uuid, name: lease.name });
    else result.kept += 1;
    return;
  }
  await withWorkspace(
    engine,
    lease.workspace,
    async (tx) => {
      const current = await tx.current();
      // NOTE: the listing is a snapshot: a provision may have finished (adopted) this very
      // lease since, keeping its id, so staleness is judged again on what is there now
      const whyNow = current?.id === lease.id ? await staleness(current, worktrees) : null;
      if (current === null || whyNow === null) {
        result.kept += 1;
        return;
      }
      const why = whyNow;
      if (current.state === 'pending' && existsSync(current.workspace)) {
        const adopted = await adoptPending(engine, tx, current, { git: null, extraFiles: [] });
        if (adopted) result.adopted.push(entry(adopted, why, 'active'));
        else result.removed.push(entry(current, `${why}; nothing had been created`, 'gone'));
        return;
      }
      const settled = await settle(engine, tx, current, `gc: ${why}`);
      await recordEvent(engine.paths, {
        event: 'gc.removed',
        ...eventOf(current),
        uuid: settled.uuid,
        detail: settled.identityDeleted
          ? why
          : `${why}; identity ${settled.outcome}: ${settled.reason ?? ''}`,
      });
      const after = settled.outcome === 'deleted' || settled.outcome === 'none' ? 'gone' : settled.outcome;
      const done = entry({ ...current, uuid: settled.uuid }, why, after, settled.reason);
      bucket(result, after).push(done);
    },
    // NOTE: never wait for a busy workspace: a provision or teardown is running there now
    { wait: false },
  );
}

async function reconcileReleased(
  engine: Engine,
  lease: Lease,
  dueOnly: boolean,
  dryRun: boolean,
  result: GcResult,
): Promise<void> {
  if (lease.state === 'retired') {
    result.kept += 1;
    return;
  }
  if (lease.state === 'owed' && !lease.uuid) {
    await settleWatched(engine, lease, dryRun, result);
    return;
  }
  if (lease.state === 'irrevocable' || !lease.uuid) {
    result.irrevocable.push(
      entry(lease, 'deletion cannot be retried', 'irrevocable', lease.reason ?? undefined),
    );
    return;
  }
  if (dryRun || (dueOnly && lease.nextAttemptAt !== null && Date.parse(lease.nextAttemptAt) > Date.now())) {
    result.owed.push(entry(lease, 'deletion owed', 'owed', dryRun ? 'dry run' : 'next attempt not due yet'));
    return;
  }
  const uuid = lease.uuid;
  await withReleased(
    engine,
    lease,
    async (tx) => {
      // NOTE: another gc may have settled it since the listing: act only on what is there now
      const current = await tx.current();
      if (current?.state !== 'owed' || current.attempts !== lease.attempts) {
        result.kept += 1;
        return;
      }
      const revocation = await revoke(engine, lease, uuid);
      if (revocation.outcome === 'deleted') {
        await tx.drop();
        await recordEvent(engine.paths, {
          event: 'gc.removed',
          ...eventOf(lease),
          detail: 'owed deletion done',
        });
        result.removed.push(entry(lease, 'deletion owed', 'gone'));
        return;
      }
      const next = await tx.save(releasedAs(lease, uuid, revocation, 'retry'));
      bucket(result, revocation.outcome).push(
        entry(next, 'deletion owed', revocation.outcome, revocation.reason),
      );
    },
    { wait: false },
  );
}

/**
 * A crashed attempt whose create may still land (adopt.ts): whatever identity shows up in its
 * window is settled under a lease of its own; once the window has closed with nothing, the
 * watch ends. Never a failure of gc: nothing is owed until something appears.
 */
async function settleWatched(engine: Engine, lease: Lease, dryRun: boolean, result: GcResult): Promise<void> {
  if (dryRun) {
    result.kept += 1;
    return;
  }
  await withReleased(
    engine,
    lease,
    async (tx) => {
      const found = await findAttemptIdentities(engine, lease);
      for (const identity of found) {
        const revocation = await revoke(engine, lease, identity.uuid);
        const settled = { ...lease, id: randomUUID(), uuid: identity.uuid, name: identity.name };
        if (revocation.outcome === 'deleted')
          result.removed.push(entry(settled, 'created after its run died', 'gone'));
        else {
          await tx.keep(releasedAs(settled, identity.uuid, revocation, 'created after its run died'));
          bucket(result, revocation.outcome).push(
            entry(settled, 'created after its run died', revocation.outcome),
          );
        }
      }
      if (found.length > 0 || attemptWindowClosed(lease)) await tx.drop();
      else result.kept += 1;
    },
    { wait: false },
  );
}

/** Why a bound lease no longer describes a live workspace, or null when it still does. */
async function staleness(lease: Lease, worktrees: WorktreeCache): Promise<string | null> {
  if (lease.state === 'pending') return 'provision did not finish';
  if (!existsSync(lease.workspace)) return 'workspace directory is gone';
  let config: ReturnType<typeof readRaviConfig> = null;
  try {
    config = readRaviConfig(configPathOf(lease.workspace));
  } catch {
    return 'workspace config is unreadable';
  }
  if (config === null) return 'workspace config was removed';
  if (config.identity_uuid !== lease.uuid) return 'workspace config now names another identity';
  if (lease.worktree && lease.repo) {
    const paths = await worktreesOf(lease.repo, worktrees);
    if (paths && !paths.has(lease.workspace) && !existsSync(`${lease.workspace}/.git`)) {
      return 'worktree was removed from git';
    }
  }
  return null;
}

function bucket(result: GcResult, state: LeaseState | 'gone'): GcEntry[] {
  if (state === 'owed') return result.owed;
  if (state === 'retired') return result.retired;
  if (state === 'irrevocable') return result.irrevocable;
  return result.removed;
}

function entry(
  lease: Lease,
  why: string,
  state: LeaseState | 'gone',
  reason?: string,
  deleted = state === 'gone',
): GcEntry {
  return {
    workspace: lease.workspace,
    uuid: lease.uuid,
    name: lease.name,
    provider: lease.provider,
    why,
    identityDeleted: deleted && lease.uuid !== null,
    state,
    ...(reason ? { reason } : {}),
  };
}

function eventOf(lease: Lease) {
  return { workspace: lease.workspace, uuid: lease.uuid, name: lease.name, provider: lease.provider };
}

/** Temp files, key dirs and lock files that killed runs left in the state dir. */
async function sweepState(paths: StatePaths): Promise<void> {
  const dirs = [
    paths.ledgerDir,
    paths.orphansDir,
    paths.releasedDir,
    paths.tmpDir,
    path.join(paths.localDir, 'identities'),
  ];
  for (const dir of dirs) await sweepTemps(dir);
  // NOTE: the state dir's write probe (state/trust.ts), if a kill landed between its two steps
  await sweepTemps(paths.root, '.probe');
  await sweepLocks(paths);
}
