/**
 * Server-side conditions of the loopback API: latency, faults, `api_key` on create, the
 * no-delete mode, identity detail, and inbound messages read back with the identity's key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator, RaviServer, ServerConditions } from '../src/index.mjs';
import { emulator } from './helpers';

const servers: RaviServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(emu: Emulator, conditions: ServerConditions = {}) {
  const server = await emu.startServer(conditions);
  servers.push(server);
  return server;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
const body = async (response: Response | Promise<Response>): Promise<any> => (await response).json();

const call = (server: RaviServer, path: string, key: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
  });

describe('the HTTP server under conditions', () => {
  it('apiKeyOnCreate: POST /api/identities/ returns a one-time identity key that authenticates', async () => {
    const emu = emulator();
    const server = await serve(emu, { apiKeyOnCreate: true });
    const created = await body(
      call(server, '/api/identities/', emu.managementKey, { method: 'POST', body: '{"name":"A"}' }),
    );
    expect(created.api_key).toMatch(/^ravi_id_/);
    const email = await call(server, '/api/email/', created.api_key);
    expect((await body(email))[0].email).toBe(created.inbox);
    server.configure({ apiKeyOnCreate: false });
    const plain = await body(
      call(server, '/api/identities/', emu.managementKey, { method: 'POST', body: '{"name":"B"}' }),
    );
    expect(plain).not.toHaveProperty('api_key');
  });

  it('GET /api/identities/<uuid>/ returns the identity, JSON 404 once deleted', async () => {
    const emu = emulator();
    const server = await serve(emu);
    const identity = emu.createIdentity({ name: 'A' });
    const path = `/api/identities/${identity.uuid}/`;
    expect(await body(call(server, path, emu.managementKey))).toMatchObject({ uuid: identity.uuid });
    await call(server, path, emu.managementKey, { method: 'DELETE' });
    const gone = await call(server, path, emu.managementKey);
    expect([gone.status, await body(gone)]).toEqual([404, { detail: 'Not found.' }]);
  });

  it('not-allowed delete mode answers 405 and deletes nothing', async () => {
    const emu = emulator({ deleteMode: 'not-allowed' });
    const server = await serve(emu);
    const identity = emu.createIdentity();
    const r = await call(server, `/api/identities/${identity.uuid}/`, emu.managementKey, {
      method: 'DELETE',
    });
    expect(r.status).toBe(405);
    expect(emu.identities()).toHaveLength(1);
  });

  it('429 says how long to wait in the header, the body, or both', async () => {
    const emu = emulator();
    const server = await serve(emu, { rate429: 1, retryAfterSeconds: 7, retryAfterStyle: 'header' });
    const header = await call(server, '/api/identities/', emu.managementKey);
    expect([header.status, header.headers.get('retry-after')]).toEqual([429, '7']);
    expect(await body(header)).not.toHaveProperty('retry_after_seconds');
    server.configure({ retryAfterStyle: 'body' });
    const asBody = await call(server, '/api/identities/', emu.managementKey);
    expect(asBody.headers.get('retry-after')).toBeNull();
    expect((await body(asBody)).retry_after_seconds).toBe(7);
  });

  it('a reset or an EOF strikes after the work: the identity exists although the client saw no answer', async () => {
    const emu = emulator();
    const server = await serve(emu, { resetRate: 1 });
    const post = () =>
      call(server, '/api/identities/', emu.managementKey, { method: 'POST', body: '{"name":"R"}' });
    await expect(post()).rejects.toThrow();
    server.configure({ resetRate: 0, eofRate: 1 });
    await expect(post()).rejects.toThrow();
    expect(emu.identities()).toHaveLength(2);
    expect(emu.httpLog().map((l) => l.fault)).toEqual(['reset', 'eof']);
  });

  it('5xx answers 502 or 503, before or after the work', async () => {
    const emu = emulator();
    const server = await serve(emu, { rate5xx: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i += 1) {
      statuses.add(
        (await call(server, '/api/identities/', emu.managementKey, { method: 'POST', body: '{}' })).status,
      );
    }
    expect([...statuses].every((s) => s === 502 || s === 503)).toBe(true);
    // 20 tries at 50% each: all twenty on the same side has odds of 2 in a million
    expect(emu.identities().length).toBeGreaterThan(0);
    expect(emu.identities().length).toBeLessThan(20);
  });

  it('latency delays every answer by at least latencyMs', async () => {
    const emu = emulator();
    const server = await serve(emu, { latencyMs: 150 });
    const started = performance.now();
    await call(server, '/api/identities/', emu.managementKey);
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
  });
});

describe('inbound messages', () => {
  it('an injected email and SMS are read back with the identity key, oldest first, created_after as a cursor', async () => {
    const emu = emulator();
    const server = await serve(emu);
    const identity = emu.createIdentity({ name: 'Inbox', provisionPhone: true });
    const key = emu.mintIdentityKey(identity.uuid);
    const first = emu.receiveEmail(identity.uuid, { from: 'a@example.test', subject: 'Hi', body: 'one' });
    await fetch(`${server.url}/__emulator__/inbound/`, {
      method: 'POST',
      body: JSON.stringify({
        identity_uuid: identity.uuid,
        channel: 'email',
        from: 'b@example.test',
        body: 'two',
      }),
    });
    emu.receiveSms(identity.uuid, { from: '+15550100', body: 'code 123456' });

    const emails = await body(call(server, '/api/email-messages/', key));
    expect(emails.map((m: { text_content: string }) => m.text_content)).toEqual(['one', 'two']);
    expect(emails[0]).toMatchObject({
      from_email: 'a@example.test',
      to_email: identity.inbox,
      subject: 'Hi',
    });
    const after = await call(
      server,
      `/api/email-messages/?created_after=${encodeURIComponent(first.created_dt)}`,
      key,
    );
    expect((await body(after)).map((m: { text_content: string }) => m.text_content)).toEqual(['two']);
    const sms = await body(call(server, '/api/messages/', key));
    expect(sms).toEqual([
      expect.objectContaining({ from_number: '+15550100', to_number: identity.phone, body: 'code 123456' }),
    ]);
    expect((await call(server, '/api/messages/', emu.managementKey)).status).toBe(403);
  });

  it('`ravi message sms` shows them through the CLI too', async () => {
    const emu = emulator();
    const identity = emu.createIdentity({ provisionPhone: true });
    emu.writeConfig(emu.home, { identity_key: emu.mintIdentityKey(identity.uuid) });
    emu.receiveSms(identity.uuid, { from: '+15550100', body: 'hello' });
    const r = await emu.run(['message', 'sms']);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ body: 'hello', direction: 'incoming' })]);
  });
});
