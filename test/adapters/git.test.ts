import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { gitAt, readJson, snapshot, world } from './harness';

/** `git worktree add`, run as a tool runs it (its exit status is what orchestrators check). */
async function worktreeAdd(
  w: ReturnType<typeof world>,
  repo: string,
  dir: string,
  env: NodeJS.ProcessEnv = {},
  how: string[] = ['-b', path.basename(dir)],
) {
  const add = () =>
    runProcess('git', ['worktree', 'add', '-q', ...how, dir], {
      cwd: repo,
      env: { ...w.env, ...env },
    });
  let result = await add();
  // NOTE: git itself is not safe for concurrent `worktree add` in one repository: one can read
  // another's half-written .git/worktrees/<name>/commondir and die before creating anything.
  // That race is git's, not the hook's; an orchestrator would retry the same way.
  for (
    let retry = 0;
    retry < 3 && result.code === 128 && /commondir/.test(result.stderr) && !existsSync(dir);
    retry++
  ) {
    result = await add();
  }
  return result;
}

describe('git post-checkout end to end', () => {
  it('four parallel `git worktree add` get four distinct identities', async () => {
    const w = world();
    const repo = gitdir();
    expect((await w.cli(['init', 'git'], repo)).code).toBe(0);
    const parent = testdir();
    const dirs = ['a', 'b', 'c', 'd'].map((n) => path.join(parent, `wt-${n}`));
    // detached, as lalph does: a retry after git's own race (below) must not meet a half-made branch
    const results = await Promise.all(dirs.map((dir) => worktreeAdd(w, repo, dir, {}, ['--detach'])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const uuids = dirs.map((dir) => readJson(path.join(dir, '.ravi/config.json')).identity_uuid);
    expect(new Set(uuids).size).toBe(4);
    expect(w.identities()).toHaveLength(4);
    expect(existsSync(path.join(repo, '.ravi'))).toBe(false);
    // ordinary checkouts in a worktree provision nothing more
    gitAt(w, dirs[0]!, ['checkout', '-q', '-b', 'other']);
    expect(w.identities()).toHaveLength(4);
  });

  it('`git worktree add` still exits 0 when provisioning fails, with one line on stderr', async () => {
    const w = world();
    const repo = gitdir();
    await w.cli(['init', 'git'], repo);
    const dir = path.join(testdir(), 'wt');
    const r = await worktreeAdd(w, repo, dir, { RAVI_HOOKS_PROVIDER: 'nope' });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'README.md'))).toBe(true);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('ravi-hooks'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/post-checkout: .* got no identity/);
    expect(w.identities()).toHaveLength(0);
  });

  it('RAVI_HOOKS_SKIP=1 skips it; a plain clone or --no-checkout never provisions', async () => {
    const w = world();
    const repo = gitdir();
    await w.cli(['init', 'git'], repo);
    expect((await worktreeAdd(w, repo, path.join(testdir(), 'skip'), { RAVI_HOOKS_SKIP: '1' })).code).toBe(0);
    await runProcess('git', ['worktree', 'add', '-q', '--no-checkout', path.join(testdir(), 'nc')], {
      cwd: repo,
      env: w.env,
    });
    expect(w.identities()).toHaveLength(0);
  });

  it('keeps an existing hook working and puts the block before its `exit 0`', async () => {
    const w = world();
    const repo = gitdir();
    const hook = path.join(repo, '.git/hooks/post-checkout');
    const mine =
      '#!/bin/sh\necho "user hook ran: $3" >> "$(git rev-parse --git-common-dir)/user-hook.log"\nexit 0\n';
    writeFileSync(hook, mine);
    chmodSync(hook, 0o750);
    await w.cli(['init', 'git'], repo);
    expect(statSync(hook).mode & 0o777).toBe(0o750);
    const dir = path.join(testdir(), 'wt');
    expect((await worktreeAdd(w, repo, dir)).code).toBe(0);
    expect(existsSync(path.join(dir, '.ravi/config.json'))).toBe(true);
    expect(readFileSync(path.join(repo, '.git/user-hook.log'), 'utf8')).toBe('user hook ran: 1\n');
    await w.cli(['init', 'git', '--remove'], repo);
    expect(readFileSync(hook, 'utf8')).toBe(mine);
  });

  it('husky: edits .husky/post-checkout (not the generated .husky/_) and fires through husky', async () => {
    const w = world();
    const h =
      '#!/usr/bin/env sh\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\nsh -e "$s" "$@"\n';
    const repo = gitdir({
      '.husky/_/h': h,
      '.husky/_/post-checkout': '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n',
      '.husky/_/.gitignore': '*\n',
      '.husky/post-checkout': 'echo "husky post-checkout $3"\n',
    });
    chmodSync(path.join(repo, '.husky/_/post-checkout'), 0o755);
    gitAt(w, repo, ['config', 'core.hooksPath', '.husky/_']);
    const stub = readFileSync(path.join(repo, '.husky/_/post-checkout'), 'utf8');
    const r = await w.cli(['init', 'git', '--json'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({
      path: path.join(repo, '.husky/post-checkout'),
      action: 'update',
    });
    expect(readFileSync(path.join(repo, '.husky/_/post-checkout'), 'utf8')).toBe(stub);
    const dir = path.join(testdir(), 'wt');
    const add = await worktreeAdd(w, repo, dir);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout + add.stderr).toContain('husky post-checkout 1');
    expect(existsSync(path.join(dir, '.ravi/config.json'))).toBe(true);
  });

  it('core.hooksPath: the hook goes where git will look for it', async () => {
    const w = world();
    const repo = gitdir({ 'githooks/pre-commit': '#!/bin/sh\nexit 0\n' });
    gitAt(w, repo, ['config', 'core.hooksPath', 'githooks']);
    await w.cli(['init', 'git'], repo);
    expect(existsSync(path.join(repo, 'githooks/post-checkout'))).toBe(true);
    expect(statSync(path.join(repo, 'githooks/post-checkout')).mode & 0o777).toBe(0o755);
    expect(existsSync(path.join(repo, '.git/hooks/post-checkout'))).toBe(false);
    const dir = path.join(testdir(), 'wt');
    expect((await worktreeAdd(w, repo, dir)).code).toBe(0);
    expect(existsSync(path.join(dir, '.ravi/config.json'))).toBe(true);
  });

  it('init --dry-run writes nothing and shows the hook it would create', async () => {
    const w = world();
    const repo = gitdir({ '.amux/workspaces.json': '{"run": "npm start"}\n', 'WORKFLOW.md': 'prompt\n' });
    const hooks = snapshot(path.join(repo, '.git/hooks'));
    const files = snapshot(repo);
    for (const adapter of ['git', 'amux', 'symphony', 'lalph']) {
      const r = await w.cli(['init', adapter, '--dry-run'], repo);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/dry run, nothing written/);
      expect(r.stdout).toMatch(/^\+# >>> ravi-hooks >>>|ravi-hooks provision/m);
    }
    expect(snapshot(path.join(repo, '.git/hooks'))).toEqual(hooks);
    expect(snapshot(repo)).toEqual(files);
  });

  it('init --list tells which adapters are installed here', async () => {
    const w = world();
    const repo = gitdir();
    await w.cli(['init', 'git'], repo);
    const r = await w.cli(['init', '--list', '--json'], repo);
    const list = JSON.parse(r.stdout).adapters as Array<{ name: string; installed: boolean }>;
    expect(list.find((a) => a.name === 'git')?.installed).toBe(true);
    expect(list.find((a) => a.name === 'amux')?.installed).toBe(false);
    const unknown = await w.cli(['init', 'jenkins'], repo);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown adapter "jenkins".*amux, .*git, .*symphony/);
  });

  it('`ravi-hooks worktree remove` tears the identity down, then removes the worktree', async () => {
    const w = world();
    const repo = gitdir();
    await w.cli(['init', 'git'], repo);
    const dir = path.join(testdir(), 'wt');
    await worktreeAdd(w, repo, dir);
    expect(w.identities()).toHaveLength(1);
    writeFileSync(path.join(dir, 'dirty.txt'), 'x\n');
    const refused = await w.cli(['worktree', 'remove', dir], repo);
    expect(refused.code).toBe(1);
    expect(w.identities()).toHaveLength(1);
    rmSync(path.join(dir, 'dirty.txt'));
    const r = await w.cli(['worktree', 'remove', dir, '--json'], repo);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ removed: true, teardown: { identityDeleted: true } });
    expect(existsSync(dir)).toBe(false);
    expect(w.identities()).toHaveLength(0);
  });
});
