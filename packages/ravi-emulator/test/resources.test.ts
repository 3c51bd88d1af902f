/**
 * Identity-scoped commands (contract §5): get, secrets, passwords, inbox, domains.
 */
import { describe, expect, it } from 'vitest';
import { type EntryJson, emulator, selectNewIdentity, stderrError, stdoutJson } from './helpers';

describe('ravi get', () => {
  it('prints the identity email as {id, email, created_dt}', async () => {
    const emu = emulator();
    const identity = selectNewIdentity(emu);
    const email = stdoutJson(await emu.run(['get', 'email']));
    expect(email).toEqual({
      id: expect.any(Number),
      email: identity.inbox,
      created_dt: expect.stringMatching(/Z$/),
    });
  });

  it('fails with "no phone number assigned" without a phone, prints it with one', async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    expect(stderrError(await emu.run(['get', 'phone']))).toBe('no phone number assigned');
    const withPhone = selectNewIdentity(emu, { provisionPhone: true });
    expect(stdoutJson(await emu.run(['get', 'phone']))).toEqual({
      id: expect.any(Number),
      phone_number: withPhone.phone,
      provider: 'twilio',
      created_dt: expect.any(String),
    });
  });

  it('prints the account owner', async () => {
    const emu = emulator({ firstName: 'Grace', lastName: 'Hopper' });
    selectNewIdentity(emu);
    expect(stdoutJson(await emu.run(['get', 'owner']))).toEqual({ first_name: 'Grace', last_name: 'Hopper' });
  });
});

describe('ravi secrets', () => {
  it('set is an upsert by key; get and list read it back; delete takes the uuid', async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    const created = stdoutJson<EntryJson>(await emu.run(['secrets', 'set', 'API_TOKEN', 'one']));
    const updated = stdoutJson(await emu.run(['secrets', 'set', 'API_TOKEN', 'two']));
    expect(updated).toMatchObject({ uuid: created.uuid, key: 'API_TOKEN', value: 'two' });
    expect(stdoutJson(await emu.run(['secrets', 'get', 'API_TOKEN'])).value).toBe('two');
    expect(stdoutJson(await emu.run(['secrets', 'list']))).toHaveLength(1);
    expect(stdoutJson(await emu.run(['secrets', 'delete', created.uuid]))).toEqual({ status: 'deleted' });
    expect(stderrError(await emu.run(['secrets', 'get', 'API_TOKEN']))).toBe('secret not found: API_TOKEN');
  });

  it('the server upper-cases keys, so a lower-case upsert misses and then collides', async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    expect(stdoutJson(await emu.run(['secrets', 'set', 'db_url', 'a'])).key).toBe('DB_URL');
    const again = await emu.run(['secrets', 'set', 'db_url', 'b']);
    expect(stderrError(again)).toBe(
      'API error (status 400): {"key":["A secret with this key already exists."]}',
    );
    expect(stderrError(await emu.run(['secrets', 'set', '1BAD', 'x']))).toMatch(
      /^API error \(status 400\): \{"key":/,
    );
  });

  it("an identity key never sees another identity's secrets", async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    await emu.run(['secrets', 'set', 'FIRST_ONLY', 'x']);
    selectNewIdentity(emu);
    expect(stdoutJson(await emu.run(['secrets', 'list']))).toEqual([]);
  });
});

describe('ravi passwords', () => {
  it('create without --password or --generate prints "Generated password:" before the JSON', async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    const result = await emu.run(['passwords', 'create', 'example.com']);
    expect(result.code).toBe(0);
    const [first, ...rest] = result.stdout.split('\n');
    expect(first).toMatch(/^Generated password: \S{16}$/);
    expect(() => JSON.parse(result.stdout)).toThrow();
    expect(JSON.parse(rest.join('\n')).password).toBe(first?.slice('Generated password: '.length));
  });

  it('create --generate prints only JSON; the server normalises the domain and defaults the username', async () => {
    const emu = emulator();
    const identity = selectNewIdentity(emu);
    const entry = stdoutJson<EntryJson>(
      await emu.run(['passwords', 'create', 'https://app.example.com/login', '--generate', '--length', '24']),
    );
    expect(entry).toMatchObject({ domain: 'example.com', username: identity.inbox });
    expect(entry.password).toHaveLength(24);
    expect(Object.keys(entry)).toEqual([
      'uuid',
      'identity',
      'domain',
      'username',
      'password',
      'notes',
      'created_dt',
      'updated_dt',
    ]);
  });

  it('create --password stores it as given; get, update, delete work by uuid', async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    const entry = stdoutJson<EntryJson>(
      await emu.run([
        'passwords',
        'create',
        'shop.example.co.uk',
        '--password',
        'hunter22',
        '--username',
        'me',
      ]),
    );
    expect(entry).toMatchObject({ domain: 'example.co.uk', username: 'me', password: 'hunter22' });
    expect(stdoutJson(await emu.run(['passwords', 'get', entry.uuid])).password).toBe('hunter22');
    expect(stderrError(await emu.run(['passwords', 'update', entry.uuid]))).toBe(
      'no fields specified to update',
    );
    expect(stdoutJson(await emu.run(['passwords', 'update', entry.uuid, '--notes', 'n'])).notes).toBe('n');
    expect(stdoutJson(await emu.run(['passwords', 'delete', entry.uuid]))).toEqual({ status: 'deleted' });
    expect(stderrError(await emu.run(['passwords', 'get', entry.uuid]))).toBe('API error: Not found.');
  });

  it('generate honours --length, --no-digits, --no-special and validates length', async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    const { password } = stdoutJson(
      await emu.run(['passwords', 'generate', '--length', '40', '--no-digits', '--no-special']),
    );
    expect(password).toMatch(/^[A-Za-z]{40}$/);
    const short = await emu.run(['passwords', 'create', 'a.com', '--generate', '--length', '4']);
    expect(stderrError(short)).toBe(
      'generating password: API error (status 400): {"length":["Ensure this value is greater than or equal to 8."]}',
    );
  });
});

describe('inboxes and domains', () => {
  it.each([['email'], ['sms']])('ravi inbox %s prints [] and a specific id is 404', async (kind) => {
    const emu = emulator();
    selectNewIdentity(emu);
    expect((await emu.run(['inbox', kind])).stdout).toBe('[]\n\n');
    expect((await emu.run(['inbox', kind, '--unread'])).stdout).toBe('[]\n\n');
    expect(stderrError(await emu.run(['inbox', kind, '42']))).toBe('API error: Not found.');
  });

  it('ravi domains lists the platform domain with the management key', async () => {
    const emu = emulator();
    expect(stdoutJson(await emu.run(['domains']))).toEqual([
      {
        uuid: expect.any(String),
        domain: 'mail.ravi.test',
        is_platform: true,
        is_verified: true,
        created_dt: expect.any(String),
      },
    ]);
  });
});
