/**
 * Where the benchmark runs: the built CLI, the emulator, and temp dirs with their own HOME,
 * state dir and git configuration, removed at exit (BENCH_KEEP=1 keeps them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = process.env.RAVI_HOOKS_TEST_CLI || path.join(root, 'packages/cli/dist/cli.mjs');
export const node = process.execPath;

const made = [];
process.on('exit', () => {
  for (const dir of made) {
    if (process.env.BENCH_KEEP === '1') console.error(`BENCH_KEEP: ${dir}`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
});

/** A fresh temp dir (real path), removed at exit. */
export function tempDir(prefix = 'ravi-hooks-bench-') {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** An isolated world: HOME with a global ravi config, ravi-hooks state, git without user config. */
export function sandbox() {
  const base = tempDir();
  const home = path.join(base, 'home');
  mkdirSync(path.join(home, '.ravi'), { recursive: true });
  writeFileSync(path.join(home, '.ravi', 'config.json'), '{"management_key": "ravi_mk_bench_unused"}\n');
  return {
    base,
    home,
    state: path.join(base, 'state'),
    env: {
      ...process.env,
      HOME: home,
      RAVI_HOOKS_STATE_DIR: path.join(base, 'state'),
      XDG_CONFIG_HOME: path.join(home, '.config'),
      RAVI_HOOKS_PROVIDER: '',
      RAVI_HOOKS_FAULT: '',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.invalid',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    },
  };
}

/** `n` empty workspace dirs under `parent`. */
export function workspaces(parent, n, prefix = 'ws') {
  return Array.from({ length: n }, (_, i) => {
    const dir = path.join(parent, `${prefix}-${String(i).padStart(5, '0')}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  });
}

/** A git repository on `main` with one commit, in `dir`. */
export function gitRepo(dir, env) {
  mkdirSync(dir, { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgSign', 'false');
  git('config', 'gc.auto', '0');
  writeFileSync(path.join(dir, 'README.md'), '# bench\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  return dir;
}
