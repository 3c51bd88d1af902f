/**
 * Per-workspace mutual exclusion across processes (Symphony's hook and git's hook may fire
 * for the same workspace at once). proper-lockfile uses an atomic mkdir and refreshes the
 * lock's mtime; a lock left by a killed process is taken over once it is stale.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { RaviHooksError } from '../errors';
import { pidAlive } from '../io/atomic';
import { ensureDir, removeTree } from '../io/files';
import { type StatePaths, workspaceKey } from './paths';

/** @default 10_000 ms: a lock not refreshed for this long belongs to a dead process. */
const STALE_MS = 10_000;

export function withWorkspaceLock<T>(
  paths: StatePaths,
  workspace: string,
  fn: () => Promise<T>,
  options: { wait?: boolean; ownerDead?: () => boolean } = {},
): Promise<T> {
  return withLock(paths, workspace, fn, options);
}

/** A ledger record left mid-provision by a process on this host that no longer exists. */
export function abandoned(
  record: { state: string; host: string; pid: number } | null,
  host: string,
): boolean {
  return record !== null && record.state !== 'active' && record.host === host && !pidAlive(record.pid);
}

/**
 * Runs `fn` holding the lock named `key`. With `wait: false` it gives up at once when
 * the lock is held (gc skips busy workspaces instead of queueing behind them).
 */
export async function withLock<T>(
  paths: StatePaths,
  key: string,
  fn: () => Promise<T>,
  options: { wait?: boolean; ownerDead?: () => boolean } = {},
): Promise<T> {
  await ensureDir(paths.locksDir, 0o700);
  const target = path.join(paths.locksDir, workspaceKey(key));
  const once = { realpath: false, stale: STALE_MS, update: STALE_MS / 4, retries: 0 };
  const patient = {
    ...once,
    retries: { retries: 120, factor: 1.2, minTimeout: 25, maxTimeout: 500, randomize: true },
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, once).catch(async (error: unknown) => {
      // NOTE: a lock whose owner we know is dead (same host, pid gone) is taken over now
      // instead of after the stale timeout, so gc or a retry right after a crash proceeds.
      if (options.ownerDead?.()) {
        await removeTree(`${target}.lock`); // proper-lockfile's lock directory
        return lockfile.lock(target, once);
      }
      if (options.wait === false) throw error;
      return lockfile.lock(target, patient);
    });
  } catch (error) {
    throw new RaviHooksError('E_LOCKED', `${key} is busy (another ravi-hooks holds its lock)`, {
      cause: error,
      hint: 'wait for the other run to finish, then try again',
    });
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}
