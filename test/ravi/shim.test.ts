import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRavi } from '../../packages/ravi-emulator/src/index.mjs';
import { runCli } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { FIXTURES, json, provisionOk, raviSandbox } from './support';

describe('the `ravi` shim agents get (ravi-hooks ravi -- ARGS)', () => {
  it('authenticates `ravi get email` from a nested directory, where the real CLI alone cannot', async () => {
    const sb = await raviSandbox();
    const repo = gitdir({ 'src/deep/file.txt': 'x' });
    const out = await provisionOk(sb, repo);
    const nested = path.join(repo, 'src/deep');

    // ravi v0.6 reads only <cwd>/.ravi and $HOME/.ravi: from here it uses the account key
    const bare = await runRavi(sb.emu.ravi, ['get', 'email'], {
      cwd: nested,
      env: sb.env as Record<string, string>,
    });
    expect(bare.code).toBe(1);

    const viaShim = await runCli(['exec', '--', 'ravi', 'get', 'email'], { cwd: nested, env: sb.env });
    expect(viaShim.stderr).toBe('');
    expect(viaShim.code).toBe(0);
    expect(json(viaShim.stdout).email).toBe(out.email);
    expect(sb.emu.argv().at(-1)).toMatchObject({ argv: ['get', 'email'], cwd: nested, home: repo });
    sb.assertGlobalUntouched();
  });

  it('passes arguments, stdin, stdout, stderr and the exit code through, keeping the cwd', async () => {
    const repo = testdir({
      '.ravi/config.json': '{"identity_uuid": "u-1", "identity_key": "k"}\n',
      'a/b/c.txt': '',
    });
    const nested = path.join(repo, 'a/b');
    const env = {
      HOME: testdir(),
      RAVI_HOOKS_STATE_DIR: testdir(),
      RAVI_CONFIG_DIR: '',
      RAVI_BIN: path.join(FIXTURES, 'report'),
      REPORT_EXIT: '7',
    };
    const r = await runCli(['ravi', '--', 'get', 'email', '--human'], {
      cwd: nested,
      env,
      input: 'piped in\n',
    });
    expect(r.code).toBe(7);
    expect(r.stdout).toBe(`args=get email --human\nhome=${repo}\npwd=${nested}\nstdin=piped in\n`);
    expect(r.stderr).toBe('report: stderr line\n');
  });

  it('handles RAVI_CONFIG_DIR pointing at a directory not named .ravi (private HOME, wiped after)', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const out = await provisionOk(sb, repo);
    const elsewhere = testdir();
    const configDir = path.join(elsewhere, 'agent-config');
    cpSync(path.join(repo, '.ravi'), configDir, { recursive: true });
    const r = await runCli(['ravi', '--', 'get', 'email'], {
      cwd: elsewhere,
      env: { ...sb.env, RAVI_CONFIG_DIR: configDir },
    });
    expect(r.stderr).toBe('');
    expect(json(r.stdout).email).toBe(out.email);
    expect(readdirSync(path.join(sb.state, 'tmp'))).toEqual([]);
  });

  it('refuses to run when the cwd holds another .ravi that would override RAVI_CONFIG_DIR', async () => {
    const here = testdir({ '.ravi/config.json': '{"identity_uuid": "u-here", "identity_key": "k1"}\n' });
    const there = testdir({ '.ravi/config.json': '{"identity_uuid": "u-there", "identity_key": "k2"}\n' });
    const env = {
      HOME: testdir(),
      RAVI_HOOKS_STATE_DIR: testdir(),
      RAVI_BIN: path.join(FIXTURES, 'report'),
      RAVI_CONFIG_DIR: path.join(there, '.ravi'),
    };
    const r = await runCli(['ravi', '--', 'get', 'email'], { cwd: here, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would override RAVI_CONFIG_DIR/);
    expect(r.stdout).toBe('');
    const same = await runCli(['ravi', '--', 'get', 'email'], { cwd: there, env });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`home=${there}\n`);
  });

  it('refuses `auth logout` inside a workspace (it would delete the workspace .ravi)', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    await provisionOk(sb, repo);
    const r = await runCli(['ravi', '--', 'auth', 'logout'], { cwd: repo, env: sb.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing `ravi auth logout`/);
    expect(readFileSync(path.join(repo, '.ravi/config.json'), 'utf8')).toContain('identity_key');
  });

  it('never finds itself: with only the shim on PATH it fails with exit 3 and the brew hint', async () => {
    const state = testdir();
    const env = { HOME: testdir(), RAVI_HOOKS_STATE_DIR: state, RAVI_CONFIG_DIR: '', RAVI_BIN: '', PATH: '' };
    const printed = await runCli(['env', '--format', 'json'], { cwd: testdir(), env });
    const shimDir = json(printed.stdout).RAVI_HOOKS_SHIM_DIR;
    const r = await runCli(['ravi', '--', 'version'], {
      env: { ...env, PATH: `${shimDir}${path.delimiter}${path.dirname(process.execPath)}` },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/the real ravi was not found .*brew install ravi-hq\/tap\/ravi/);
    const loop = await runCli(['ravi', '--', 'version'], {
      env: { ...env, RAVI_BIN: path.join(shimDir, 'ravi') },
    });
    expect(loop.code).toBe(3);
    expect(loop.stderr).toMatch(/the ravi shim found itself/);
  });
});
