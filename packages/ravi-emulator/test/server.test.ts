/**
 * The loopback HTTP server: `DELETE /api/identities/<uuid>/`, the endpoint the CLI lacks
 * (contract §5, §8 rule 5), with switchable behaviour for providers that must cope with a
 * server that refuses or does not have the route.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator, RaviServer } from '../src/index.mjs';
import { emulator, stderrError, workspace } from './helpers';

const servers: RaviServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(emu: Emulator) {
  const server = await emu.startServer();
  servers.push(server);
  return server;
}

const del = (server: RaviServer, uuid: string, key?: string) =>
  fetch(`${server.url}/api/identities/${uuid}/`, {
    method: 'DELETE',
    headers: key ? { Authorization: `Bearer ${key}` } : {},
  });

describe('DELETE /api/identities/<uuid>/', () => {
  it('answers 204, removes the identity, revokes its keys and logs the request', async () => {
    const emu = emulator();
    const server = await serve(emu);
    const identity = emu.createIdentity();
    const ws = workspace(emu);
    emu.writeConfig(ws, { identity_key: emu.mintIdentityKey(identity.uuid) });

    const response = await del(server, identity.uuid, emu.managementKey);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(emu.identities()).toEqual([]);
    expect(emu.deletedIdentities().map((i) => i.uuid)).toEqual([identity.uuid]);
    expect(stderrError(await emu.run(['get', 'email'], { cwd: ws }))).toBe('API error: Invalid API key.');
    expect(emu.httpLog()).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        path: `/api/identities/${identity.uuid}/`,
        status: 204,
        caller: 'management',
      }),
    ]);
    expect(JSON.stringify(emu.httpLog())).not.toContain(emu.managementKey);
  });

  it('answers 401 without a key or with an unknown key', async () => {
    const emu = emulator();
    const server = await serve(emu);
    const identity = emu.createIdentity();
    const none = await del(server, identity.uuid);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    expect((await del(server, identity.uuid, 'ravi_mk_nope')).status).toBe(401);
    expect(emu.identities()).toHaveLength(1);
  });

  it("answers 404 {detail: Not found.} for unknown uuids and another account's identity", async () => {
    const emu = emulator();
    const server = await serve(emu);
    const foreign = emu.createOtherAccount().createIdentity();
    for (const uuid of ['00000000-0000-0000-0000-000000000000', foreign.uuid]) {
      const response = await del(server, uuid, emu.managementKey);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ detail: 'Not found.' });
    }
  });

  it('refuse mode: 403 with the DRF permission message, nothing deleted', async () => {
    const emu = emulator();
    const server = await serve(emu);
    const identity = emu.createIdentity();
    emu.setDeleteMode('refuse');
    const response = await del(server, identity.uuid, emu.managementKey);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ detail: 'You do not have permission to perform this action.' });
    expect(emu.identities()).toHaveLength(1);
  });

  it('missing mode: 404 with an HTML body, as a server without the route; switchable at run time', async () => {
    const emu = emulator({ deleteMode: 'missing' });
    const server = await serve(emu);
    const identity = emu.createIdentity();
    const response = await del(server, identity.uuid, emu.managementKey);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<h1>Not Found</h1>');
    emu.setDeleteMode('ok');
    expect((await del(server, identity.uuid, emu.managementKey)).status).toBe(204);
  });
});

describe('GET /api/identities/', () => {
  it('lists the account identities as the CLI would receive them', async () => {
    const emu = emulator();
    const server = await serve(emu);
    const identity = emu.createIdentity({ name: 'Listed' });
    const response = await fetch(`${server.url}/api/identities/`, {
      headers: { Authorization: `Bearer ${emu.managementKey}` },
    });
    expect(await response.json()).toEqual([
      {
        uuid: identity.uuid,
        name: 'Listed',
        inbox: identity.inbox,
        phone: '',
        created_dt: identity.created_dt,
        updated_dt: identity.updated_dt,
      },
    ]);
  });
});

describe('bin/ravi-emulator-server', () => {
  it('prints its URL and stops on SIGTERM', async () => {
    const emu = emulator();
    const bin = fileURLToPath(new URL('../bin/ravi-emulator-server', import.meta.url));
    const child = spawn(bin, ['--state', emu.stateDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [chunk] = await once(child.stdout, 'data');
    const url = String(chunk).trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/api/identities/`)).status).toBe(401);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
