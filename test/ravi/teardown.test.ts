import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { gitdir } from '../support/tmp';
import { json, provisionOk, raviSandbox } from './support';

describe('teardown with the real ravi CLI (which has no delete command)', () => {
  it('deletes the identity through DELETE /api/identities/<uuid>/ with the management key', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    const r = await runCli(['teardown', repo, '--json'], { env: sb.env });
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ uuid, identityDeleted: true });
    expect(sb.emu.identities()).toEqual([]);
    expect(sb.emu.httpLog()).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        path: `/api/identities/${uuid}/`,
        status: 204,
        caller: 'management',
      }),
    ]);
    // no ravi invocation beyond the provision's three
    expect(sb.invocations()).toHaveLength(3);
    expect(existsSync(path.join(repo, '.ravi/config.json'))).toBe(false);
    sb.assertGlobalUntouched();
  });

  it('a refused delete is reported honestly, the key file still goes, and a later gc deletes it', async () => {
    const sb = await raviSandbox({ deleteMode: 'refuse' });
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    const r = await runCli(['teardown', repo, '--json'], { env: sb.env });
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out).toMatchObject({ uuid, identityDeleted: false });
    expect(out.reason).toMatch(/HTTP 403: You do not have permission to perform this action\./);
    expect(existsSync(path.join(repo, '.ravi/config.json'))).toBe(false);
    expect(sb.emu.identities().map((i) => i.uuid)).toEqual([uuid]);

    const owed = await runCli(['gc', '--json'], { env: sb.env });
    expect(owed.code).toBe(1);
    expect(json(owed.stdout).owed).toHaveLength(1);

    sb.emu.setDeleteMode('ok');
    const gc = await runCli(['gc', '--json'], { env: sb.env });
    expect(gc.code).toBe(0);
    expect(json(gc.stdout).removed).toEqual([expect.objectContaining({ uuid, identityDeleted: true })]);
    expect(sb.emu.identities()).toEqual([]);
  });

  it('a server without the delete endpoint (404 while the identity still exists) retires it', async () => {
    const sb = await raviSandbox({ deleteMode: 'missing' });
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    const out = json((await runCli(['teardown', repo, '--json'], { env: sb.env })).stdout);
    expect(out).toMatchObject({ uuid, identityDeleted: false, outcome: 'retired' });
    expect(out.reason).toMatch(/no delete route .*HTTP 404.* still exists/);
    expect(sb.emu.identities()).toHaveLength(1);
  });

  it('an identity already deleted elsewhere (404, no longer listed) counts as gone', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    const gone = await fetch(`${sb.apiUrl}/api/identities/${uuid}/`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${sb.emu.managementKey}` },
    });
    expect(gone.status).toBe(204);
    const out = json((await runCli(['teardown', repo, '--json'], { env: sb.env })).stdout);
    expect(out).toMatchObject({ uuid, identityDeleted: true });
  });

  it('an unreachable API leaves the deletion owed and retryable', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    const closed = `http://127.0.0.1:${await closedPort()}`;
    const env = { ...sb.env, RAVI_HOOKS_API_URL: closed, RAVI_HOOKS_RETRY_WAIT_MAX_MS: '50' };
    const out = json((await runCli(['teardown', repo, '--json'], { env })).stdout);
    expect(out).toMatchObject({ identityDeleted: false });
    expect(out.reason).toBe(
      `the Ravi API at ${closed} failed (DELETE /api/identities/${uuid}/): ECONNREFUSED`,
    );
    const gc = await runCli(['gc', '--json'], { env: sb.env });
    expect(json(gc.stdout).removed).toHaveLength(1);
    expect(sb.emu.identities()).toEqual([]);
  });
});

/** A loopback port nobody listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
