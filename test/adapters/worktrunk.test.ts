import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseToml, shQuote } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { budgetFor } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/**
 * What worktrunk does with a user hook: render its template (each variable shell-escaped,
 * `sanitize` turning / into -) and run it with `sh -c` in the worktree.
 */
function runHook(w: World, hook: string, worktree: string, branch: string) {
  const file = path.join(w.home, '.config/worktrunk/config.toml');
  const config = parseToml(readFileSync(file, 'utf8'), file, 'worktrunk would refuse it');
  const table = config[hook] as Record<string, string> | Record<string, string>[];
  const steps = Array.isArray(table) ? table : [table];
  const commands = steps.flatMap((step) => Object.values(step));
  const render = (cmd: string) =>
    cmd
      .replaceAll('{{ worktree_path }}', shQuote(worktree))
      .replaceAll('{{ branch | sanitize }}', shQuote(branch.replace(/[/\\]/g, '-')));
  return Promise.all(commands.map((cmd) => w.sh(render(cmd), worktree)));
}

describe('worktrunk end to end', () => {
  it(
    'pre-start provisions each new worktree, pre-remove tears it down; the user config keeps its own hooks',
    async () => {
      const w = world();
      const repo = gitdir();
      const own = '[pre-start]\nenv = "echo PORT=1234 > .env.local"\n';
      const configFile = path.join(w.home, '.config/worktrunk/config.toml');
      await w.sh(`mkdir -p "${path.dirname(configFile)}" && printf '%s' '${own}' > "${configFile}"`, w.home);
      const init = await w.cli(['init', 'worktrunk'], repo);
      expect(init.code, init.stderr).toBe(0);
      expect(init.stdout).toMatch(/approval/);

      const worktree = path.join(testdir(), 'app.feature-auth');
      gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'feature/auth', worktree]);
      const started = await runHook(w, 'pre-start', worktree, 'feature/auth');
      for (const r of started) expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(path.join(worktree, '.env.local'), 'utf8')).toBe('PORT=1234\n');
      expect(readJson(path.join(worktree, '.ravi/config.json')).identity_name).toBe('feature-auth');

      const removed = await runHook(w, 'pre-remove', worktree, 'feature/auth');
      for (const r of removed) expect(r.code, r.stderr).toBe(0);
      expect(w.identities()).toHaveLength(0);

      expect((await w.cli(['init', 'worktrunk', '--remove'], repo)).code).toBe(0);
      expect(readFileSync(configFile, 'utf8')).toBe(own);
    },
    budgetFor(6),
  );

  it(
    'refuses a config worktrunk could not read either (exit 2, file untouched)',
    async () => {
      const w = world();
      const configFile = path.join(w.home, '.config/worktrunk/config.toml');
      await w.sh(
        `mkdir -p "${path.dirname(configFile)}" && printf 'pre-start = "npm ci"\\n' > "${configFile}"`,
        w.home,
      );
      const r = await w.cli(['init', 'worktrunk'], gitdir());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/single command string/);
      expect(readFileSync(configFile, 'utf8')).toBe('pre-start = "npm ci"\n');
    },
    budgetFor(2),
  );
});
