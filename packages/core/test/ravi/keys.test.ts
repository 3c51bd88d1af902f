import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { managementKey, withKeyDir } from '../../src/providers/ravi/keys';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ravi-keys-'));
  dirs.push(dir);
  return dir;
}
function homeWith(config: unknown): string {
  const home = tmp();
  mkdirSync(path.join(home, '.ravi'));
  writeFileSync(
    path.join(home, '.ravi/config.json'),
    typeof config === 'string' ? config : JSON.stringify(config),
  );
  return home;
}

describe('where the management key comes from', () => {
  it('RAVI_HOOKS_MANAGEMENT_KEY wins (headless CI)', () => {
    const home = homeWith({ management_key: 'ravi_mk_global' });
    expect(managementKey({ HOME: home, RAVI_HOOKS_MANAGEMENT_KEY: 'ravi_mk_env' })).toEqual({
      key: 'ravi_mk_env',
      from: 'env',
      where: 'RAVI_HOOKS_MANAGEMENT_KEY',
    });
  });

  it('else the global ~/.ravi/config.json written by `ravi auth login`', () => {
    const home = homeWith({ management_key: 'ravi_mk_global', user_email: 'me@example.invalid' });
    expect(managementKey({ HOME: home })).toMatchObject({ key: 'ravi_mk_global', from: 'global' });
  });

  it('explains what is missing, without throwing', () => {
    expect(managementKey({ HOME: tmp() })).toMatchObject({
      key: null,
      problem: expect.stringMatching(/does not exist/),
    });
    expect(managementKey({ HOME: homeWith({ identity_key: 'ravi_id_x' }) })).toMatchObject({
      key: null,
      problem: expect.stringMatching(/no management_key \(only an identity key\)/),
    });
    expect(managementKey({ HOME: homeWith('{oops') })).toMatchObject({
      key: null,
      problem: expect.stringMatching(/not valid JSON/),
    });
  });
});

describe('private key dirs', () => {
  it('hold exactly the given config, 0600 in 0700 dirs, and are wiped afterwards', async () => {
    const parent = path.join(tmp(), 'tmp');
    let seen = '';
    await withKeyDir(parent, { management_key: 'ravi_mk_x' }, async (dir) => {
      seen = dir;
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(dir, '.ravi')).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(dir, '.ravi/config.json')).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8'))).toEqual({
        management_key: 'ravi_mk_x',
      });
    });
    expect(existsSync(seen)).toBe(false);
  });

  it('are wiped when the call fails too', async () => {
    const parent = path.join(tmp(), 'tmp');
    let seen = '';
    await expect(
      withKeyDir(parent, { management_key: 'ravi_mk_x' }, async (dir) => {
        seen = dir;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(seen)).toBe(false);
  });

  it('key dirs left by a killed process (older than an hour) are swept, once per process', async () => {
    const parent = path.join(tmp(), 'tmp');
    mkdirSync(path.join(parent, 'ravi-stale/.ravi'), { recursive: true });
    mkdirSync(path.join(parent, 'ravi-fresh'), { recursive: true });
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(path.join(parent, 'ravi-stale'), hourAgo, hourAgo);
    await withKeyDir(parent, {}, async () => undefined);
    expect(existsSync(path.join(parent, 'ravi-stale'))).toBe(false);
    expect(existsSync(path.join(parent, 'ravi-fresh'))).toBe(true);
  });
});
