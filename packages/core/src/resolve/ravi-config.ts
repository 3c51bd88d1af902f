/**
 * Reads a `.ravi/config.json`. NOTE: this sits on the hot path of `which`, `env` and the
 * `ravi` shim (run inside git hooks and by agents on every call), so it validates by hand
 * instead of importing zod, which alone costs ~60 ms of start-up.
 */
import { readFileSync, statSync } from 'node:fs';
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

/** Reads and parses `file`; null when it does not exist. A directory or unreadable file is an error. */
export function readRaviConfig(file: string): RaviConfigFile | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw malformed(file, 'its parent .ravi is a file, not a directory');
    if (code === 'EISDIR') throw malformed(file, 'it is a directory');
    throw malformed(file, `unreadable (${code ?? 'error'})`);
  }
  return parseRaviConfig(text, file);
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
