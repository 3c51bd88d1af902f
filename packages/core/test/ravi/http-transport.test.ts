import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../src/errors';
import { createIdentity, mintIdentityKey } from '../../src/providers/ravi/http/create';
import { setSecret } from '../../src/providers/ravi/http/secrets';
import { scriptedApi } from './scripted-api';

const KEY = 'ravi_mgmt_test_key_123456';
const ID_KEY = 'ravi_id_workspace_key_123456';
const identity = (uuid: string, name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    uuid,
    name,
    inbox: `${uuid}@x.test`,
    phone: '',
    created_dt: new Date().toISOString(),
    ...extra,
  });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as ProviderError,
  );

describe('creating over HTTP', () => {
  it('POSTs the name (and provision_phone) with the management key; keeps a returned api_key', async () => {
    const { target, seen } = await scriptedApi([
      { status: 201, body: identity('u1', 'A', { api_key: 'ravi_id_once' }) },
    ]);
    const created = await createIdentity(target, KEY, { name: 'A', tag: 't', phone: true });
    expect(created).toMatchObject({ uuid: 'u1', api_key: 'ravi_id_once' });
    expect(seen.map((s) => [s.line, s.authorization, JSON.parse(s.body)])).toEqual([
      ['POST /api/identities/', `Bearer ${KEY}`, { name: 'A', provision_phone: true }],
    ]);
  });

  it('a 502 after the work is recovered by listing: the identity is adopted, not created twice', async () => {
    const { target, lines } = await scriptedApi([
      { status: 502, body: '<html>Bad Gateway</html>' },
      { status: 200, body: `[${identity('other', 'B')},${identity('u2', 'A')}]` },
    ]);
    const created = await createIdentity(target, KEY, { name: 'A', tag: 't' });
    expect(created.uuid).toBe('u2');
    expect(lines).toEqual(['POST /api/identities/', 'GET /api/identities/']);
  });

  it('a 429 means nothing happened: the create is simply repeated, no listing', async () => {
    const { target, lines } = await scriptedApi([
      { status: 429, body: '{"detail":"slow","retry_after_seconds":0.01}' },
      { status: 201, body: identity('u3', 'C') },
    ]);
    expect((await createIdentity(target, KEY, { name: 'C', tag: 't' })).uuid).toBe('u3');
    expect(lines).toEqual(['POST /api/identities/', 'POST /api/identities/']);
  });

  it('402 says a paid plan is needed; 409 is a conflict; neither is retried', async () => {
    const paid = await scriptedApi([
      {
        status: 402,
        body: '{"detail":"Phone provisioning requires an active subscription.","code":"subscription_required"}',
      },
    ]);
    const e402 = await failure(createIdentity(paid.target, KEY, { name: 'A', tag: 't', phone: true }));
    expect([e402.code, e402.message, e402.hint]).toEqual([
      'E_PROVIDER',
      expect.stringMatching(/needs a paid Ravi plan: .*HTTP 402: Phone provisioning requires/),
      expect.stringMatching(/"phone": false/),
    ]);
    const taken = await scriptedApi([{ status: 409, body: '{"detail":"Identity already exists."}' }]);
    const e409 = await failure(createIdentity(taken.target, KEY, { name: 'A', tag: 't' }));
    expect(e409.message).toMatch(/conflict: .*HTTP 409/);
    expect(taken.lines).toHaveLength(1);
  });

  it('401 is "provider unavailable" (exit 3) with the login fix, and the key is never in the message', async () => {
    const { target } = await scriptedApi([{ status: 401, body: `{"detail":"Invalid API key: ${KEY}"}` }]);
    const error = await failure(createIdentity(target, KEY, { name: 'A', tag: 't' }));
    expect([error.code, error.exitCode]).toEqual(['E_PROVIDER_UNAVAILABLE', 3]);
    expect(error.hint).toMatch(/ravi auth login/);
    expect(`${error.message} ${error.hint}`).not.toContain(KEY);
  });

  it('a wrongly shaped answer is E_PROVIDER_OUTPUT', async () => {
    const { target } = await scriptedApi([{ status: 201, body: '{"id": 5}' }]);
    expect((await failure(createIdentity(target, KEY, { name: 'A', tag: 't' }))).code).toBe(
      'E_PROVIDER_OUTPUT',
    );
  });

  it('mints an identity key with POST /api/auth/keys/identity/', async () => {
    const { target, seen } = await scriptedApi([
      { status: 201, body: '{"key":"ravi_id_new","identity_uuid":"u1"}' },
    ]);
    expect(await mintIdentityKey(target, KEY, 'u1')).toBe('ravi_id_new');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ identity_uuid: 'u1', label: 'ravi-hooks' });
  });
});

describe('setting a secret over HTTP', () => {
  it('updates an existing key in place with PATCH, with the identity key', async () => {
    const { target, seen } = await scriptedApi([
      { status: 200, body: '[{"uuid":"s1","key":"TOKEN","value":"old"}]' },
      { status: 200, body: '{"uuid":"s1","key":"TOKEN","value":"new"}' },
    ]);
    await setSecret(target, ID_KEY, 'TOKEN', 'new');
    expect(seen.map((s) => [s.line, s.authorization, s.body])).toEqual([
      ['GET /api/secrets/?key=TOKEN', `Bearer ${ID_KEY}`, ''],
      ['PATCH /api/secrets/s1/', `Bearer ${ID_KEY}`, '{"value":"new"}'],
    ]);
  });

  it('a POST that answers 400 because a lost earlier POST created the key is finished with PATCH', async () => {
    const { target, lines } = await scriptedApi([
      { status: 200, body: '[]' },
      { status: 400, body: '{"key":["A secret with this key already exists."]}' },
      { status: 200, body: '[{"uuid":"s9","key":"TOKEN","value":"v"}]' },
      { status: 200, body: '{"uuid":"s9","key":"TOKEN","value":"v"}' },
    ]);
    await setSecret(target, ID_KEY, 'TOKEN', 'v');
    expect(lines).toEqual([
      'GET /api/secrets/?key=TOKEN',
      'POST /api/secrets/',
      'GET /api/secrets/?key=TOKEN',
      'PATCH /api/secrets/s9/',
    ]);
  });
});
