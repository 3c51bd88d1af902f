/**
 * The only module that writes, moves or deletes files. Writes are atomic (temp file in the
 * same directory, fsync, rename), an existing file keeps its mode, and credentials are
 * created 0600 inside 0700 directories.
 */
import { constants, promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';
import { RaviHooksError, WorkspaceError } from '../errors';
import { atomicWrite, tempDirPrefix, tempFileFor } from './atomic';

export const SECRET_FILE_MODE = 0o600;
export const SECRET_DIR_MODE = 0o700;

export interface WriteOptions {
  /** Mode for a new file. An existing file keeps its own mode unless `forceMode` is set. */
  mode?: number;
  /** Apply `mode` even when the file exists (credentials must never stay world-readable). */
  forceMode?: boolean;
  /** Mode for directories this call creates. @default 0o755 */
  dirMode?: number;
}

/** Reads a text file, or returns null when it does not exist. */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return null;
    throw error;
  }
}

/**
 * Reads many small files (null for each that does not exist), one at a time.
 * NOTE: synchronous on purpose. Through the thread pool every file costs four round trips
 * (open, fstat, read, close): 10,000 leases took 2.6 s to list, against ~0.3 s read in a
 * plain loop; and one file open at a time can never hit `ulimit -n` (EMFILE), which an
 * all-at-once readFile did past 256 files on macOS.
 */
export async function readTextFiles(files: string[]): Promise<(string | null)[]> {
  return files.map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return null;
      throw error;
    }
  });
}

export async function ensureDir(dir: string, mode = 0o755): Promise<void> {
  await fsp.mkdir(dir, { recursive: true, mode });
}

/** Atomically replaces `file` with `content`. */
export async function writeFileAtomically(
  file: string,
  content: string,
  options: WriteOptions = {},
): Promise<void> {
  await ensureDir(path.dirname(file), options.dirMode ?? 0o755);
  const existingMode = await modeOf(file);
  const mode = existingMode === null || options.forceMode ? options.mode : existingMode;
  try {
    await atomicWrite(file, content, mode);
  } catch (error) {
    throw new RaviHooksError('E_STATE', `could not write ${file}: ${(error as Error).message}`, {
      cause: error,
      hint: 'check that the directory exists and is writable',
    });
  }
}

/** Writes a credential file: 0600, in a 0700 directory, atomically. */
export async function writeSecretFile(file: string, content: string): Promise<void> {
  const dir = path.dirname(file);
  const existed = await exists(dir);
  await ensureDir(dir, SECRET_DIR_MODE);
  if (!existed) await fsp.chmod(dir, SECRET_DIR_MODE);
  await writeFileAtomically(file, content, {
    mode: SECRET_FILE_MODE,
    forceMode: true,
    dirMode: SECRET_DIR_MODE,
  });
}

/**
 * Creates `file` only if it does not exist yet (O_EXCL). Returns false when it already
 * existed. This is the lock-free claim used for unique resources.
 */
