import { describe, expect, it } from 'vitest';
import { deleteIdentity } from '../../src/providers/ravi/http/delete';
import { scriptedApi } from './scripted-api';

const UUID = '0b7c7f3e-6d1c-4a8e-9d7e-2f1f6a7b8c9d';
const KEY = 'ravi_mgmt_test_key_123456';

async function api(responses: Parameters<typeof scriptedApi>[0]) {
  const { target, lines, auth, close } = await scriptedApi(responses);
  return { target, seen: lines, auth, close };
}

const DELETE = `DELETE /api/identities/${UUID}/`;
const GET = `GET /api/identities/${UUID}/`;
const identity = JSON.stringify({ uuid: UUID, name: 'a', inbox: 'a@x.test', phone: '', created_dt: '' });

describe('deleting an identity over HTTP', () => {
  it('sends DELETE /api/identities/<uuid>/ with the management key; 204 means deleted', async () => {
    const { target, seen, auth } = await api([{ status: 204 }]);
    await expect(deleteIdentity(target, KEY, UUID)).resolves.toEqual({ deleted: true });
    expect(seen).toEqual([DELETE]);
    expect(auth).toEqual([`Bearer ${KEY}`]);
  });

  it('405 retires the identity: the API can never delete it, so it is not retried', async () => {
    const { target, seen } = await api([
      { status: 405, body: '{"detail":"Method \\"DELETE\\" not allowed."}' },
    ]);
    const result = await deleteIdentity(target, KEY, UUID);
    expect(result).toMatchObject({ deleted: false, retryable: false, retire: true });
    expect(seen).toEqual([DELETE]);
  });

  it('404 while GET still returns the identity retires it (no delete route)', async () => {
    const { target, seen } = await api([
      { status: 404, body: '<html>Not Found</html>', headers: { 'content-type': 'text/html' } },
      { status: 200, body: identity },
    ]);
    const result = await deleteIdentity(target, KEY, UUID);
    expect(result).toMatchObject({ deleted: false, retryable: false, retire: true });
    expect(seen).toEqual([DELETE, GET]);
  });

  it('404 when GET also answers 404 means it is gone (an earlier attempt deleted it)', async () => {
    const { target } = await api([
      { status: 404, body: '{"detail":"Not found."}' },
      { status: 404, body: '{"detail":"Not found."}' },
    ]);
    await expect(deleteIdentity(target, KEY, UUID)).resolves.toEqual({ deleted: true });
  });

  it('an HTML 404 on GET cannot tell, so the identity list decides', async () => {
    const { target, seen } = await api([
      { status: 404, body: '{"detail":"Not found."}' },
      { status: 404, body: '<html>Not Found</html>' },
      { status: 200, body: `[${identity}]` },
    ]);
    expect(await deleteIdentity(target, KEY, UUID)).toMatchObject({ deleted: false, retire: true });
    expect(seen.at(-1)).toBe('GET /api/identities/');
  });

  it('403 is not retried now but stays owed; the reason carries the detail but never the key', async () => {
    const { target, seen } = await api([
      { status: 403, body: `{"detail":"You do not have permission (Bearer ${KEY})."}` },
    ]);
    const result = await deleteIdentity(target, KEY, UUID);
    expect(result).toMatchObject({ deleted: false, retryable: true });
    expect(result.deleted === false && result.reason).toMatch(/HTTP 403: You do not have permission/);
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(seen).toHaveLength(1);
  });

  it('retries 5xx, then succeeds', async () => {
    const { target, seen } = await api([{ status: 502 }, { status: 503 }, { status: 204 }]);
    await expect(deleteIdentity(target, KEY, UUID)).resolves.toEqual({ deleted: true });
    expect(seen).toHaveLength(3);
  });

  it('a 429 is retried after the wait the body asks for', async () => {
    const { target, seen } = await api([
      { status: 429, body: '{"detail":"slow","retry_after_seconds":0.01}' },
      { status: 204 },
    ]);
    await expect(deleteIdentity(target, KEY, UUID)).resolves.toEqual({ deleted: true });
    expect(seen).toHaveLength(2);
  });

  it('a 429 asking for longer than the wait cap fails at once, retryable later', async () => {
    const { target, seen } = await api([{ status: 429, headers: { 'retry-after': '3600' } }]);
    const result = await deleteIdentity(target, KEY, UUID);
    expect(result).toMatchObject({ deleted: false, retryable: true });
    expect(result.deleted === false && result.reason).toMatch(/rate limiting/);
    expect(seen).toHaveLength(1);
  });

  it('an unreachable API is retryable, never reported as deleted', async () => {
    const { target, close } = await api([]);
    await close();
    const result = await deleteIdentity(target, KEY, UUID);
    expect(result).toMatchObject({ deleted: false, retryable: true });
    expect(result.deleted === false && result.reason).toMatch(/ECONNREFUSED/);
  });
});
