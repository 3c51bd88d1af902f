import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { budgetFor } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

const env = (repo: string, worktree: string) => ({ ORCA_ROOT_PATH: repo, ORCA_WORKTREE_PATH: worktree });

/** Orca's setup: a runner script `#!/usr/bin/env bash` + `set -e` + the script, cwd = worktree. */
function setup(w: World, repo: string, worktree: string) {
  const script = parse(readFileSync(path.join(repo, 'orca.yaml'), 'utf8')).scripts.setup as string;
  const runner = path.join(testdir(), 'setup-runner.sh');
  writeFileSync(runner, `#!/usr/bin/env bash\nset -e\n${script}\n`);
  return w.sh(`bash "${runner}"`, worktree, { env: env(repo, worktree) });
}

/** Orca's archive: exec(script, { shell: '/bin/bash', cwd: worktree }). */
function archive(w: World, repo: string, worktree: string) {
  const script = parse(readFileSync(path.join(repo, 'orca.yaml'), 'utf8')).scripts.archive as string;
  return w.sh(script, worktree, { shell: 'bash', env: env(repo, worktree) });
}

describe('Orca end to end', () => {
  it(
    "setup (bash, set -e) provisions after the user's script; archive tears down first",
    async () => {
      const w = world();
      const yaml = 'scripts:\n  setup: |\n    echo ready > .ready\n  archive: |\n    echo archived\n';
      const repo = gitdir({ 'orca.yaml': yaml });
      expect((await w.cli(['init', 'orca'], repo)).code).toBe(0);
      const worktree = path.join(testdir(), 'orca-wt');
      gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'orca-wt', worktree]);

      const created = await setup(w, repo, worktree);
      expect(created.code, created.stderr).toBe(0);
      expect(readFileSync(path.join(worktree, '.ready'), 'utf8')).toBe('ready\n');
      expect(readJson(path.join(worktree, '.ravi/config.json')).identity_name).toBe('ws-orca-wt');

      const archived = await archive(w, repo, worktree);
      expect(archived.code, archived.stderr).toBe(0);
      expect(archived.stdout).toContain('archived');
      expect(w.identities()).toHaveLength(0);

      expect((await w.cli(['init', 'orca', '--remove'], repo)).code).toBe(0);
      expect(readFileSync(path.join(repo, 'orca.yaml'), 'utf8')).toBe(yaml);
    },
    budgetFor(6),
  );
});
