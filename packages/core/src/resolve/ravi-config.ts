/**
 * Reads a `.ravi/config.json`. NOTE: this sits on the hot path of `which`, `env` and the
 * `ravi` shim (run inside git hooks and by agents on every call), so it validates by hand
 * instead of importing zod, which alone costs ~60 ms of start-up.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { WorkspaceError } from '../errors';

export interface RaviConfigFile {
  identity_uuid?: string;
  identity_name?: string;
  identity_key?: string;
  management_key?: string;
  user_email?: string;
}

const stringFields = [
  'identity_uuid',
  'identity_name',
  'identity_key',
  'management_key',
  'user_email',
] as const;

/** Parses config text; throws WorkspaceError (exit 2) naming the file when it is malformed. */
export function parseRaviConfig(text: string, file: string): RaviConfigFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(file, 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw malformed(file, 'not a JSON object');
  const record = value as Record<string, unknown>;
  for (const field of stringFields) {
    if (record[field] !== undefined && typeof record[field] !== 'string') {
      throw malformed(file, `"${field}" must be a string`);
    }
  }
  return record as RaviConfigFile;
}

/** Larger than any config ravi or ravi-hooks writes (a few hundred bytes) by two orders of magnitude. */
export const MAX_CONFIG_BYTES = 64 * 1024;

export interface ReadOptions {
  /** Refuse a symlink as the file itself (O_NOFOLLOW); for workspace files a repository may ship. */
  noFollow?: boolean;
}

/**
 * Reads and parses `file`; null when it does not exist. A directory, a device, a FIFO or a
 * file over 64 KiB is an error naming the file.
 * NOTE: the file is opened once (non-blocking, so a FIFO can't hang us), checked with fstat
 * on that descriptor, and read with a bounded buffer: a repository shipping
 * `.ravi/config.json -> /dev/zero` once made a provision grow to 16.8 GB.
 */
export function readRaviConfig(file: string, options: ReadOptions = {}): RaviConfigFile | null {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0);
  let fd: number;
  try {
    fd = openSync(file, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw malformed(file, 'its parent .ravi is a file, not a directory');
    if (code === 'EISDIR') throw malformed(file, 'it is a directory');
    if (code === 'ELOOP') throw malformed(file, 'it is a symlink');
    throw malformed(file, `unreadable (${code ?? 'error'})`);
  }
  try {
    return parseRaviConfig(readBounded(fd, file), file);
  } finally {
    closeSync(fd);
  }
}

function readBounded(fd: number, file: string): string {
  const stat = fstatSync(fd);
  if (stat.isDirectory()) throw malformed(file, 'it is a directory');
  if (!stat.isFile()) throw malformed(file, 'it is not a regular file');
  if (stat.size > MAX_CONFIG_BYTES) throw malformed(file, `it is larger than ${MAX_CONFIG_BYTES / 1024} KiB`);
  // NOTE: one byte more than the limit, so a file that grows after fstat is still caught
  const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
  let length = 0;
  for (let n = -1; n !== 0 && length < buffer.length; length += n) {
    try {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    } catch (error) {
      throw malformed(file, `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (length > MAX_CONFIG_BYTES) throw malformed(file, `it is larger than ${MAX_CONFIG_BYTES / 1024} KiB`);
  return buffer.toString('utf8', 0, length);
}

export function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function malformed(file: string, why: string): WorkspaceError {
  return new WorkspaceError(`${file} is malformed: ${why}`, {
    hint: 'fix or remove that file (ravi-hooks never overwrites a config it did not write)',
  });
}
