/**
 * The state dir decides which identities get deleted, so it is trusted only when nobody
 * else can write it (the rule ssh applies to ~/.ssh): a record planted in a ledger that
 * other users can write would make `gc` act on it. Checked once per process, before any
 * lock or write, so a broken state dir fails at once with what to run instead of stalling.
 */
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import { InputError } from '../errors';
import { isErrno, probeWrite } from '../io/files';
import { shQuote } from '../ops/env';
import type { StatePaths } from './paths';

/** New state dirs are private: they hold workspace keys (local provider) and the ledger. */
export const STATE_DIR_MODE = 0o700;

export interface TrustOptions {
  /**
   * Also create the state dir when missing and prove a write succeeds (read-only mount,
   * immutable dir, full disk). Commands that only read state (`log`) skip it, so they
   * still work on a read-only copy.
   * @default true
   */
  write?: boolean;
}

const checked = new Map<string, Promise<void>>();

/** Throws an InputError (exit 2, one line, the command to run as its hint) unless usable. */
export function assertStateDirUsable(paths: StatePaths, options: TrustOptions = {}): Promise<void> {
  const key = `${options.write === false ? 'r' : 'w'}:${paths.root}`;
  let pending = checked.get(key);
  if (!pending) {
    pending = check(paths, options.write !== false);
    checked.set(key, pending);
    // a failure is not cached: the user may fix the dir while a long-lived process runs
    pending.catch(() => checked.delete(key));
  }
  return pending;
}

async function check(paths: StatePaths, write: boolean): Promise<void> {
  if (write) await createPrivate(paths.root);
  const root = await statIfExists(paths.root);
  if (root === null) return; // read-only use of a state dir that was never created
  assertTrusted(paths.root, root);
  const ledger = await statIfExists(paths.ledgerDir);
  if (ledger !== null) assertTrusted(paths.ledgerDir, ledger);
  if (!write) return;
  await probeWrite(paths.root).catch((error: unknown) => {
    throw new InputError(`state dir ${paths.root} is not writable: ${reason(error)}`, {
      cause: error,
      hint: remedy(paths.root, error),
      details: { stateDir: paths.root },
    });
  });
}

/** `mkdir -p` whose last component is 0700 whatever the umask; an existing dir is left as is. */
async function createPrivate(dir: string): Promise<void> {
  let created: string | undefined;
  try {
    created = await fsp.mkdir(dir, { recursive: true, mode: STATE_DIR_MODE });
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return; // a file in the way: the stat below says so
    throw new InputError(`cannot create state dir ${dir}: ${reason(error)}`, {
      cause: error,
      hint: 'point RAVI_HOOKS_STATE_DIR at a writable directory',
      details: { stateDir: dir },
    });
  }
  if (created !== undefined) await fsp.chmod(dir, STATE_DIR_MODE);
}

function assertTrusted(dir: string, stat: Awaited<ReturnType<typeof fsp.stat>>): void {
  if (!stat.isDirectory()) {
    throw new InputError(`state dir ${dir} is not a directory`, {
      hint: 'move that file away, or point RAVI_HOOKS_STATE_DIR at a directory',
      details: { stateDir: dir },
    });
  }
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    const me = userName(uid);
    throw new InputError(
      `state dir ${dir} is owned by uid ${stat.uid}, not by you (${me}): refusing to trust it`,
      {
        hint: `run: ${uid === 0 ? '' : 'sudo '}chown -R ${shQuote(me)} ${shQuote(dir)}`,
        details: { stateDir: dir, owner: stat.uid },
      },
    );
  }
  const mode = Number(stat.mode) & 0o7777;
  // NOTE: Windows reports every directory as 0666; its ACLs are not mode bits
  if ((mode & 0o022) !== 0 && process.platform !== 'win32') {
    const who = (mode & 0o020 ? ['group'] : []).concat(mode & 0o002 ? ['other users'] : []).join(' and ');
    throw new InputError(
      `state dir ${dir} is writable by ${who} (mode ${mode.toString(8).padStart(4, '0')}): refusing to trust it`,
      { hint: `run: chmod 700 ${shQuote(dir)}`, details: { stateDir: dir, mode } },
    );
  }
}

function remedy(dir: string, error: unknown): string {
  const elsewhere = 'or point RAVI_HOOKS_STATE_DIR at a writable directory';
  if (isErrno(error, 'ENOSPC') || isErrno(error, 'EDQUOT')) return `free some space there, ${elsewhere}`;
  if (isErrno(error, 'EROFS')) return `remount it read-write, ${elsewhere}`;
  // NOTE: root gets EPERM only from an immutable dir; permission bits never stop root
  if (isErrno(error, 'EPERM') && process.getuid?.() === 0)
    return `run: chattr -i ${shQuote(dir)}, ${elsewhere}`;
  return `run: chmod 700 ${shQuote(dir)}, ${elsewhere}`;
}

function reason(error: unknown): string {
  if (isErrno(error, 'ENOSPC') || isErrno(error, 'EDQUOT')) return 'no space left on device';
  if (isErrno(error, 'EROFS')) return 'read-only file system';
  if (isErrno(error, 'EACCES') || isErrno(error, 'EPERM')) return 'permission denied';
  if (isErrno(error, 'ENOTDIR')) return 'a parent is not a directory';
  return (error as NodeJS.ErrnoException).code ?? 'unknown error';
}

async function statIfExists(file: string): Promise<Awaited<ReturnType<typeof fsp.stat>> | null> {
  try {
    return await fsp.stat(file);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    if (isErrno(error, 'ENOTDIR')) return null;
    throw error;
  }
}

function userName(uid: number): string {
  try {
    return os.userInfo().username;
  } catch {
    return String(uid); // no passwd entry (containers): chown takes the number too
  }
}

/** For tests: forget what was checked in this process. */
export function forgetCheckedStateDirs(): void {
  checked.clear();
}
