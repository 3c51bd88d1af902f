/** What git says about a workspace, asked once (ask git, don't parse .git). */
import path from 'node:path';
import { tryGit } from '../io/process';

export interface GitFacts {
  /** Top level of the working tree containing the workspace. */
  toplevel: string;
  gitDir: string;
  commonDir: string;
  /** A linked worktree (`git worktree add`), not the main checkout. */
  linkedWorktree: boolean;
}

export async function gitFacts(dir: string): Promise<GitFacts | null> {
  const out = await tryGit(
    ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir'],
    dir,
  );
  if (out === null) return null;
  const [toplevel, gitDir, commonDir] = out.split('\n').map((l) => l.trim());
  if (!toplevel || !gitDir || !commonDir) return null;
  return {
    toplevel,
    gitDir: path.resolve(gitDir),
    commonDir: path.resolve(commonDir),
    linkedWorktree: path.resolve(gitDir) !== path.resolve(commonDir),
  };
}

/** The main repository directory for a workspace: the parent of the common `.git` dir. */
export function repoRootOf(facts: GitFacts): string {
  return path.basename(facts.commonDir) === '.git' ? path.dirname(facts.commonDir) : facts.commonDir;
}

export async function currentBranch(dir: string): Promise<string | null> {
  const out = await tryGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], dir);
  return out === null ? null : out.trim() || null;
}

/** Absolute paths of every worktree of the repository owning `commonDir`. */
export async function worktreePaths(repoDir: string): Promise<Set<string> | null> {
  const out = await tryGit(['worktree', 'list', '--porcelain'], repoDir);
  if (out === null) return null;
  const paths = new Set<string>();
  for (const line of out.split('\n'))
    if (line.startsWith('worktree ')) paths.add(line.slice('worktree '.length));
  return paths;
}
