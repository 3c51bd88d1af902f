/**
 * Does the post-checkout hook git will really run call ravi-hooks? Looking at our block is
 * not enough: a hook manager rewrites the hook from its own config on every install
 * (lefthook, simple-git-hooks, pre-commit), and husky runs `.husky/<hook>` through a stub it
 * generates. `doctor` and `init --list` report this, naming the manager involved.
 */
import path from 'node:path';
import { modeOf, readTextIfExists } from '../io/files';
import { tryGit } from '../io/process';
import { hookManager } from './managers';

export interface HookCheck {
  /** The hook file git runs. */
  hook: string;
  /** ravi-hooks is set up somewhere (the hook, husky's script or the manager's config). */
  configured: boolean;
  /** The hook git runs will call ravi-hooks. */
  runs: boolean;
  /** The manager owning the hooks: husky, lefthook, simple-git-hooks or pre-commit. */
  manager?: string;
  problem?: string;
  fix?: string;
}

const read = (file: string) => readTextIfExists(file).catch(() => null);
const OURS = /# >>> ravi-hooks >>>| hook post-checkout /;

const INSTALL: Record<string, string> = {
  husky: 'npx husky',
  lefthook: 'npx lefthook install',
  'simple-git-hooks': 'npx simple-git-hooks',
  'pre-commit': 'pre-commit install --hook-type post-checkout',
};

/** Null outside a git repository. */
export async function postCheckoutCheck(dir: string): Promise<HookCheck | null> {
  const out = await tryGit(
    ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-path', 'hooks'],
    dir,
  );
  const [toplevel, hooks] = (out ?? '').split('\n').map((line) => line.trim());
  if (!toplevel || !hooks) return null;
  const hooksDir = path.resolve(dir, hooks);
  const hook = path.join(hooksDir, 'post-checkout');
  const text = await read(hook);
  const husky = path.basename(hooksDir) === '_' && path.basename(path.dirname(hooksDir)) === '.husky';
  if (husky) {
    const script = path.join(path.dirname(hooksDir), 'post-checkout');
    const configured = OURS.test((await read(script)) ?? '');
    const runs = configured && text !== null;
    return {
      hook,
      configured,
      runs,
      manager: 'husky',
      ...(configured && !runs ? missing('husky', script, hook) : {}),
    };
  }
  const manager = await hookManager(toplevel, hooksDir);
  if (manager) {
    const configured = OURS.test((await read(manager.config)) ?? '');
    const runs =
      configured &&
      (manager.name === 'simple-git-hooks' ? OURS.test(text ?? '') : (text ?? '').includes(manager.name));
    const stale = !configured && OURS.test(text ?? '');
    return {
      hook,
      configured: configured || stale,
      runs,
      manager: manager.name,
      ...(configured && !runs ? missing(manager.name, manager.config, hook) : {}),
      ...(stale
        ? {
            problem: `${manager.name} owns the hooks (${path.basename(manager.config)}): its next install removes ravi-hooks from ${hook}`,
            fix: `run \`ravi-hooks init git\` again: it now puts the call into ${path.basename(manager.config)}`,
          }
        : {}),
    };
  }
  const configured = OURS.test(text ?? '');
  const executable = ((await modeOf(hook)) ?? 0) & 0o111;
  return {
    hook,
    configured,
    runs: configured && executable !== 0,
    ...(configured && !executable
      ? { problem: `${hook} is not executable, so git skips it`, fix: `chmod +x ${hook}` }
      : {}),
  };
}

function missing(manager: string, config: string, hook: string) {
  return {
    problem: `ravi-hooks is in ${path.basename(config)}, but ${manager} has not written the hook git runs (${hook})`,
    fix: `run \`${INSTALL[manager]}\``,
  };
}
