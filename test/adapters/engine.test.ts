import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { type Adapter, AdapterError, adapterContext, installAdapter } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { gitdir, gitIn, testdir } from '../support/tmp';

/** A two-file adapter: appends a line to each file it names (relative to the root). */
function fake(names: string[], mode?: number): Adapter {
  const line = '# ravi-hooks\n';
  return {
    name: 'fake',
    description: 'test adapter',
    files: (context) => names.map((name) => ({ path: path.join(context.root, name), scope: 'root', mode })),
    apply: (_c, _f, text) => (text?.endsWith(line) ? text : (text ?? '') + line),
    remove: (_c, _f, text) => (text?.endsWith(line) ? text.slice(0, -line.length) || null : text),
    isInstalled: (_c, _f, text) => text?.endsWith(line) ?? false,
    notes: () => ['next step'],
  };
}

const options = (dir: string) => ({ dir, home: testdir(), command: 'ravi-hooks' });

describe('the install engine', () => {
  it('writes every file or none: a later failure restores the earlier ones', async () => {
    const dir = testdir({ 'a.txt': 'mine\n', blocker: 'a file, not a directory\n' });
    chmodSync(path.join(dir, 'a.txt'), 0o640);
    await expect(installAdapter(fake(['a.txt', 'new.txt', 'blocker/b.txt']), options(dir))).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('mine\n');
    expect(statSync(path.join(dir, 'a.txt')).mode & 0o777).toBe(0o640);
    expect(existsSync(path.join(dir, 'new.txt'))).toBe(false);
  });

  it('keeps an existing mode, gives new files the adapter mode, and warns about a non-executable hook', async () => {
    const dir = testdir({ 'old.sh': '#!/bin/sh\n' });
    const result = await installAdapter(fake(['old.sh', 'new.sh'], 0o755), options(dir));
    expect(statSync(path.join(dir, 'old.sh')).mode & 0o777).toBe(0o644);
    expect(statSync(path.join(dir, 'new.sh')).mode & 0o777).toBe(0o755);
    expect(result.warnings).toEqual([expect.stringMatching(/old\.sh is not executable/)]);
    expect(result.files.map((f) => f.action)).toEqual(['update', 'create']);
    expect(result.notes).toEqual(['next step']);
  });

  it('a dry run writes nothing and returns unified diffs', async () => {
    const dir = testdir({ 'a.txt': 'mine\n' });
    const result = await installAdapter(fake(['a.txt', 'b.txt']), { ...options(dir), dryRun: true });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(dir, 'b.txt'))).toBe(false);
    expect(result.files[0]?.diff).toMatch(
      /^--- a\/a\.txt\n\+\+\+ b\/a\.txt\n@@ -1,1 \+1,2 @@\n mine\n\+# ravi-hooks\n/,
    );
    expect(result.files[1]?.diff).toMatch(/^--- \/dev\/null\n\+\+\+ b\/b\.txt\n/);
  });

  it('refuses paths that leave their root, directly or through a symlink', async () => {
    const dir = testdir();
    const outside = testdir({ 'target.txt': 'outside\n' });
    symlinkSync(path.join(outside, 'target.txt'), path.join(dir, 'link.txt'));
    symlinkSync(outside, path.join(dir, 'linked-dir'));
    for (const name of ['../escape.txt', 'link.txt', 'linked-dir/x.txt']) {
      await expect(installAdapter(fake([name]), options(dir))).rejects.toThrow(AdapterError);
    }
    expect(readFileSync(path.join(outside, 'target.txt'), 'utf8')).toBe('outside\n');
    expect(existsSync(path.join(outside, 'x.txt'))).toBe(false);
  });

  it('edits a symlinked file where it points when that stays inside the root (dotfiles)', async () => {
    const dir = testdir({ 'dotfiles/config': 'x\n' });
    symlinkSync(path.join(dir, 'dotfiles/config'), path.join(dir, 'config'));
    await installAdapter(fake(['config']), options(dir));
    expect(readFileSync(path.join(dir, 'dotfiles/config'), 'utf8')).toBe('x\n# ravi-hooks\n');
  });

  it('asks git for the hooks directory: core.hooksPath, husky, and linked worktrees', async () => {
    const repo = gitdir();
    const adapter = fake([]);
    expect((await adapterContext(adapter, options(repo))).git).toEqual({
      hooksDir: path.join(repo, '.git/hooks'),
      configFile: path.join(repo, '.git/config'),
    });
    const worktree = path.join(testdir(), 'wt');
    gitIn(repo, ['worktree', 'add', '-q', worktree]);
    const inWorktree = await adapterContext(adapter, options(path.join(worktree)));
    expect(inWorktree).toMatchObject({
      root: worktree,
      git: { hooksDir: path.join(repo, '.git/hooks'), configFile: path.join(repo, '.git/config') },
    });
    gitIn(repo, ['config', 'core.hooksPath', '.husky/_']);
    mkdirSync(path.join(repo, 'sub'));
    expect((await adapterContext(adapter, options(path.join(repo, 'sub')))).git).toEqual({
      hooksDir: path.join(repo, '.husky/_'),
      huskyDir: path.join(repo, '.husky'),
      configFile: path.join(repo, '.git/config'),
    });
    const plain = testdir();
    expect(await adapterContext(adapter, options(plain))).not.toHaveProperty('git');
  });

  it('never overwrites a change made between reading and writing', async () => {
    const dir = testdir({ 'a.txt': 'mine\n' });
    const racing: Adapter = {
      ...fake(['a.txt']),
      apply: (_c, _f, text) => {
        writeFileSync(path.join(dir, 'a.txt'), 'changed by someone else\n');
        return `${text}# ravi-hooks\n`;
      },
    };
    await expect(installAdapter(racing, options(dir))).rejects.toThrow(/changed while/);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('changed by someone else\n');
  });
});
