import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { json, raviSandbox } from './support';

const byLabel = (checks: Array<{ label: string }>) => Object.fromEntries(checks.map((c) => [c.label, c]));

describe('ravi-hooks doctor with the ravi provider', () => {
  it('reports the binary, its version, the login, where the key comes from, and the API URL', async () => {
    const sb = await raviSandbox();
    const r = await runCli(['doctor', '--json'], { cwd: testdir(), env: sb.env });
    expect(r.code).toBe(0);
    const checks = byLabel(json(r.stdout).checks);
    expect(checks['ravi binary']).toMatchObject({ ok: true, value: sb.emu.ravi });
    expect(checks['ravi version']).toMatchObject({ ok: true, value: expect.stringMatching(/^v0\.6\.2 /) });
    expect(checks['ravi login (~/.ravi)']).toMatchObject({
      ok: true,
      value: 'authenticated as owner@example.test',
    });
    expect(checks['management key']).toMatchObject({ ok: true, value: `from ${sb.globalConfig}` });
    expect(checks['API URL']).toMatchObject({ ok: true, value: expect.stringContaining(sb.apiUrl) });
    expect(r.stdout).not.toContain(sb.emu.managementKey);
    expect(sb.invocations()).toEqual([['version'], ['auth', 'status']]);
  });

  it('checks the login without reading the workspace config it is run from', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    await runCli(['provision', repo], { env: sb.env });
    const { rmSync } = await import('node:fs');
    rmSync(sb.globalConfig);
    const r = await runCli(['doctor', '--json'], { cwd: repo, env: sb.env });
    const checks = byLabel(json(r.stdout).checks);
    // the workspace's identity key would read as "authenticated"; doctor must not see it
    expect(checks['ravi login (~/.ravi)']).toMatchObject({ ok: false, value: 'not authenticated' });
    expect(checks['management key']).toMatchObject({
      ok: false,
      fix: expect.stringMatching(/ravi auth login/),
    });
    expect(r.code).toBe(3);
    const auth = sb.emu.argv().find((e) => e.argv.join(' ') === 'auth status')!;
    expect(auth.cwd).not.toBe(repo);
  });

  it('names RAVI_HOOKS_MANAGEMENT_KEY as the source, never the key', async () => {
    const sb = await raviSandbox();
    const r = await runCli(['doctor', '--json'], {
      cwd: testdir(),
      env: { ...sb.env, HOME: testdir(), RAVI_HOOKS_MANAGEMENT_KEY: sb.emu.managementKey },
    });
    expect(r.code).toBe(0);
    const checks = byLabel(json(r.stdout).checks);
    expect(checks['management key']).toMatchObject({ ok: true, value: 'from RAVI_HOOKS_MANAGEMENT_KEY' });
    expect(checks['ravi login (~/.ravi)']).toMatchObject({
      ok: true,
      value: expect.stringMatching(/not needed/),
    });
    expect(r.stdout).not.toContain(sb.emu.managementKey);
  });

  it('a missing binary fails with the brew fix (exit 3)', async () => {
    const sb = await raviSandbox();
    const r = await runCli(['doctor'], { cwd: testdir(), env: { ...sb.env, PATH: testdir() } });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /FAIL {2}ravi binary: ravi not found on PATH\n {8}fix: install it with `brew install ravi-hq\/tap\/ravi`/,
    );
  });

  it('an old ravi (≤0.5) fails the version check and is never asked `auth status`', async () => {
    const sb = await raviSandbox({ version: 'v0.5.2' });
    const r = await runCli(['doctor', '--json'], { cwd: testdir(), env: sb.env });
    expect(r.code).toBe(3);
    const checks = byLabel(json(r.stdout).checks);
    expect(checks['ravi version']).toMatchObject({ ok: false, fix: expect.stringMatching(/brew upgrade/) });
    expect(sb.invocations()).toEqual([['version']]);
  });
});
