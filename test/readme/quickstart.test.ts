/**
 * The README's Quickstart, run exactly as written on a reader's machine (test/readme/sandbox):
 * every line must work, in order, from `cd ~/code/app` to `gc`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor, repoRoot, runProcess } from '../support/cli';
import { section, shBlocks } from './markdown';
import { readerMachine } from './sandbox';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

describe('README Quickstart', () => {
  const blocks = shBlocks(section(readme, 'Quickstart').body);

  it('has the block a reader copies', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.join('')).toMatch(/ravi-hooks init git/);
  });

  it(
    'copy-pastes: each line works in order, and leaves nothing behind',
    async () => {
      const machine = readerMachine();
      const r = await machine.run(blocks.join('\n'));
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      // which, from the worktree's src/, named the worktree's own config
      expect(r.stdout).toContain(path.join(machine.home, 'code', 'app-billing', '.ravi', 'config.json'));
      // the agent ran with that identity's address
      expect(r.stdout).toMatch(/agent sees RAVI_EMAIL=\S+@ravi-local\.invalid/);
      expect(existsSync(path.join(machine.home, 'code', 'app-billing'))).toBe(false);
      const list = await runProcess('ravi-hooks', ['list', '--all', '--json'], { env: machine.env });
      expect(list.code, list.stderr).toBe(0);
      expect(JSON.parse(list.stdout)).toEqual([]);
    },
    budgetFor(12),
  );
});
