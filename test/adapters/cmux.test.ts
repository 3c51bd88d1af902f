import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor } from '../support/cli';
import { gitdir } from '../support/tmp';
import { gitAt, readJson, world } from './harness';

describe('cmux end to end', () => {
  it(
    '`cmux new` runs .cmux/setup in the new worktree, `cmux rm` runs .cmux/teardown before removing it',
    async () => {
      const w = world();
      const repo = gitdir({
        'README.md': '# app\n',
        '.cmux/setup': '#!/bin/bash\nset -e\necho setup-ran > .setup-ran\n',
      });
      chmodSync(path.join(repo, '.cmux/setup'), 0o755); // cmux runs only executable hooks
      expect((await w.cli(['init', 'cmux'], repo)).code).toBe(0);
      expect(statSync(path.join(repo, '.cmux/teardown')).mode & 0o111).not.toBe(0);

      // what `_cmux_new` does: git worktree add under .worktrees/, cd there, run the hook directly
      const worktree = path.join(repo, '.worktrees/fix-login');
      gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'fix-login', worktree]);
      const setup = await w.sh(`"${repo}/.cmux/setup"`, worktree);
      expect(setup.code, setup.stderr).toBe(0);
      expect(readFileSync(path.join(worktree, '.setup-ran'), 'utf8')).toBe('setup-ran\n');
      expect(readJson(path.join(worktree, '.ravi/config.json')).identity_name).toMatch(/fix-login/);
      expect(w.identities()).toHaveLength(1);

      const teardown = await w.sh(`"${repo}/.cmux/teardown"`, worktree);
      expect(teardown.code, teardown.stderr).toBe(0);
      expect(w.identities()).toHaveLength(0);
      gitAt(w, repo, ['worktree', 'remove', '--force', worktree]); // the setup left files behind

      expect((await w.cli(['init', 'cmux', '--remove'], repo)).code).toBe(0);
      expect(readFileSync(path.join(repo, '.cmux/setup'), 'utf8')).toBe(
        '#!/bin/bash\nset -e\necho setup-ran > .setup-ran\n',
      );
      expect(existsSync(path.join(repo, '.cmux/teardown'))).toBe(false);
    },
    budgetFor(8),
  );

  it(
    'refuses a hook that is not a shell script, and writes nothing',
    async () => {
      const w = world();
      const node = '#!/usr/bin/env node\nconsole.log("setup")\n';
      const repoWithNode = gitdir({ '.cmux/setup': node });
      const r = await w.cli(['init', 'cmux'], repoWithNode);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/runs with node, not a shell/);
      expect(readFileSync(path.join(repoWithNode, '.cmux/setup'), 'utf8')).toBe(node);
      expect(existsSync(path.join(repoWithNode, '.cmux/teardown'))).toBe(false);
    },
    budgetFor(2),
  );
});
