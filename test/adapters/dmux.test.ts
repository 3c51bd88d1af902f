import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor } from '../support/cli';
import { gitdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/** What dmux's triggerHook does: spawn the file itself, detached, cwd = project root, stdio ignored. */
function triggerHook(w: World, root: string, hook: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const child = spawn(path.join(root, '.dmux-hooks', hook), [], {
    cwd: root,
    env: { ...w.env, DMUX_ROOT: root, DMUX_SERVER_PORT: '42000', ...env },
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return new Promise((resolve) => child.on('exit', resolve));
}

describe('dmux end to end', () => {
  it(
    'worktree_created provisions $DMUX_WORKTREE_PATH; before_worktree_remove tears down while dmux deletes it',
    async () => {
      const w = world();
      const root = gitdir();
      expect((await w.cli(['init', 'dmux'], root)).code).toBe(0);
      mkdirSync(path.join(root, '.dmux/worktrees'), { recursive: true });
      const worktree = path.join(root, '.dmux/worktrees/fix-auth');
      gitAt(w, root, ['worktree', 'add', '-q', '-b', 'dmux/fix-auth', worktree]);
      const env = { DMUX_WORKTREE_PATH: worktree, DMUX_SLUG: 'fix-auth', DMUX_BRANCH: 'dmux/fix-auth' };

      expect(await triggerHook(w, root, 'worktree_created', env)).toBe(0);
      expect(readJson(path.join(worktree, '.ravi/config.json')).identity_name).toBe('fix-auth');
      expect(w.identities()).toHaveLength(1);

      // closeAction fires the hook without waiting and removes the worktree at once: race it
      const hook = triggerHook(w, root, 'before_worktree_remove', env);
      rmSync(worktree, { recursive: true, force: true });
      gitAt(w, root, ['worktree', 'prune']);
      expect(await hook).toBe(0);
      expect(w.identities()).toHaveLength(0);
    },
    budgetFor(6),
  );

  it(
    'a pane without a worktree (no DMUX_WORKTREE_PATH) is skipped quietly',
    async () => {
      const w = world();
      const root = gitdir();
      expect((await w.cli(['init', 'dmux'], root)).code).toBe(0);
      expect(await triggerHook(w, root, 'worktree_created', {})).toBe(0);
      expect(w.identities()).toHaveLength(0);
    },
    budgetFor(2),
  );
});
