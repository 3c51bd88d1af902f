/**
 * Provisioning over HTTP (the default transport) against the emulator's API server, with
 * no `ravi` binary anywhere on PATH.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRavi } from '../../packages/ravi-emulator/src/index.mjs';
import { runCli } from '../support/cli';
import { gitdir } from '../support/tmp';
import { httpSandbox, json, provisionOk } from './support';

const line = (l: { method: string; path: string }) => `${l.method} ${l.path}`;

describe('provision over HTTP, no ravi binary installed', () => {
  it('costs 2 requests (create, mint a key) and writes a workspace config the real CLI accepts', async () => {
    const sb = await httpSandbox();
    const repo = gitdir();
    const out = await provisionOk(sb, repo);
    expect(out).toMatchObject({ workspace: repo, provider: 'ravi', created: true });
    expect(sb.requests().map(line)).toEqual(['POST /api/identities/', 'POST /api/auth/keys/identity/']);
    expect(sb.requests().every((l) => l.caller === 'management')).toBe(true);
    const config = json(readFileSync(path.join(repo, '.ravi/config.json'), 'utf8'));
    expect(Object.keys(config).sort()).toEqual(['identity_key', 'identity_name', 'identity_uuid']);
    expect(config.identity_key).toMatch(/^ravi_id_/);
    // the emulated v0.6.2 CLI, run by hand in the workspace, acts as the identity
    const email = await runRavi(sb.emu.ravi, ['get', 'email'], { cwd: repo, env: sb.emu.env });
    expect(json(email.stdout).email).toBe(out.email);
    sb.assertGlobalUntouched();
  });

  it('costs 1 request when the server returns the identity key with the identity (api_key)', async () => {
    const sb = await httpSandbox({}, { apiKeyOnCreate: true });
    const repo = gitdir();
    const out = await provisionOk(sb, repo);
    expect(sb.requests().map(line)).toEqual(['POST /api/identities/']);
    const config = json(readFileSync(path.join(repo, '.ravi/config.json'), 'utf8'));
    const email = await runRavi(sb.emu.ravi, ['get', 'email'], { cwd: repo, env: sb.emu.env });
    expect([config.identity_key, json(email.stdout).email]).toEqual([
      expect.stringMatching(/^ravi_id_/),
      out.email,
    ]);
  });

  it('never copies the management key anywhere: no temp dir, nothing under the state dir holds it', async () => {
    const sb = await httpSandbox();
    const repo = gitdir();
    await provisionOk(sb, repo);
    expect(readdirSync(sb.state)).not.toContain('tmp');
    for (const file of filesUnder(sb.state))
      expect(readFileSync(file, 'utf8')).not.toContain(sb.emu.managementKey);
    expect(readFileSync(path.join(repo, '.ravi/config.json'), 'utf8')).not.toContain(sb.emu.managementKey);
  });

  it('takes the management key from RAVI_HOOKS_MANAGEMENT_KEY when there is no ~/.ravi login', async () => {
    const sb = await httpSandbox();
    rmSync(path.join(sb.emu.home, '.ravi'), { recursive: true });
    const repo = gitdir();
    const refused = await runCli(['provision', repo], { env: sb.env });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/no Ravi management key.*RAVI_HOOKS_MANAGEMENT_KEY/);
    sb.env.RAVI_HOOKS_MANAGEMENT_KEY = sb.emu.managementKey;
    await provisionOk(sb, repo);
    expect(sb.emu.identities()).toHaveLength(1);
  });

  it('a refused management key is exit 3 with the fix, and the key never appears in the output', async () => {
    const sb = await httpSandbox();
    const key = 'ravi_mgmt_not_a_real_key_0123456789';
    const r = await runCli(['provision', gitdir(), '--debug'], {
      env: { ...sb.env, RAVI_HOOKS_MANAGEMENT_KEY: key },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/refused the key.*HTTP 401: Invalid API key.*ravi auth login/);
    expect(r.stderr).not.toContain(key);
    expect(sb.emu.identities()).toEqual([]);
  });

  it('a phone on a free plan is "needs a paid Ravi plan", exit 1, nothing left behind', async () => {
    const sb = await httpSandbox({ plan: 'free' });
    const repo = gitdir();
    const r = await runCli(['provision', repo], { env: { ...sb.env, RAVI_HOOKS_PHONE: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /needs a paid Ravi plan.*HTTP 402: Phone provisioning requires an active subscription/,
    );
    expect(sb.emu.identities()).toEqual([]);
  });

  it('doctor shows the API URL and checks that the management key authenticates there', async () => {
    const sb = await httpSandbox();
    const ok = await runCli(['doctor'], { env: sb.env });
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain(`API URL: ${sb.apiUrl} (RAVI_HOOKS_API_URL)`);
    expect(ok.stdout).toMatch(/ok\s+API login: the management key authenticates/);
    const bad = await runCli(['doctor'], {
      env: { ...sb.env, RAVI_HOOKS_MANAGEMENT_KEY: 'ravi_mgmt_wrong_key_123456' },
    });
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/API login: .*HTTP 401/);
    expect(bad.stdout + bad.stderr).not.toContain('ravi_mgmt_wrong_key_123456');
  }, 20_000);
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}
