/**
 * Per-key mutual exclusion across processes, with an owner that can be proved dead.
 *
 * A lock is the file `locks/<key>.lk` holding its owner (host, pid, start time, token),
 * created with link(2), which is atomic and fails if the file exists: the lock and the
 * record of who holds it appear together or not at all. A lock whose owner is provably
 * dead (see owner.ts) is taken over; to make sure exactly one taker removes it, takers
 * first hold a short-lived guard (`<key>.lk.takeover`) and re-check under it that the lock
 * is still the dead owner's (same token). A fresh acquirer never removes anything, so a
 * live holder's lock is never deleted. Everyone else waits, bounded, with jittered backoff.
 *
 * NOTE: errors other than "exists" (read-only or full state dir, EACCES) fail at once
 * instead of being retried: a hook must not stall `git worktree add` for a minute.
 */
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { RaviHooksError, StateError } from '../errors';
import { sweepTemps } from '../io/atomic';
import { claimFile, ensureDir, isErrno, removeFile, removeTree } from '../io/files';
import type { StatePaths } from '../state/paths';
import { workspaceKey } from '../state/paths';
import { type Owner, ownerDead, selfOwner } from './owner';

/** @default 120_000 ms: how long a waiter waits for a live holder before giving up. */
export const LOCK_WAIT_MS = 120_000;
/** A takeover guard older than this whose owner is dead is stale (guards live microseconds). */
const GUARD_STALE_MS = 2_000;

interface LockOwner extends Owner {
  token: string;
  key: string;
  at: string;
}

export interface LockOptions {
  /** false: give up at once when a live process holds the lock (gc skips busy workspaces). */
  wait?: boolean;
  /** @default LOCK_WAIT_MS */
  waitMs?: number;
}

export function lockFileOf(paths: StatePaths, key: string): string {
  return path.join(paths.locksDir, `${workspaceKey(key)}.lk`);
}

export async function withLock<T>(
  paths: StatePaths,
  key: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const file = lockFileOf(paths, key);
  const owner: LockOwner = { ...selfOwner(), token: randomUUID(), key, at: new Date().toISOString() };
  await acquire(paths, file, owner, options);
  try {
    return await fn();
  } finally {
    // NOTE: while we live nobody can take our lock over (only a provably dead owner's is
    // taken), so the file is still ours: no need to read it back before removing it
    await removeFile(file).catch(() => false);
  }
}

/**
 * Runs `fn` holding the locks of all `keys` (taken in a fixed order, so two processes
 * locking the same pair can never deadlock).
 */
export function withLocks<T>(
  paths: StatePaths,
  keys: string[],
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const ordered = [...new Set(keys)].sort((a, b) => workspaceKey(a).localeCompare(workspaceKey(b)));
  const step = (i: number): Promise<T> =>
    i === ordered.length ? fn() : withLock(paths, ordered[i] as string, () => step(i + 1), options);
  return step(0);
}

/** Lock directories already made by this process (one mkdir per run, not per lock). */
const madeDirs = new Set<string>();

async function acquire(paths: StatePaths, file: string, owner: LockOwner, options: LockOptions) {
  if (!madeDirs.has(paths.locksDir)) {
    await ensureDir(paths.locksDir, 0o700).catch((error: unknown) => {
      throw unusable(paths, error);
    });
    madeDirs.add(paths.locksDir);
  }
  const text = JSON.stringify(owner);
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
  let delay = 10;
  for (;;) {
    const claimed = await claimFile(file, text).catch((error: unknown) => {
      throw unusable(paths, error);
    });
    if (claimed) return;
    const holder = await readOwner(file);
    if (holder === 'gone') continue;
    if (holder !== null && ownerDead(holder)) {
      await takeOver(file, holder, owner);
      continue;
    }
    if (options.wait === false || Date.now() >= deadline) throw busy(owner.key, holder, options);
    await sleep(delay / 2 + Math.random() * delay);
    delay = Math.min(delay * 1.5, 250);
  }
}

/** Removes the dead owner's lock, exactly once, under the takeover guard. */
async function takeOver(file: string, dead: LockOwner, owner: LockOwner): Promise<void> {
  const guard = `${file}.takeover`;
  if (!(await claimFile(guard, JSON.stringify(owner)))) {
    await removeStaleGuard(guard);
    return;
  }
  try {
    const current = await readOwner(file);
    if (current !== null && current !== 'gone' && current.token === dead.token) await removeFile(file);
  } finally {
    await removeFile(guard).catch(() => false);
  }
}

async function removeStaleGuard(guard: string): Promise<void> {
  const holder = await readOwner(guard);
  const stat = await fsp.stat(guard).catch(() => null);
  if (holder === 'gone' || stat === null) return;
  if ((holder === null || ownerDead(holder)) && Date.now() - stat.mtimeMs > GUARD_STALE_MS) {
    await removeFile(guard).catch(() => false);
  }
}

/** The lock's owner; 'gone' when the lock vanished; null when unreadable (never ours to judge). */
async function readOwner(file: string): Promise<LockOwner | 'gone' | null> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (error) {
    return isErrno(error, 'ENOENT') ? 'gone' : null;
  }
  try {
    const value = JSON.parse(text) as LockOwner;
    return typeof value.pid === 'number' && typeof value.token === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Lock files of dead owners and lock dirs of older versions (gc). Returns how many went. */
export async function sweepLocks(paths: StatePaths): Promise<number> {
  let names: string[];
  try {
    names = await fsp.readdir(paths.locksDir);
  } catch {
    return 0;
  }
  let removed = 0;
  const me: LockOwner = { ...selfOwner(), token: randomUUID(), key: 'sweep', at: new Date().toISOString() };
  for (const name of names) {
    const full = path.join(paths.locksDir, name);
    if (name.endsWith('.lk')) {
      const holder = await readOwner(full);
      if (holder !== null && holder !== 'gone' && ownerDead(holder)) {
        await takeOver(full, holder, me).catch(() => undefined);
        removed += 1;
      }
    } else if (name.endsWith('.lock')) {
      // proper-lockfile dirs of ravi-hooks ≤ 0.1 (refreshed every 2.5 s while held)
      const stat = await fsp.stat(full).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > 60_000) {
        await removeTree(full);
        removed += 1;
      }
    }
  }
  // the claim temps of acquirers killed between writing and linking them
  return removed + (await sweepTemps(paths.locksDir)).length;
}

function busy(key: string, holder: LockOwner | null, options: LockOptions): RaviHooksError {
  const who = holder ? ` (pid ${holder.pid} on ${holder.host} since ${holder.at})` : '';
  return new RaviHooksError('E_LOCKED', `${key} is busy: another ravi-hooks holds its lock${who}`, {
    hint:
      options.wait === false
        ? 'it is being provisioned or torn down right now; run again when that finishes'
        : 'wait for the other run to finish, then try again',
  });
}

function unusable(paths: StatePaths, error: unknown): RaviHooksError {
  return new StateError(`state directory ${paths.root} is not writable (${(error as Error).message})`, {
    cause: error,
    hint: 'fix its permissions or free disk space, or point RAVI_HOOKS_STATE_DIR elsewhere',
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
