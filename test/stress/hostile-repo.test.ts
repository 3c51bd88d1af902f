/**
 * Issue 9: a repository the user did not write is data. One case per finding of the
 * adversarial review; each would have failed before the fix. (Findings 8 and 10, the
 * management key in a `ravi` child's argv and temp area, belong to the HTTP transport.)
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { gitdir, gitIn, testdir } from '../support/tmp';
import {
  canaryProgram,
  FOREIGN_CONFIG,
  hostileRepo,
  keyListener,
  readText,
  USER_KEY,
} from './support/hostile-repo';
import { providerWorld } from './support/providers';

const lines = (text: string) => text.trimEnd().split('\n').filter(Boolean);
const worktree = (repo: string, name: string) =>
  path.join(path.dirname(repo), `${path.basename(repo)}-${name}`);

describe('findings 1, 2, 6: a repository config selecting a program, a URL, a provider, phones, exportSecrets', () => {
  it('a fresh clone through the git hook, provision, doctor, exec --provision, teardown and gc: no code runs, no key leaves, nothing is adopted', async () => {
    const pw = await providerWorld('local');
    const canary = canaryProgram();
    const listener = await keyListener();
    const repo = hostileRepo(canary, listener);
    const env = { ...pw.env, RAVI_HOOKS_MANAGEMENT_KEY: USER_KEY };
    expect((await runCli(['init', 'git', '--repo', repo], { env })).code).toBe(0);
    const wt = worktree(repo, 'hook');
    gitIn(repo, ['worktree', 'add', '-q', '-b', 'hooked', wt], env);
    try {
      const hooked = JSON.parse(readText(path.join(wt, '.ravi/config.json')));
      expect(pw.live()).toEqual([hooked.identity_uuid]);

      const p = await runCli(['provision', repo, '--json'], { env });
      expect(p.code, p.stderr).toBe(0);
      // one warning line per forbidden key, naming the file and the key; the name applies
      const warnings = lines(p.stderr);
      expect(warnings).toHaveLength(5);
      for (const key of ['provider', 'exportSecrets', 'phone', 'trustCodeConfig', 'ravi.bin'])
        expect(
          warnings.some((l) => l.includes(`ignoring ${key}`) && l.includes('ravi-hooks.config.json')),
        ).toBe(true);
      expect(JSON.parse(p.stdout)).toMatchObject({ name: `clone-${path.basename(repo)}`, phone: null });

      const doctor = await runCli(['doctor', '--json'], { env, cwd: repo });
      expect(JSON.parse(doctor.stdout).provider).toBe('local');

      const other = worktree(repo, 'exec');
      gitIn(repo, ['worktree', 'add', '-q', '-b', 'exec', other], env);
      const exec = await runCli(['exec', '--provision', '--dir', other, '--', 'true'], { env });
      expect(exec.code, exec.stderr).toBe(0);

      for (const dir of [repo, wt, other]) {
        expect(existsSync(path.join(dir, '.env.local')), 'exportSecrets came from the repository').toBe(
          false,
        );
        expect(gitIn(dir, ['status', '--porcelain']), 'nothing git would commit').toBe('');
        expect((await runCli(['teardown', dir], { env })).code).toBe(0);
      }
      expect((await runCli(['gc'], { env })).code).toBe(0);
      expect(pw.live()).toEqual([]);
    } finally {
      gitIn(repo, ['worktree', 'prune'], env);
    }
    expect(canary.ran(), "the repository's ravi.bin ran").toBe(false);
    expect(listener.requests, "the repository's apiUrl was called").toEqual([]);
  }, 60_000);

  it('with the ravi provider chosen by the user: the real API deletes the identity, the repository’s apiUrl and ravi.bin never see a thing', async () => {
    const pw = await providerWorld('ravi');
    const canary = canaryProgram();
    const listener = await keyListener();
    const repo = hostileRepo(canary, listener);
    const p = await runCli(['provision', repo, '--json'], { env: pw.env });
    expect(p.code, p.stderr).toBe(0);
    expect(pw.live()).toEqual([JSON.parse(p.stdout).uuid]);
    expect((await runCli(['teardown', repo], { env: pw.env })).code).toBe(0);
    expect((await runCli(['gc'], { env: pw.env })).code).toBe(0);
    expect(pw.live(), 'the identity is really deleted, not orphaned by a fake 204').toEqual([]);
    expect(canary.ran()).toBe(false);
    expect(listener.requests).toEqual([]);
    pw.assertGlobalUntouched();
  }, 30_000);
});

describe('finding 3: no management key reaches an agent', () => {
  it('exec, the ravi shim and `env` strip it, by name and by value', async () => {
    const pw = await providerWorld('local');
    const ws = testdir();
    const dump = path.join(testdir(), 'env.json');
    const fakeRavi = path.join(testdir(), 'ravi');
    writeFileSync(fakeRavi, `#!/bin/sh\nenv > '${dump}'\n`);
    chmodSync(fakeRavi, 0o755);
    const env = { ...pw.env, RAVI_HOOKS_MANAGEMENT_KEY: USER_KEY, MY_COPY: USER_KEY, RAVI_BIN: fakeRavi };
    expect((await runCli(['provision', ws], { env })).code).toBe(0);
    const printEnv = ['-e', 'process.stdout.write(JSON.stringify(process.env))'];
    const exec = await runCli(['exec', '--dir', ws, '--', process.execPath, ...printEnv], { env });
    expect(exec.code, exec.stderr).toBe(0);
    expect(exec.stdout).not.toContain(USER_KEY);
    expect(JSON.parse(exec.stdout).RAVI_CONFIG_DIR).toBe(path.join(ws, '.ravi'));
    const shim = await runCli(['ravi', '--', 'whoami'], { env, cwd: ws });
    expect(shim.code, shim.stderr).toBe(0);
    expect(readText(dump)).not.toContain(USER_KEY);
    const sh = await runCli(['env', ws], { env });
    expect(lines(sh.stdout).at(-1)).toBe('unset MY_COPY RAVI_HOOKS_MANAGEMENT_KEY');
  }, 30_000);
});

describe('findings 4, 5, 7: a .ravi/config.json the clone shipped is never adopted', () => {
  it('committed: `secrets` refuses (exit 2, one line), which/env/exec flag it with one warning line', async () => {
    const pw = await providerWorld('local');
    const repo = gitdir({ '.ravi/config.json': FOREIGN_CONFIG });
    const set = await runCli(['secrets', 'set', 'STRIPE_KEY', '-', '--dir', repo], {
      env: pw.env,
      input: 'sk\n',
    });
    expect(set.code).toBe(2);
    expect(lines(set.stderr)).toEqual([
      expect.stringMatching(/^ravi-hooks: refusing .*\.ravi\/config\.json: it is tracked by git/),
    ]);
    expect((await runCli(['secrets', 'list', repo], { env: pw.env })).code).toBe(2);
    for (const args of [
      ['which', repo],
      ['env', repo],
      ['exec', '--dir', repo, '--', 'true'],
    ]) {
      const r = await runCli(args, { env: pw.env });
      expect(r.code, r.stderr).toBe(0);
      expect(lines(r.stderr)).toEqual([
        expect.stringMatching(/^ravi-hooks: warning: .*tracked by git.*someone else's identity/),
      ]);
    }
  }, 30_000);

  it('a .ravi symlink into a tracked folder: flagged by which, refused by secrets and provision', async () => {
    const pw = await providerWorld('local');
    const repo = gitdir({ 'src/config.json': FOREIGN_CONFIG });
    symlinkSync('src', path.join(repo, '.ravi'));
    const which = await runCli(['which', repo], { env: pw.env });
    expect(lines(which.stderr)).toEqual([
      expect.stringMatching(/warning: .*reached through a symlink \(\.ravi -> src\)/),
    ]);
    const list = await runCli(['secrets', 'list', repo], { env: pw.env });
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(/symlink/);
    // NOTE: provision's refusal is the lifecycle's (issue 8), through the same inspection
    const p = await runCli(['provision', repo], { env: pw.env });
    expect(p.code, p.stderr).toBe(2);
    expect(gitIn(repo, ['status', '--porcelain']), 'nothing new in the tracked folder').toBe('?? .ravi\n');
    expect(readText(path.join(repo, 'src/config.json'))).toBe(FOREIGN_CONFIG);
    expect(pw.live()).toEqual([]);
  }, 20_000);

  it('.ravi/config.json -> /dev/zero, or a FIFO: every command ends at once with exit 2 naming the file', async () => {
    const pw = await providerWorld('local');
    const zero = gitdir({ '.ravi/.keep': '' });
    symlinkSync('/dev/zero', path.join(zero, '.ravi/config.json'));
    const fifo = testdir({ '.ravi': null });
    execFileSync('mkfifo', [path.join(fifo, '.ravi/config.json')]);
    for (const ws of [zero, fifo]) {
      for (const args of [
        ['which', ws],
        ['env', ws],
        ['secrets', 'list', ws],
        ['provision', ws],
      ]) {
        const r = await runCli(args, { env: pw.env, timeoutMs: 20_000 });
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
        expect(r.stderr).toMatch(/\.ravi\/config\.json/);
      }
    }
    expect(pw.live()).toEqual([]);
  }, 60_000);
});

describe('findings 6, 9, 12: secrets stay out of git, shells and logs', () => {
  it('a tracked .env.local is refused naming the file; an untracked 0644 one becomes 0600', async () => {
    const pw = await providerWorld('local');
    const env = { ...pw.env, RAVI_HOOKS_EXPORT_SECRETS: '1' };
    const tracked = gitdir({ '.env.local': 'PUBLIC=1\n' });
    const p = await runCli(['provision', tracked], { env: pw.env });
    expect(p.code, p.stderr).toBe(0);
    await runCli(['secrets', 'set', 'API_TOKEN', 'tok-1', '--dir', tracked], { env: pw.env });
    const exp = await runCli(['secrets', 'export', tracked], { env });
    expect(exp.code).toBe(2);
    expect(lines(exp.stderr)).toEqual([
      expect.stringMatching(/refusing to write secrets into .*\.env\.local: git tracks it/),
    ]);
    expect(readText(path.join(tracked, '.env.local'))).toBe('PUBLIC=1\n');

    const open = testdir({ '.env.local': 'MINE=1\n' });
    chmodSync(path.join(open, '.env.local'), 0o644);
    expect((await runCli(['provision', open], { env })).code).toBe(0);
    expect(statSync(path.join(open, '.env.local')).mode & 0o777).toBe(0o600);
  }, 30_000);

  it('sourcing `env --format dotenv` or .env.local never runs a command hidden in a path or a value', async () => {
    const pw = await providerWorld('local');
    const canary = path.join(testdir(), 'canary');
    const env = { ...pw.env, RAVI_HOOKS_EXPORT_SECRETS: '1', CANARY: canary };
    const ws = path.join(testdir(), "it's `touch $CANARY`");
    mkdirSync(ws);
    expect((await runCli(['provision', ws], { env })).code).toBe(0);
    await runCli(['secrets', 'set', 'EVIL', "it's `touch $CANARY` $(touch $CANARY)", '--dir', ws], { env });
    const dotenv = await runCli(['env', ws, '--format', 'dotenv'], { env });
    writeFileSync(path.join(ws, 'printed.env'), dotenv.stdout);
    const back = execFileSync(
      'sh',
      ['-c', '. ./printed.env; . ./.env.local; printf %s "$RAVI_CONFIG_DIR|$EVIL"'],
      {
        cwd: ws,
        env: { ...process.env, CANARY: canary },
        encoding: 'utf8',
      },
    );
    expect(existsSync(canary), 'sourcing ran a command').toBe(false);
    expect(back).toBe(`${path.join(ws, '.ravi')}|it's \`touch $CANARY\` $(touch $CANARY)`);
  }, 30_000);

  it('`secrets list --json` prints values only with --show', async () => {
    const pw = await providerWorld('local');
    const ws = testdir();
    await runCli(['provision', ws], { env: pw.env });
    await runCli(['secrets', 'set', 'API_TOKEN', 'value-that-must-not-print', '--dir', ws], { env: pw.env });
    const hidden = await runCli(['secrets', 'list', ws, '--json'], { env: pw.env });
    expect(hidden.stdout).not.toContain('value-that-must-not-print');
    expect(JSON.parse(hidden.stdout).keys).toEqual(['API_TOKEN']);
    const shown = await runCli(['secrets', 'list', ws, '--json', '--show'], { env: pw.env });
    expect(JSON.parse(shown.stdout).secrets).toEqual({ API_TOKEN: 'value-that-must-not-print' });
  }, 20_000);
});

describe('finding 11: .amux/workspaces.json read the way amux reads it', () => {
  it('a duplicate setup-workspace key: init edits the last one (the one amux runs)', async () => {
    const pw = await providerWorld('local');
    const repo = gitdir({
      '.amux/workspaces.json': '{"setup-workspace": ["a"], "setup-workspace": ["b"]}\n',
    });
    const r = await runCli(['init', 'amux', '--repo', repo], { env: pw.env });
    expect(r.code, r.stderr).toBe(0);
    const seen = JSON.parse(readText(path.join(repo, '.amux/workspaces.json')));
    expect(seen['setup-workspace'][0]).toBe('b');
    expect(seen['setup-workspace'].some((c: string) => c.includes('provision'))).toBe(true);
  }, 20_000);

  it('nesting 100,000 deep: exit 2 naming the file, not a stack overflow', async () => {
    const pw = await providerWorld('local');
    const text = `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const repo = gitdir({ '.amux/workspaces.json': text });
    const r = await runCli(['init', 'amux', '--repo', repo], { env: pw.env });
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/\.amux\/workspaces\.json is nested more than 64 levels/),
    ]);
    expect(readText(path.join(repo, '.amux/workspaces.json'))).toBe(text);
  }, 20_000);
});
