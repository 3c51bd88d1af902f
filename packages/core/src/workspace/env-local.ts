import path from 'node:path';
import { WorkspaceError } from '../errors';
import { assertInside, readTextIfExists, writeFileAtomically } from '../io/files';
import { trackedPaths } from './tracked';

/**
 * The `.env.local` block for `exportSecrets`. We own only the marked block; whatever the
 * user keeps in `.env.local` stays byte for byte, and removing the block restores it.
 */
const BEGIN = '# >>> ravi-hooks secrets >>>';
const END = '# <<< ravi-hooks secrets <<<';

/**
 * Quotes a value for dotenv so that `source .env.local` (or `set -a; . file`) in a POSIX
 * shell gives back the value and never runs anything: bare when plain, single quotes when
 * possible (never expanded, even by dotenv-expand), else double quotes with `\\ " $ \``
 * escaped (the four characters a shell interprets there) and newlines written `\n`.
 * NOTE: backticks were not escaped before, so a secret holding `touch x` in backticks ran
 * when the file was sourced.
 */
export function dotenvQuote(value: string): string {
  if (!/['"\n\r\\$ #`]/.test(value)) return value;
  if (!/['\n\r]/.test(value)) return `'${value}'`;
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\$/g, '\\$')
    .replace(/`/g, '\\`')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
  return `"${escaped}"`;
}

export function applySecretsBlock(current: string | null, secrets: Record<string, string>): string {
  const base = removeSecretsBlock(current) ?? '';
  const lines = Object.keys(secrets)
    .filter((k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
    .sort()
    .map((k) => `${k}=${dotenvQuote(secrets[k] ?? '')}`);
  const block = [BEGIN, ...lines, END].join('\n');
  const sep = base.length === 0 || base.endsWith('\n') ? '' : '\n';
  return `${base}${sep}${block}\n`;
}

/**
 * Strips our block; returns null when nothing else is left (the file was ours alone).
 * NOTE: a newline we added to separate the block from a user's unterminated last line is
 * left in place; only the block itself is ours to take away.
 */
export function removeSecretsBlock(current: string | null): string | null {
  if (current === null) return null;
  const start = current.indexOf(BEGIN);
  const endMarker = start === -1 ? -1 : current.indexOf(END, start);
  if (endMarker === -1) return current;
  let end = endMarker + END.length;
  if (current[end] === '\n') end += 1;
  const rest = current.slice(0, start) + current.slice(end);
  return rest.length === 0 ? null : rest;
}

/**
 * (Re)writes our block in `<workspace>/.env.local` with `secrets`. The file ends up 0600
 * whatever its mode was (it now holds secrets), and a `.env.local` git tracks is refused:
 * the next `git commit -a` would publish the secrets.
 */
export async function writeSecretsBlock(workspace: string, secrets: Record<string, string>): Promise<string> {
  const file = path.join(workspace, '.env.local');
  await assertInside(workspace, file);
  if ((await trackedPaths(workspace, ['.env.local'])).length > 0) {
    throw new WorkspaceError(`refusing to write secrets into ${file}: git tracks it`, {
      hint: 'untrack it (git rm --cached .env.local) or turn exportSecrets off',
    });
  }
  const current = await readTextIfExists(file);
  await writeFileAtomically(file, applySecretsBlock(current, secrets), { mode: 0o600, forceMode: true });
  return file;
}
