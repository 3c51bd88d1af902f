/**
 * Atomic replacement of a file (temp file beside it, fsync, rename) whose leftovers can be
 * cleaned up after a kill -9. Every temp entry is named `…ravi-hooks-<pid>-…`, so anyone
 * can tell a dead process's half-written temp from a write still in progress.
 * NOTE: write-file-atomic names its temp `<target>.<hash>`: after a kill -9 (which no exit
 * handler sees) nothing could tell whose it was, so killed runs left them behind for good.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';

let counter = 0;

/** `<target>.ravi-hooks-<pid>-<n>.tmp` */
export function tempFileFor(target: string): string {
  counter += 1;
  return `${target}.ravi-hooks-${process.pid}-${counter}.tmp`;
}

/** Prefix for mkdtemp: `<prefix>ravi-hooks-<pid>-` (mkdtemp appends six characters). */
export function tempDirPrefix(parent: string, prefix: string): string {
  return path.join(parent, `${prefix}ravi-hooks-${process.pid}-`);
}

/**
 * Writes `content` to `file` atomically. Like write-file-atomic it writes through a
 * symlink to its target (callers check symlinks first where that matters), keeps an
 * existing file's owner when run as root, and applies `mode` exactly (no umask).
 */
export async function atomicWrite(file: string, content: string, mode: number | undefined): Promise<void> {
  const target = await fsp.realpath(file).catch(() => file);
  const existing = await fsp.stat(target).catch(() => null);
  const temp = tempFileFor(target);
  try {
    const handle = await fsp.open(temp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existing && process.getuid?.() === 0) await fsp.chown(temp, existing.uid, existing.gid);
    if (mode !== undefined) await fsp.chmod(temp, mode);
    await fsp.rename(temp, target);
  } catch (error) {
    await fsp.unlink(temp).catch(() => undefined);
    throw error;
  }
}

const TEMP = /ravi-hooks-(\d+)-[^/]*$/;

/**
 * Removes the temp entries in `dir` left by processes that no longer exist: all of them,
 * or with `base` only the temps of that one file (`<base>.ravi-hooks-<pid>-<n>.tmp`), for
 * directories we don't own (a workspace root). Returns the names removed.
 */
export async function sweepTemps(dir: string, base?: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (base !== undefined && !name.startsWith(`${base}.ravi-hooks-`)) continue;
    const pid = TEMP.exec(name)?.[1];
    if (pid === undefined || pidAlive(Number(pid))) continue;
    await fsp.rm(path.join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this pid exists on this machine. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
