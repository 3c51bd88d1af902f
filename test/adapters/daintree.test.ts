import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/** What Daintree does: each command through /bin/sh in the worktree, DAINTREE_* vars, CI=true; stop at the first failure. */
async function run(w: World, repo: string, key: 'setup' | 'teardown', worktree: string) {
  const commands = readJson(path.join(repo, '.daintree/config.json'))[key] as string[];
  const env = {
    CI: 'true',
    NONINTERACTIVE: '1',
    GIT_TERMINAL_PROMPT: '0',
    DAINTREE_WORKTREE_PATH: worktree,
    DAINTREE_PROJECT_ROOT: repo,
    DAINTREE_WORKTREE_NAME: path.basename(worktree),
  };
  for (const command of commands) {
    const r = await w.sh(command, worktree, { env });
    if (r.code !== 0) return r;
  }
  return { code: 0, stdout: '', stderr: '' };
}

describe('Daintree end to end', () => {
  it(
    'setup provisions the worktree, teardown takes it away before git worktree remove',
    async () => {
      const w = world();
      const repo = gitdir();
      expect((await w.cli(['init', 'daintree'], repo)).code).toBe(0);
      const worktree = path.join(testdir(), 'daintree-issue-42');
      gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'issue-42', worktree]);

      const setup = await run(w, repo, 'setup', worktree);
      expect(setup.code, setup.stderr).toBe(0);
      expect(readJson(path.join(worktree, '.ravi/config.json')).identity_name).toBe('daintree-issue-42');

      const teardown = await run(w, repo, 'teardown', worktree);
      expect(teardown.code, teardown.stderr).toBe(0);
      expect(w.identities()).toHaveLength(0);

      expect((await w.cli(['init', 'daintree', '--remove'], repo)).code).toBe(0);
      expect(existsSync(path.join(repo, '.daintree/config.json'))).toBe(false);
    },
    budgetFor(6),
  );
});
