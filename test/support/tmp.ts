/**
 * Temp directories for tests: real files, real git, cleaned up after each test unless
 * KEEP_TMP=1 (then the path is printed so you can look inside).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) {
    if (process.env.KEEP_TMP === '1') console.log(`KEEP_TMP: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
});

/** A tree description: file path → content (string) or null for an empty directory. */
export type Tree = Record<string, string | null>;

/** Creates a temp directory holding `tree`; returns its real absolute path. */
export function testdir(tree: Tree = {}): string {
  // NOTE: testdir() lives in the OS temp dir, outside any repository, so config search and
  // git discovery never see this project's own files.
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ravi-hooks-test-')));
  created.push(dir);
  writeTree(dir, tree);
  return dir;
}

export function writeTree(root: string, tree: Tree): void {
  for (const [rel, content] of Object.entries(tree)) {
    const full = path.join(root, rel);
    if (content === null) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
}

/** Environment that isolates git from the developer's machine. */
export function gitEnv(home: string): Record<string, string> {
  return {
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig-test'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
}

/** Runs git in `cwd` with a fixed identity and no global config. */
export function gitIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...gitEnv(os.tmpdir()), ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * A real git repository on branch `main` with one commit holding `tree`.
 * Fixed user, no signing, no auto-gc.
 */
export function gitdir(tree: Tree = { 'README.md': '# test repo\n' }): string {
  const dir = testdir(tree);
  gitIn(dir, ['init', '-q', '-b', 'main']);
  for (const [key, value] of [
    ['user.name', 'Test'],
    ['user.email', 'test@example.invalid'],
    ['commit.gpgSign', 'false'],
    ['gc.auto', '0'],
  ] as const) {
    gitIn(dir, ['config', key, value]);
  }
  gitIn(dir, ['add', '-A']);
  gitIn(dir, ['commit', '-q', '-m', 'initial', '--allow-empty']);
  return dir;
}
