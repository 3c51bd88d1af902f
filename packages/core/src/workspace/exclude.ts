/**
 * Adds patterns to the repository's shared exclude file (`<common-dir>/info/exclude`) so
 * credentials can never be committed. Only appends; never rewrites other lines. Serialised
 * with a lock because every worktree of a repository shares this one file.
 */
import path from 'node:path';
import { readTextIfExists, writeFileAtomically } from '../io/files';
import { withLock } from '../lifecycle/lock';
import type { StatePaths } from '../state/paths';

export async function ensureExcluded(
  paths: StatePaths,
  commonDir: string,
  patterns: string[],
): Promise<boolean> {
  const file = path.join(commonDir, 'info', 'exclude');
  return withLock(paths, `exclude:${file}`, async () => {
    const current = (await readTextIfExists(file)) ?? '';
    const present = new Set(current.split(/\r?\n/).map((l) => l.trim()));
    const missing = patterns.filter((p) => !present.has(p));
    if (missing.length === 0) return false;
    const eol = current.includes('\r\n') ? '\r\n' : '\n';
    const prefix = current.length === 0 || current.endsWith('\n') ? current : current + eol;
    await writeFileAtomically(file, `${prefix}${missing.map((p) => `${p}${eol}`).join('')}`, { mode: 0o644 });
    return true;
  });
}
