/**
 * Contract §3: config resolution. `<cwd>/.ravi/config.json` (exact cwd only), else
 * `$HOME/.ravi/config.json`, else empty. The first file found wins entirely: no merge.
 * No environment variable other than HOME is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulator, selectNewIdentity, stderrError, stdoutJson, workspace } from './helpers';

const NO_CREDENTIALS = 'API error: Authentication credentials were not provided.';

describe('where the config comes from', () => {
  it('uses $HOME/.ravi/config.json when the cwd has none', async () => {
    const emu = emulator();
    const result = await emu.run(['identity', 'list'], { cwd: workspace(emu) });
    expect(result.code).toBe(0);
    expect(emu.argv().at(-1)?.configPath).toBe(path.join(emu.home, '.ravi', 'config.json'));
  });

  it('uses <cwd>/.ravi/config.json when present', async () => {
    const emu = emulator();
    const ws = workspace(emu);
    const file = emu.writeConfig(ws, { management_key: emu.managementKey });
    expect((await emu.run(['identity', 'list'], { cwd: ws })).code).toBe(0);
    expect(emu.argv().at(-1)?.configPath).toBe(file);
  });

  it('does not walk up: a config in the parent directory is ignored', async () => {
    const emu = emulator();
    const parent = workspace(emu, 'repo');
    emu.writeConfig(parent, { identity_uuid: 'only-in-parent' });
    const child = workspace(emu, 'repo/sub');
    const status = stdoutJson(await emu.run(['auth', 'status'], { cwd: child }));
    expect(status).toEqual({ authenticated: true, email: emu.accountEmail });
  });

  it('does not merge: a workspace config holding only identity_uuid is unauthenticated', async () => {
    const emu = emulator();
    const identity = selectNewIdentity(emu);
    const ws = workspace(emu);
    emu.writeConfig(ws, { identity_uuid: identity.uuid });
    for (const args of [
      ['identity', 'list'],
      ['get', 'email'],
      ['secrets', 'list'],
    ]) {
      const result = await emu.run(args, { cwd: ws });
      expect(result.code).toBe(1);
      expect(stderrError(result)).toBe(NO_CREDENTIALS);
    }
    expect(stdoutJson(await emu.run(['auth', 'status'], { cwd: ws }))).toEqual({
      authenticated: false,
      message: 'Not authenticated. Run `ravi auth login` to authenticate.',
    });
  });

  it('ignores RAVI_CONFIG_DIR and every other variable except HOME', async () => {
    const emu = emulator();
    const elsewhere = workspace(emu, 'elsewhere');
    emu.writeConfig(elsewhere, { management_key: emu.managementKey });
    const result = await emu.run(['identity', 'list'], {
      env: {
        HOME: workspace(emu, 'empty-home'),
        RAVI_CONFIG_DIR: path.join(elsewhere, '.ravi'),
        RAVI_ACCESS_TOKEN: emu.managementKey,
      },
    });
    expect(stderrError(result)).toBe(NO_CREDENTIALS);
  });

  it('falls back to ./.ravi with a warning when HOME is empty', async () => {
    const emu = emulator();
    const ws = workspace(emu);
    const result = await emu.run(['identity', 'list'], { cwd: ws, env: { HOME: '' } });
    expect(result.stderr).toMatch(
      /^Warning: \$HOME not set, using \.\/\.ravi\/ for config\n\{\n {2}"error": /,
    );
  });
});

describe('a malformed config file', () => {
  it.each([
    ['{"management_key": }', "invalid character '}' looking for beginning of value"],
    ['{management_key: "x"}', "invalid character 'm' looking for beginning of object key string"],
    ['', 'unexpected end of JSON input'],
    [
      '{"management_key": 5}',
      'json: cannot unmarshal number into Go struct field Config.management_key of type string',
    ],
    ['[]', 'json: cannot unmarshal array into Go value of type config.Config'],
    ['{"a": 1} x', "invalid character 'x' after top-level value"],
  ])('%j is a runtime error quoting Go: %s', async (text, goError) => {
    const emu = emulator();
    const ws = workspace(emu);
    fs.mkdirSync(path.join(ws, '.ravi'));
    const file = path.join(ws, '.ravi', 'config.json');
    fs.writeFileSync(file, text);
    const result = await emu.run(['identity', 'list'], { cwd: ws });
    expect(result.code).toBe(1);
    expect(stderrError(result)).toBe(
      `loading config: reading project config ${file}: parsing config file ${file}: ${goError}`,
    );
  });

  it('still lets auth status exit 0, reporting the error', async () => {
    const emu = emulator();
    fs.writeFileSync(path.join(emu.home, '.ravi', 'config.json'), '{oops');
    const result = await emu.run(['auth', 'status'], { cwd: workspace(emu) });
    expect(result.code).toBe(0);
    const status = stdoutJson(result);
    expect(status.authenticated).toBe(false);
    expect(status.error).toMatch(
      /^reading global config .*config\.json: parsing config file .*: invalid character 'o'/,
    );
  });

  it('matches field names case-insensitively, like encoding/json', async () => {
    const emu = emulator();
    const ws = workspace(emu);
    fs.mkdirSync(path.join(ws, '.ravi'));
    fs.writeFileSync(
      path.join(ws, '.ravi', 'config.json'),
      JSON.stringify({ MANAGEMENT_KEY: emu.managementKey, extra: 1 }),
    );
    expect((await emu.run(['identity', 'list'], { cwd: ws })).code).toBe(0);
  });
});

describe('which key each command sends', () => {
  it('management commands use only management_key, even when an identity_key is present', async () => {
    const emu = emulator();
    const identity = emu.createIdentity();
    const ws = workspace(emu);
    emu.writeConfig(ws, { identity_key: emu.mintIdentityKey(identity.uuid) });
    expect(stderrError(await emu.run(['identity', 'list'], { cwd: ws }))).toBe(NO_CREDENTIALS);
    expect(stderrError(await emu.run(['domains'], { cwd: ws }))).toBe(NO_CREDENTIALS);
  });

  it('identity-scoped commands use identity_key, which sees only its own identity', async () => {
    const emu = emulator();
    const mine = emu.createIdentity({ name: 'Mine' });
    emu.createIdentity({ name: 'Other' });
    const ws = workspace(emu);
    emu.writeConfig(ws, { identity_key: emu.mintIdentityKey(mine.uuid) });
    expect(stdoutJson(await emu.run(['get', 'email'], { cwd: ws })).email).toBe(mine.inbox);
  });

  it('falls back to management_key, which identity-scoped endpoints reject by default', async () => {
    const emu = emulator();
    const result = await emu.run(['secrets', 'list']);
    expect(result.code).toBe(1);
    expect(stderrError(result)).toMatch(/^API error: This endpoint requires an identity-scoped API key/);
  });

  it('serves the account-wide view to a management key with RAVI_EMU_MANAGEMENT_SCOPE=account', async () => {
    const emu = emulator({ managementScope: 'account' });
    const identity = emu.createIdentity();
    expect(stdoutJson(await emu.run(['get', 'email'])).email).toBe(identity.inbox);
    const secret = stdoutJson(await emu.run(['secrets', 'set', 'SHARED', 'v']));
    expect(Object.keys(secret)).not.toContain('identity');
  });

  it('rejects keys the server does not know', async () => {
    const emu = emulator();
    const ws = workspace(emu);
    emu.writeConfig(ws, { management_key: 'ravi_mk_doesnotexist' });
    expect(stderrError(await emu.run(['identity', 'list'], { cwd: ws }))).toBe('API error: Invalid API key.');
  });
});
