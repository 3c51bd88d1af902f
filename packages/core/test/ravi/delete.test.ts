import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteIdentity } from '../../src/providers/ravi/delete';

const UUID = '0b7c7f3e-6d1c-4a8e-9d7e-2f1f6a7b8c9d';
const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
}

/** A throwaway API answering each DELETE with the next scripted response. */
async function api(responses: Array<{ status: number; body?: string; headers?: Record<string, string> }>) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const next = responses.shift() ?? { status: 500 };
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    res.end(next.body ?? '');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen };
}

const input = (apiUrl: string, stillListed: () => Promise<boolean | null> = async () => true) => ({
  apiUrl,
  key: 'ravi_mk_test_key_123456',
  uuid: UUID,
  timeoutMs: 2000,
  policy: { retries: 2, maxWaitMs: 20 },
  stillListed,
});

describe('deleting an identity over HTTP', () => {
  it('sends DELETE /api/identities/<uuid>/ with the management key; 204 means deleted', async () => {
    const { url, seen } = await api([{ status: 204 }]);
    await expect(deleteIdentity(input(url))).resolves.toEqual({ deleted: true });
    expect(seen).toEqual([
      { method: 'DELETE', url: `/api/identities/${UUID}/`, authorization: 'Bearer ravi_mk_test_key_123456' },
    ]);
  });

  it('403 is refused, not retried, and the reason says so without the key', async () => {
    const { url, seen } = await api([
      { status: 403, body: '{"detail":"You do not have permission to perform this action."}' },
    ]);
    const result = await deleteIdentity(input(url));
    expect(result).toMatchObject({ deleted: false, retryable: false });
    expect(result.deleted === false && result.reason).toMatch(
      /refused the deletion \(HTTP 403: You do not have permission/,
    );
    expect(JSON.stringify(result)).not.toMatch(/ravi_mk_/);
    expect(seen).toHaveLength(1);
  });

  it('404 while the identity is still listed means the endpoint is missing: not deleted', async () => {
    const { url } = await api([{ status: 404, body: '<html>Not Found</html>' }]);
    const result = await deleteIdentity(input(url, async () => true));
    expect(result).toMatchObject({ deleted: false, retryable: false });
    expect(result.deleted === false && result.reason).toMatch(/no delete endpoint/);
  });

  it('404 for an identity that is no longer listed means it is gone', async () => {
    const { url } = await api([{ status: 404 }]);
    await expect(deleteIdentity(input(url, async () => false))).resolves.toEqual({ deleted: true });
  });

  it('405 is reported as not allowed', async () => {
    const { url } = await api([{ status: 405, body: '{"detail":"Method \\"DELETE\\" not allowed."}' }]);
    expect(await deleteIdentity(input(url))).toMatchObject({ deleted: false, retryable: false });
  });

  it('retries 5xx, then succeeds', async () => {
    const { url, seen } = await api([{ status: 502 }, { status: 503 }, { status: 204 }]);
    await expect(deleteIdentity(input(url))).resolves.toEqual({ deleted: true });
    expect(seen).toHaveLength(3);
  });

  it('a 429 waits for Retry-After and retries', async () => {
    const { url, seen } = await api([
      { status: 429, body: '{"detail":"slow","retry_after_seconds":1}' },
      { status: 204 },
    ]);
    const started = Date.now();
    await expect(deleteIdentity({ ...input(url), policy: { retries: 2, maxWaitMs: 5000 } })).resolves.toEqual(
      { deleted: true },
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(seen).toHaveLength(2);
  });

  it('an unreachable API is retryable, never reported as deleted', async () => {
    const { url } = await api([]);
    for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
    const result = await deleteIdentity(input(url));
    expect(result).toMatchObject({ deleted: false, retryable: true });
    expect(result.deleted === false && result.reason).toMatch(/could not reach/);
  });
});
