import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/** What Superset does: the key's commands joined with ` && ` under bash, in the worktree. */
function run(w: World, repo: string, key: 'setup' | 'teardown', worktree: string) {
  const commands = readJson(path.join(repo, '.superset/config.json'))[key] as string[];
  return w.sh(commands.join(' && '), worktree, {
    shell: 'bash',
    env: {
      SUPERSET_ROOT_PATH: repo,
      SUPERSET_WORKSPACE_NAME: 'Fix checkout flow',
      SUPERSET_WORKSPACE_PATH: worktree,
    },
  });
}

describe('Superset end to end', () => {
  it(
    "setup provisions after the user's commands, teardown runs first, a failing user command still fails",
    async () => {
      const w = world();
      const repo = gitdir();
      writeFileSync(
        path.join(repo, '.superset-config.json'),
        '{\n  "setup": ["echo installed > .installed"],\n  "teardown": ["false"]\n}\n',
      );
      await w.sh('mkdir .superset && mv .superset-config.json .superset/config.json', repo);
      expect((await w.cli(['init', 'superset'], repo)).code).toBe(0);

      const worktree = path.join(w.home, '.superset/worktrees/app/fix-checkout');
      gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'fix-checkout', worktree]);
      const setup = await run(w, repo, 'setup', worktree);
      expect(setup.code, setup.stderr).toBe(0);
      expect(readFileSync(path.join(worktree, '.installed'), 'utf8')).toBe('installed\n');
      expect(readJson(path.join(worktree, '.ravi/config.json')).identity_name).toBe('Fix checkout flow');

      const teardown = await run(w, repo, 'teardown', worktree);
      expect(teardown.code).not.toBe(0); // the user's own `false` still fails the teardown
      expect(w.identities()).toHaveLength(0); // but ours ran first
    },
    budgetFor(6),
  );

  it(
    'a repository that relied on .superset/setup.sh keeps running it',
    async () => {
      const w = world();
      const repo = gitdir({ '.superset/setup.sh': 'echo from-script > .from-script\n' });
      expect((await w.cli(['init', 'superset'], repo)).code).toBe(0);
      const worktree = path.join(testdir(), 'ws');
      gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'ws', worktree]);
      const setup = await run(w, repo, 'setup', worktree);
      expect(setup.code, setup.stderr).toBe(0);
      expect(readFileSync(path.join(worktree, '.from-script'), 'utf8')).toBe('from-script\n');
      expect(w.identities()).toHaveLength(1);
    },
    budgetFor(4),
  );
});