export async function createExclusive(file: string, content: string, mode = 0o600): Promise<boolean> {
  await ensureDir(path.dirname(file));
  try {
    const handle = await fsp.open(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    try {
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
}

/**
 * Creates `target` holding `content`, only if it does not exist: the content is written to a
 * temp file beside it and hard-linked into place, so `target` appears complete or not at all
 * (an O_EXCL create would be visible empty for a moment). Returns false when it existed.
 */
export async function claimFile(target: string, content: string): Promise<boolean> {
  const temp = tempFileFor(target);
  await fsp.writeFile(temp, content, { mode: SECRET_FILE_MODE, flag: 'wx' });
  try {
    await fsp.link(temp, target);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await fsp.unlink(temp).catch(() => undefined);
  }
}

/**
 * Appends one whole line with a single O_APPEND write, so concurrent writers never
 * interleave partial lines (each line stays well under PIPE_BUF). When the file does not
 * end in a newline (a writer died mid-line, or the disk filled up), the line starts with
 * one, so the torn line never swallows this one.
 */
export async function appendLine(file: string, line: string, mode = 0o600): Promise<void> {
  await ensureDir(path.dirname(file), SECRET_DIR_MODE);
  const handle = await fsp.open(file, 'a+', mode);
  try {
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    const torn = size > 0 && (await handle.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== 0x0a;
    const body = line.endsWith('\n') ? line : `${line}\n`;
    await handle.write(torn ? `\n${body}` : body);
  } finally {
    await handle.close();
  }
}

export async function removeFile(file: string): Promise<boolean> {
  try {
    await fsp.unlink(file);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return false;
    throw error;
  }
}

/** Removes a directory only when it is empty; returns whether it is gone. */
export async function removeDirIfEmpty(dir: string): Promise<boolean> {
  try {
    await fsp.rmdir(dir);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return true;
    if (isErrno(error, 'ENOTEMPTY') || isErrno(error, 'EEXIST') || isErrno(error, 'ENOTDIR')) return false;
    throw error;
  }
}

/** Removes a whole tree we own (temp dirs, test state). Never call it on user paths. */
export async function removeTree(dir: string): Promise<void> {
  // NOTE: loaded on first use: fs-extra (graceful-fs) is not needed on the hook's hot path
  const { remove } = await import('fs-extra');
  await remove(dir);
}

export async function makeTempDir(prefix: string, parent: string): Promise<string> {
  await ensureDir(parent, SECRET_DIR_MODE);
  const dir = await fsp.mkdtemp(tempDirPrefix(parent, prefix));
  await fsp.chmod(dir, SECRET_DIR_MODE);
  return dir;
}

/**
 * Throws unless entries can really be created in `dir` (an existing directory).
 * NOTE: access(W_OK) says yes to root even on read-only mounts and immutable dirs. Setting
 * the directory's own timestamps again fails there too (EROFS, EPERM), and unlike a probe
 * entry it leaves nothing behind when the process is killed half-way. It needs ownership
 * (or root), so for someone else's writable directory a probe entry is still used.
 */
export async function probeWritable(dir: string): Promise<void> {
  await fsp.access(dir, constants.W_OK | constants.X_OK);
  const stat = await fsp.stat(dir);
  const uid = process.getuid?.();
  if (uid === 0 || uid === stat.uid) {
    await fsp.utimes(dir, stat.atimeMs / 1000, stat.mtimeMs / 1000);
    return;
  }
  await fsp.rmdir(await fsp.mkdtemp(tempDirPrefix(dir, '.probe-')));
}

/**
 * Throws unless a few bytes can really be written into `dir`: catches what `probeWritable`
 * cannot, a full file system (ENOSPC), as well as read-only mounts and immutable dirs.
 * NOTE: the probe is named like an atomic-write temp (`.probe.ravi-hooks-<pid>-<n>.tmp`),
 * so `sweepTemps` removes it if a kill -9 lands between its creation and its removal.
 */
export async function probeWrite(dir: string): Promise<void> {
  const probe = tempFileFor(path.join(dir, '.probe'));
  const handle = await fsp.open(probe, 'wx', 0o600);
  try {
    await handle.write('ravi-hooks write probe\n');
  } finally {
    await handle.close();
    await fsp.unlink(probe).catch(() => undefined);
  }
}

/** Creates the symbolic link `link` → `target` (used inside private temp dirs only). */
export async function createSymlink(target: string, link: string): Promise<void> {
  await fsp.symlink(target, link);
}

export async function setMode(file: string, mode: number): Promise<void> {
  await fsp.chmod(file, mode);
}

/**
 * Throws unless writing `file` stays inside `root` (a real path): no existing component
 * between them may be a symlink that leads out of `root`, or nowhere.
 * NOTE: mkdir follows a symlinked parent and write-file-atomic writes through a symlink to
 * its target, and git checks symlinks out, so a repository shipping `.ravi -> ~/elsewhere`
 * would otherwise receive credentials outside the workspace. Links that stay inside are fine.
 */
export async function assertInside(root: string, file: string): Promise<void> {
  const link = await symlinkEscape(root, file);
  if (link === null) return;
  throw new WorkspaceError(
    `refusing to write ${file}: ${link.link} is a symlink to ${link.target}, ${link.why}`,
    { hint: 'replace that symlink with a real directory or file inside the workspace' },
  );
}

/** The first symlink on the way from `root` to `file` that leaves `root` (or dangles), else null. */
export async function symlinkEscape(
  root: string,
  file: string,
): Promise<{ link: string; target: string; why: string } | null> {
  const parts = path.relative(root, file).split(path.sep);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    let stat: Awaited<ReturnType<typeof fsp.lstat>>;
    try {
      stat = await fsp.lstat(current);
    } catch {
      return null; // the rest does not exist yet: we create it as real directories and files
    }
    if (!stat.isSymbolicLink()) continue;
    const target = await fsp.realpath(current).catch(() => null);
    if (target === null)
      return { link: current, target: await fsp.readlink(current), why: 'which does not exist' };
    const rel = path.relative(root, target);
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
      return { link: current, target, why: 'outside the workspace' };
  }
  return null;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}

export async function modeOf(file: string): Promise<number | null> {
  try {
    return (await fsp.stat(file)).mode & 0o7777;
  } catch {
    return null;
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}
