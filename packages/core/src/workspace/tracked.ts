/**
 * Which paths git tracks. A file git tracks is one `git commit -a` publishes, so secrets and
 * credentials must never be written into one, and one a repository shipped is not ours.
 */
import { tryGit } from '../io/process';

/**
 * The paths among `paths` (relative to `dir`, or absolute) that are in git's index, as git
 * prints them relative to `dir`. Empty outside a repository. A directory counts when any
 * file under it is tracked.
 */
export async function trackedPaths(dir: string, paths: readonly string[]): Promise<string[]> {
  // NOTE: `--full-name` off: paths come back relative to `dir`; `-z` so no name is quoted;
  // `:(literal)` so a name holding `*` or `:` is never read as a pattern
  const out = await tryGit(['ls-files', '-z', '--cached', '--', ...paths.map((p) => `:(literal)${p}`)], dir);
  if (out === null) return [];
  return out.split('\0').filter((p) => p.length > 0);
}
