/**
 * Which hook manager owns a repository's git hooks. lefthook, simple-git-hooks and pre-commit
 * (re)write `.git/hooks/*` from their own config on every install (simple-git-hooks even
 * deletes the hooks it was not told about), so a block we put into the hook file itself would
 * silently vanish: with a manager present, `init git` edits the manager's config instead.
 * husky is found from core.hooksPath (see context.ts).
 *
 * Config names from lefthook 2.x (lefthook.yml and friends), simple-git-hooks 2.x (package.json
 * key or .simple-git-hooks.json) and pre-commit 4.x (.pre-commit-config.yaml).
 */
import path from 'node:path';
import type { HookManager } from '../adapters/types';
import { readTextIfExists } from '../io/files';

const LEFTHOOK = [
  'lefthook.yml',
  '.lefthook.yml',
  'lefthook.yaml',
  '.lefthook.yaml',
  '.config/lefthook.yml',
  '.config/lefthook.yaml',
  'lefthook.json',
  '.lefthook.json',
  'lefthook.toml',
  '.lefthook.toml',
];
const SIMPLE_GIT_HOOKS = [
  '.simple-git-hooks.json',
  'simple-git-hooks.json',
  '.simple-git-hooks.cjs',
  '.simple-git-hooks.js',
  'simple-git-hooks.cjs',
  'simple-git-hooks.js',
];

const readText = (file: string) => readTextIfExists(file).catch(() => null);

async function firstExisting(root: string, names: readonly string[]): Promise<string | undefined> {
  for (const name of names)
    if ((await readText(path.join(root, name))) !== null) return path.join(root, name);
  return undefined;
}

/** The manager whose install would rewrite `post-checkout` in `hooksDir`, if any. */
export async function hookManager(root: string, hooksDir: string): Promise<HookManager | undefined> {
  const lefthook = await firstExisting(root, LEFTHOOK);
  if (lefthook) return { name: 'lefthook', config: lefthook };
  const simple = await firstExisting(root, SIMPLE_GIT_HOOKS);
  if (simple) return { name: 'simple-git-hooks', config: simple };
  const pkg = path.join(root, 'package.json');
  if (/"simple-git-hooks"\s*:\s*\{/.test((await readText(pkg)) ?? ''))
    return { name: 'simple-git-hooks', config: pkg };
  // NOTE: pre-commit only touches the hook types it is asked to install, so a plain
  // post-checkout hook is safe beside it unless post-checkout is one of them.
  const preCommit = path.join(root, '.pre-commit-config.yaml');
  const config = await readText(preCommit);
  const hook = (await readText(path.join(hooksDir, 'post-checkout'))) ?? '';
  if (config !== null && (/post-checkout/.test(config) || /pre-commit/.test(hook)))
    return { name: 'pre-commit', config: preCommit };
  return undefined;
}
