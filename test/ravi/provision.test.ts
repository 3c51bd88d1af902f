import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emailSchema, phoneSchema } from '../../packages/core/src/providers/ravi/schemas';
import { runRavi } from '../../packages/ravi-emulator/src/index.mjs';
import { runCli, runProcess } from '../support/cli';
import { gitdir } from '../support/tmp';
import { countByCommand, json, provisionOk, raviSandbox } from './support';

describe('provision with the real ravi CLI (emulated v0.6.2)', () => {
  it('writes a workspace config that authenticates `ravi get email` from the workspace root', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const out = await provisionOk(sb, repo);
    expect(out).toMatchObject({
      workspace: repo,
      provider: 'ravi',
      created: true,
      name: `ws-${path.basename(repo)}`,
    });
    expect(sb.emu.identities().map((i) => i.uuid)).toEqual([out.uuid]);

    const email = await runRavi(sb.emu.ravi, ['get', 'email'], {
      cwd: repo,
      env: sb.env as Record<string, string>,
    });
    expect(email.stderr).toBe('');
    expect(emailSchema.parse(json(email.stdout)).email).toBe(out.email);
  });

  it('gives the workspace an identity key and never the management key', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const out = await provisionOk(sb, repo);
    const file = path.join(repo, '.ravi/config.json');
    const text = readFileSync(file, 'utf8');
    const config = json(text);
    expect(Object.keys(config).sort()).toEqual(['identity_key', 'identity_name', 'identity_uuid']);
    expect(config).toMatchObject({ identity_uuid: out.uuid, identity_name: out.name });
    expect(config.identity_key).toMatch(/^ravi_id_/);
    expect(text).not.toContain(sb.emu.managementKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    sb.assertGlobalUntouched();
  });

  it('runs exactly version + identity create + identity use, each in a private dir that is wiped', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    expect(sb.invocations()).toEqual([
      ['version'],
      ['identity', 'create', '--name', `ws-${path.basename(repo)}`],
      ['identity', 'use', uuid],
    ]);
    for (const entry of sb.emu.argv().slice(1)) {
      expect(entry.cwd.startsWith(path.join(sb.state, 'tmp'))).toBe(true);
      expect(entry.home).toBe(entry.cwd);
      expect(entry.configPath).toBe(path.join(entry.cwd, '.ravi/config.json'));
    }
    expect(readdirSync(path.join(sb.state, 'tmp'))).toEqual([]);
  });

  it('reads the management key from RAVI_HOOKS_MANAGEMENT_KEY when there is no global login', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const key = sb.emu.managementKey;
    rmSync(path.join(sb.emu.home, '.ravi'), { recursive: true });
    sb.env.RAVI_HOOKS_MANAGEMENT_KEY = key;
    await provisionOk(sb, repo);
    expect(readFileSync(path.join(repo, '.ravi/config.json'), 'utf8')).not.toContain(key);
  });

  it('asks for a phone number with --provision-phone when configured', async () => {
    const sb = await raviSandbox();
    sb.env.RAVI_HOOKS_PHONE = '1';
    const repo = gitdir();
    const out = await provisionOk(sb, repo);
    expect(out.phone).toMatch(/^\+1\d{3}55501\d{2}$/);
    expect(countByCommand(sb.invocations())).toEqual({ version: 1, 'identity create': 1, 'identity use': 1 });
    expect(sb.invocations()[1]).toContain('--provision-phone');
    const phone = await runRavi(sb.emu.ravi, ['get', 'phone'], {
      cwd: repo,
      env: sb.env as Record<string, string>,
    });
    expect(phoneSchema.parse(json(phone.stdout)).phone_number).toBe(out.phone);
  });

  it('exports secrets with `ravi secrets list` run with the identity key only', async () => {
    const sb = await raviSandbox();
    sb.env.RAVI_HOOKS_EXPORT_SECRETS = '1';
    const repo = gitdir();
    const out = await provisionOk(sb, repo);
    const list = sb.emu.argv().find((e) => e.argv.join(' ') === 'secrets list')!;
    expect(list.configPath).not.toBeNull();
    // the emulator rejects identity-scoped calls made with a management key, so this passing
    // proves the temp config held the identity key
    const set = await runProcess(sb.emu.ravi, ['secrets', 'set', 'API_TOKEN', 'abc'], {
      cwd: repo,
      env: sb.env,
    });
    expect(set.code).toBe(0);
    expect(sb.emu.secrets(out.uuid)).toHaveLength(1);
  });

  it('which and exec see the identity from a nested directory', async () => {
    const sb = await raviSandbox();
    const repo = gitdir({ 'src/deep/file.txt': 'x' });
    const out = await provisionOk(sb, repo);
    const nested = path.join(repo, 'src/deep');
    const which = json((await runCli(['which', '--json'], { cwd: nested, env: sb.env })).stdout);
    expect(which).toMatchObject({
      source: 'workspace',
      uuid: out.uuid,
      configPath: path.join(repo, '.ravi/config.json'),
    });
    const exported = await runCli(['exec', '--', 'sh', '-c', 'echo "$RAVI_IDENTITY_UUID"'], {
      cwd: nested,
      env: sb.env,
    });
    expect(exported.stdout.trim()).toBe(out.uuid);
  });
});
