/**
 * `ravi identity create|list|use` (contract §3 "Writes", §4 notes, §5 shapes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createIdentity,
  emulator,
  type IdentityJson,
  modeOf,
  readJsonFile,
  stderrError,
  stdoutJson,
  workspace,
} from './helpers';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('ravi identity create', () => {
  it('auto-generates a human name and a unique inbox when --name is omitted', async () => {
    const emu = emulator();
    const a = await createIdentity(emu);
    const b = await createIdentity(emu);
    expect(a.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(a.inbox).toMatch(/^[a-z0-9-]+-[0-9a-f]{4}@mail\.ravi\.test$/);
    expect(a.inbox).not.toBe(b.inbox);
    expect(a.created_dt).toMatch(RFC3339);
    expect(a.updated_dt).toBe(a.created_dt);
  });

  it('uses --name and --email (local part on the platform domain)', async () => {
    const emu = emulator();
    const identity = await createIdentity(emu, ['--name', 'Build Bot', '--email', 'build-bot']);
    expect(identity).toMatchObject({ name: 'Build Bot', inbox: 'build-bot@mail.ravi.test', phone: '' });
  });

  it('accepts a full address only on a verified domain of the account', async () => {
    const emu = emulator({ domains: ['acme.test'] });
    expect((await createIdentity(emu, ['--email', 'ops@acme.test'])).inbox).toBe('ops@acme.test');
    const result = await emu.run(['identity', 'create', '--email', 'ops@evil.test']);
    expect(stderrError(result)).toMatch(
      /^API error \(status 400\): \{"email":\["Domain \\"evil\.test\\" is not a verified domain/,
    );
  });

  it('provisions a unique fictional +1 number only with --provision-phone', async () => {
    const emu = emulator();
    const a = await createIdentity(emu, ['--provision-phone']);
    const b = await createIdentity(emu, ['--provision-phone']);
    expect(a.phone).toMatch(/^\+1[2-9]\d{2}55501\d{2}$/);
    expect(a.phone).not.toBe(b.phone);
  });

  it('answers 402 for --provision-phone on a free plan', async () => {
    const emu = emulator({ plan: 'free' });
    const result = await emu.run(['identity', 'create', '--provision-phone']);
    expect(stderrError(result)).toBe('API error: Phone provisioning requires an active subscription.');
    expect(emu.identities()).toEqual([]);
  });

  it('returns no credentials: creating is not selecting', async () => {
    const emu = emulator();
    const before = fs.readFileSync(path.join(emu.home, '.ravi', 'config.json'), 'utf8');
    await createIdentity(emu);
    expect(fs.readFileSync(path.join(emu.home, '.ravi', 'config.json'), 'utf8')).toBe(before);
  });
});

describe('ravi identity use <uuid>', () => {
  it('accepts a UUID only: a name is "not found"', async () => {
    const emu = emulator();
    await createIdentity(emu, ['--name', 'Sarah Johnson']);
    const result = await emu.run(['identity', 'use', 'Sarah Johnson']);
    expect(result.code).toBe(1);
    expect(stderrError(result)).toBe('identity "Sarah Johnson" not found');
  });

  it('rewrites $HOME/.ravi/config.json when the cwd has no config', async () => {
    const emu = emulator();
    const identity = await createIdentity(emu, ['--name', 'Global']);
    const result = await emu.run(['identity', 'use', identity.uuid], { cwd: workspace(emu) });
    expect(stdoutJson(result)).toEqual({
      identity_name: 'Global',
      identity_uuid: identity.uuid,
      status: 'active',
    });
    const file = path.join(emu.home, '.ravi', 'config.json');
    expect(readJsonFile(file)).toEqual({
      management_key: emu.managementKey,
      identity_key: expect.stringMatching(/^ravi_id_[A-Za-z0-9]+$/),
      identity_uuid: identity.uuid,
      identity_name: 'Global',
      user_email: emu.accountEmail,
    });
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(path.dirname(file))).toBe(0o700);
  });

  it('rewrites <cwd>/.ravi/config.json when it exists, dropping unknown fields, leaving HOME alone', async () => {
    const emu = emulator();
    const identity = await createIdentity(emu, ['--name', 'Local']);
    const ws = workspace(emu);
    const file = emu.writeConfig(ws, { management_key: emu.managementKey, user_email: 'me@x.test' });
    const withExtra = { ...readJsonFile(file), identity: 'legacy-field' };
    fs.writeFileSync(file, JSON.stringify(withExtra));
    const homeBefore = fs.readFileSync(path.join(emu.home, '.ravi', 'config.json'), 'utf8');

    expect((await emu.run(['identity', 'use', identity.uuid], { cwd: ws })).code).toBe(0);
    const written = fs.readFileSync(file, 'utf8');
    expect(Object.keys(JSON.parse(written))).toEqual([
      'management_key',
      'identity_key',
      'identity_uuid',
      'identity_name',
      'user_email',
    ]);
    expect(written.endsWith('}')).toBe(true);
    expect(fs.readFileSync(path.join(emu.home, '.ravi', 'config.json'), 'utf8')).toBe(homeBefore);
  });

  it('mints a fresh identity key on every call (old keys keep working)', async () => {
    const emu = emulator();
    const identity = await createIdentity(emu);
    const ws = workspace(emu);
    const file = emu.writeConfig(ws, { management_key: emu.managementKey });
    await emu.run(['identity', 'use', identity.uuid], { cwd: ws });
    const first = readJsonFile(file).identity_key;
    await emu.run(['identity', 'use', identity.uuid], { cwd: ws });
    const second = readJsonFile(file).identity_key;
    expect(second).not.toBe(first);
    const old = workspace(emu, 'old');
    emu.writeConfig(old, { identity_key: first });
    expect((await emu.run(['get', 'email'], { cwd: old })).code).toBe(0);
  });

  it('fails without a management key even if the file has an identity key', async () => {
    const emu = emulator();
    const identity = emu.createIdentity();
    const ws = workspace(emu);
    emu.writeConfig(ws, { identity_key: emu.mintIdentityKey(identity.uuid), identity_uuid: identity.uuid });
    const result = await emu.run(['identity', 'use', identity.uuid], { cwd: ws });
    expect(stderrError(result)).toBe('API error: Authentication credentials were not provided.');
  });

  it("cannot select another account's identity", async () => {
    const emu = emulator();
    const foreign = emu.createOtherAccount().createIdentity('Foreign');
    const result = await emu.run(['identity', 'use', foreign.uuid]);
    expect(stderrError(result)).toBe(`identity "${foreign.uuid}" not found`);
  });
});

describe('ravi identity list', () => {
  it("lists only the caller account's identities, oldest first", async () => {
    const emu = emulator();
    emu.createOtherAccount().createIdentity('Not mine');
    const first = await createIdentity(emu, ['--name', 'First']);
    const second = await createIdentity(emu, ['--name', 'Second']);
    const listed = stdoutJson<IdentityJson[]>(await emu.run(['identity', 'list']));
    expect(listed.map((i) => i.uuid)).toEqual([first.uuid, second.uuid]);
  });
});
