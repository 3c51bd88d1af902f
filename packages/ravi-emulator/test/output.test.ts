/**
 * Contract §2 and §5: JSON by default, pretty-printed with two spaces, followed by two
 * newlines (Println + main's extra Println), every struct field present.
 */
import { describe, expect, it } from 'vitest';
import { createIdentity, emulator, selectNewIdentity, stdoutJson } from './helpers';

describe('stdout on success', () => {
  it('is 2-space indented JSON followed by exactly two newlines', async () => {
    const emu = emulator();
    const result = await emu.run(['version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^\{\n {2}"message": "ravi version v0\.6\.2 \(commit: [0-9a-f]{40}, built: [0-9TZ:-]+\)"\n\}\n\n$/,
    );
    expect(result.stderr).toBe('');
  });

  it('prints every Identity field, with "" for a missing phone, and nothing else', async () => {
    const emu = emulator();
    const identity = await createIdentity(emu);
    expect(Object.keys(identity)).toEqual(['uuid', 'name', 'inbox', 'phone', 'created_dt', 'updated_dt']);
    expect(identity.phone).toBe('');
  });

  it('prints identity list as an array, [] when there are none', async () => {
    const emu = emulator();
    expect((await emu.run(['identity', 'list'])).stdout).toBe('[]\n\n');
    await createIdentity(emu);
    expect(stdoutJson(await emu.run(['identity', 'list']))).toHaveLength(1);
  });

  it('prints Go maps with sorted keys (identity use, auth status)', async () => {
    const emu = emulator();
    const identity = await createIdentity(emu);
    const used = await emu.run(['identity', 'use', identity.uuid]);
    expect(Object.keys(stdoutJson(used))).toEqual(['identity_name', 'identity_uuid', 'status']);
    expect(Object.keys(stdoutJson(await emu.run(['auth', 'status'])))).toEqual([
      'authenticated',
      'email',
      'identity',
      'identity_uuid',
    ]);
  });

  it('does not HTML-escape stdout (SetEscapeHTML(false)) but the config file is escaped', async () => {
    const emu = emulator();
    const identity = await createIdentity(emu, ['--name', 'R&D <bot>']);
    expect((await emu.run(['identity', 'list'])).stdout).toContain('"name": "R&D <bot>"');
    await emu.run(['identity', 'use', identity.uuid]);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${emu.home}/.ravi/config.json`, 'utf8')).toContain(
      '"identity_name": "R\\u0026D \\u003cbot\\u003e"',
    );
  });

  it('keeps every SecretEntry field, including the integer identity (omitempty drops it only when 0)', async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    const secret = stdoutJson(await emu.run(['secrets', 'set', 'TOKEN', 'abc']));
    expect(Object.keys(secret)).toEqual([
      'uuid',
      'identity',
      'key',
      'value',
      'notes',
      'created_dt',
      'updated_dt',
    ]);
    expect(secret.identity).toEqual(expect.any(Number));
  });
});

describe('--human', () => {
  it('prints reflection-style key: value lines instead of JSON', async () => {
    const emu = emulator();
    const result = await emu.run(['identity', 'create', '--name', 'Ada', '--human']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^uuid: [0-9a-f-]{36}\nname: Ada\ninbox: \S+\nphone: \ncreated_dt: \S+\nupdated_dt: \S+\n\n$/,
    );
  });

  it('prints time fields as a bare `created_dt:` (Go recurses into time.Time and finds no exported fields)', async () => {
    const emu = emulator();
    const created = JSON.parse((await emu.run(['identity', 'create', '--name', 'Ada'])).stdout);
    emu.writeConfig(emu.home, {
      management_key: emu.managementKey,
      identity_key: emu.mintIdentityKey(created.uuid),
    });
    const result = await emu.run(['get', 'email', '--human']);
    expect(result.stdout).toMatch(/^id: \d+\nemail: \S+@\S+\ncreated_dt:\n\n$/);
  });

  it('prints version as plain text', async () => {
    const emu = emulator();
    expect((await emu.run(['version', '--human'])).stdout).toMatch(
      /^ravi version v0\.6\.2 \(commit: [0-9a-f]{40}, built: \S+\)\n\n$/,
    );
  });
});
