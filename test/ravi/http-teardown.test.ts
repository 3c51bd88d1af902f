/**
 * Teardown and gc over HTTP: delete when the API can, retire when it never will (405, or a
 * 404 while the identity is still there), and never ask again about a retired identity.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { httpSandbox, json, provisionOk } from './support';

const deletes = (sb: Awaited<ReturnType<typeof httpSandbox>>) =>
  sb.requests().filter((l) => l.method === 'DELETE').length;

describe('teardown over HTTP', () => {
  it('deletes the identity with one DELETE and removes the workspace key', async () => {
    const sb = await httpSandbox();
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    const r = await runCli(['teardown', repo, '--json'], { env: sb.env });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toMatchObject({ uuid, identityDeleted: true });
    expect(sb.emu.identities()).toEqual([]);
    expect(existsSync(path.join(repo, '.ravi/config.json'))).toBe(false);
    expect(deletes(sb)).toBe(1);
  });

  it('a server that answers 405 retires the identity: key removed, identity kept, gc does not retry', async () => {
    const sb = await httpSandbox({ deleteMode: 'not-allowed' });
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    const r = await runCli(['teardown', repo, '--json'], { env: sb.env });
    const out = json(r.stdout);
    expect(out).toMatchObject({ uuid, identityDeleted: false, outcome: 'retired' });
    expect(out.reason).toMatch(/405/);
    expect(existsSync(path.join(repo, '.ravi/config.json'))).toBe(false);
    expect(sb.emu.identities().map((i) => i.uuid)).toEqual([uuid]);
    const gc = await runCli(['gc', '--json'], { env: sb.env });
    expect(gc.code, gc.stderr).toBe(0);
    expect(deletes(sb)).toBe(1);
  }, 20_000);

  it('a 404 while GET still returns the identity retires it too (a server with no delete route)', async () => {
    const sb = await httpSandbox({ deleteMode: 'missing' });
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    const out = json((await runCli(['teardown', repo, '--json'], { env: sb.env })).stdout);
    expect(out).toMatchObject({ uuid, identityDeleted: false, outcome: 'retired' });
    expect(
      sb
        .requests()
        .slice(-2)
        .map((l) => `${l.method} ${l.status}`),
    ).toEqual(['DELETE 404', 'GET 200']);
  });

  it('gc deletes the identities of workspaces that are gone, and only those', async () => {
    const sb = await httpSandbox();
    const dirs = Array.from({ length: 4 }, () => testdir());
    const fleet = await runCli(['fleet', 'provision', ...dirs, '--json'], { env: sb.env, timeoutMs: 60_000 });
    expect(fleet.code, fleet.stderr).toBe(0);
    const uuids = json(fleet.stdout).results.map((r: { result: { uuid: string } }) => r.result.uuid);
    rmSync(dirs[0] as string, { recursive: true });
    rmSync(dirs[1] as string, { recursive: true });
    const gc = await runCli(['gc', '--json'], { env: sb.env });
    expect(gc.code, gc.stderr).toBe(0);
    expect(
      sb.emu
        .identities()
        .map((i) => i.uuid)
        .sort(),
    ).toEqual(uuids.slice(2).sort());
    const down = await runCli(['fleet', 'teardown', ...dirs.slice(2), '--json'], { env: sb.env });
    expect(down.code, down.stderr).toBe(0);
    expect(sb.emu.identities()).toEqual([]);
    sb.assertGlobalUntouched();
  }, 30_000);
});
