/**
 * `init git` with the real hook managers, installed from npm as a project would: the
 * manager's own install runs again after `init` (as it does on every `npm install`), and
 * `git worktree add` must still give the new worktree an identity.
 *
 * NOTE: tests never use the network. The managers come from the npm cache (`--offline`);
 * when they are not cached the case is skipped, saying how to cache them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { gitAt, type World, world } from './harness';

const VERSIONS = {
  lefthook: 'lefthook@2.2.2',
  'simple-git-hooks': 'simple-git-hooks@2.14.0',
  husky: 'husky@9.1.7',
};
const CACHE = process.env.npm_config_cache || path.join(os.homedir(), '.npm');

/** Installs `spec` into `repo` from the npm cache only; false when it is not cached. */
async function npmInstall(w: World, repo: string, spec: string): Promise<boolean> {
  const r = await runProcess(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '-D', spec],
    { cwd: repo, env: { ...w.env, npm_config_cache: CACHE, npm_config_update_notifier: 'false' } },
  );
  if (r.code !== 0)
    console.warn(
      `skipped: ${spec} is not in the npm cache (${CACHE}); \`npm cache add ${spec}\` once enables this test`,
    );
  return r.code === 0;
}

async function bin(w: World, repo: string, name: string, args: string[] = []) {
  const r = await runProcess(path.join(repo, 'node_modules/.bin', name), args, { cwd: repo, env: w.env });
  expect(r.code, `${name}: ${r.stdout}${r.stderr}`).toBe(0);
  return r;
}

async function addWorktree(w: World, repo: string): Promise<string> {
  gitAt(w, repo, ['add', '-A']);
  gitAt(w, repo, ['commit', '-q', '-m', 'hooks', '--allow-empty']);
  const dir = path.join(testdir(), 'wt');
  gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'feature', dir]);
  return dir;
}

/** The git row of `init --list --json`. */
function gitRow(r: { stdout: string }) {
  return JSON.parse(r.stdout).adapters.find((a: { name: string }) => a.name === 'git');
}

const project = (extra: Record<string, unknown> = {}) =>
  `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, ...extra }, null, 2)}\n`;

// NOTE: each case runs npm, the manager twice, ravi-hooks init and a worktree add: ~10 processes.
describe('init git with hook managers', () => {
  it('lefthook: the command lives in lefthook.yml and survives `lefthook install`', async (ctx) => {
    const w = world();
    const repo = gitdir({
      'package.json': project(),
      '.gitignore': 'node_modules/\n',
      'lefthook.yml': 'pre-commit:\n  commands:\n    lint:\n      run: echo lint\n',
    });
    if (!(await npmInstall(w, repo, VERSIONS.lefthook))) return ctx.skip();
    await bin(w, repo, 'lefthook', ['install']);
    const init = await w.cli(['init', 'git'], repo);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('lefthook.yml');
    // lefthook wrote no post-checkout hook yet: both doctor and init --list say so, and what to run
    const before = gitRow(await w.cli(['init', '--list', '--json'], repo));
    expect(before).toMatchObject({
      installed: false,
      hook: { manager: 'lefthook', fix: 'run `npx lefthook install`' },
    });
    const doctor = JSON.parse((await w.cli(['doctor', '--json'], repo)).stdout);
    expect(doctor.checks.find((c: { label: string }) => c.label === 'git hook')).toMatchObject({ ok: false });
    await bin(w, repo, 'lefthook', ['install']);
    expect(gitRow(await w.cli(['init', '--list', '--json'], repo))).toMatchObject({ installed: true });
    const wt = await addWorktree(w, repo);
    expect(existsSync(path.join(wt, '.ravi/config.json'))).toBe(true);
  }, 60_000);

  it('simple-git-hooks: the command lives in package.json and survives `simple-git-hooks`', async (ctx) => {
    const w = world();
    const repo = gitdir({
      'package.json': project({ 'simple-git-hooks': { 'pre-commit': 'echo lint' } }),
      '.gitignore': 'node_modules/\n',
    });
    if (!(await npmInstall(w, repo, VERSIONS['simple-git-hooks']))) return ctx.skip();
    await bin(w, repo, 'simple-git-hooks');
    const init = await w.cli(['init', 'git'], repo);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('package.json');
    await bin(w, repo, 'simple-git-hooks');
    expect(readFileSync(path.join(repo, '.git/hooks/post-checkout'), 'utf8')).toContain(
      'ravi-hooks hook post-checkout',
    );
    const wt = await addWorktree(w, repo);
    expect(existsSync(path.join(wt, '.ravi/config.json'))).toBe(true);
  }, 60_000);

  it('a plain hook that simple-git-hooks is about to wipe is reported, naming it; init again moves the call', async (ctx) => {
    const w = world();
    const repo = gitdir({ 'package.json': project(), '.gitignore': 'node_modules/\n' });
    if (!(await npmInstall(w, repo, VERSIONS['simple-git-hooks']))) return ctx.skip();
    expect((await w.cli(['init', 'git'], repo)).code).toBe(0);
    writeFileSync(
      path.join(repo, 'package.json'),
      project({ 'simple-git-hooks': { 'pre-commit': 'echo lint' } }),
    );
    const row = gitRow(await w.cli(['init', '--list', '--json'], repo));
    expect(row.hook.problem).toMatch(
      /^simple-git-hooks owns the hooks \(package\.json\): its next install removes ravi-hooks/,
    );
    expect((await w.cli(['init', 'git'], repo)).code).toBe(0);
    await bin(w, repo, 'simple-git-hooks');
    expect(gitRow(await w.cli(['init', '--list', '--json'], repo))).toMatchObject({ installed: true });
    const wt = await addWorktree(w, repo);
    expect(existsSync(path.join(wt, '.ravi/config.json'))).toBe(true);
  }, 60_000);

  it('husky: the block lives in .husky/post-checkout, with no executable-bit warning, and survives `husky`', async (ctx) => {
    const w = world();
    const repo = gitdir({ 'package.json': project(), '.gitignore': 'node_modules/\n' });
    if (!(await npmInstall(w, repo, VERSIONS.husky))) return ctx.skip();
    await bin(w, repo, 'husky');
    writeFileSync(path.join(repo, '.husky/pre-commit'), 'echo lint\n');
    const init = await w.cli(['init', 'git'], repo);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).not.toContain('executable');
    await bin(w, repo, 'husky');
    expect(readFileSync(path.join(repo, '.husky/post-checkout'), 'utf8')).toContain(
      'ravi-hooks hook post-checkout',
    );
    const wt = await addWorktree(w, repo);
    expect(existsSync(path.join(wt, '.ravi/config.json'))).toBe(true);
  }, 60_000);
});
