import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/** What gtr's run_hooks does: every value of gtr.hook.<phase>, eval'd in a bash subshell, stdin /dev/null. */
async function runHooks(w: World, repo: string, phase: string, worktree: string, branch: string) {
  const script = [
    'while IFS= read -r hook; do',
    '  [ -z "$hook" ] && continue',
    '  ( export REPO_ROOT="$1" WORKTREE_PATH="$2" BRANCH="$3"; eval "$hook" ) </dev/null || exit 1',
    `done <<EOF\n$(git -C "$1" config --get-all gtr.hook.${phase})\nEOF`,
  ].join('\n');
  return w.sh(`bash -c '${script.replace(/'/g, "'\\''")}' gtr "${repo}" "${worktree}" "${branch}"`, worktree);
}

describe('gtr end to end', () => {
  it(
    "postCreate provisions the new worktree after the user's hook; preRemove tears it down",
    async () => {
      const w = world();
      const repo = gitdir();
      gitAt(w, repo, ['config', '--add', 'gtr.hook.postCreate', 'echo "user hook for $BRANCH" > .user-hook']);
      const init = await w.cli(['init', 'gtr'], repo);
      expect(init.code, init.stderr).toBe(0);
      const values = gitAt(w, repo, ['config', '--get-all', 'gtr.hook.postCreate']).trim().split('\n');
      expect(values).toHaveLength(2);
      expect(values[1]).toMatch(/then ravi-hooks provision "\$WORKTREE_PATH" --name-hint "\$BRANCH"; else/);

      const worktree = path.join(testdir(), 'app-worktrees/feature-x');
      gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'feature/x', worktree]);
      const created = await runHooks(w, repo, 'postCreate', worktree, 'feature/x');
      expect(created.code, created.stderr).toBe(0);
      expect(readJson(path.join(worktree, '.ravi/config.json')).identity_name).toMatch(/feature-x/);

      const removing = await runHooks(w, repo, 'preRemove', worktree, 'feature/x');
      expect(removing.code, removing.stderr).toBe(0);
      expect(w.identities()).toHaveLength(0);

      expect((await w.cli(['init', 'gtr', '--remove'], repo)).code).toBe(0);
      expect(gitAt(w, repo, ['config', '--get-all', 'gtr.hook.postCreate']).trim()).toBe(
        'echo "user hook for $BRANCH" > .user-hook',
      );
    },
    budgetFor(6),
  );

  it(
    'installs into the shared config from a linked worktree too',
    async () => {
      const w = world();
      const repo = gitdir();
      const linked = path.join(testdir(), 'linked');
      gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'linked', linked]);
      expect((await w.cli(['init', 'gtr'], linked)).code).toBe(0);
      expect(gitAt(w, repo, ['config', '--get-all', 'gtr.hook.preRemove'])).toMatch(/ravi-hooks teardown/);
    },
    budgetFor(2),
  );
});
