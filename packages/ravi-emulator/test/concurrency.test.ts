/**
 * The state directory under parallel load: one file per entity, atomic renames, exclusive
 * creation for unique values. Nothing lost, nothing duplicated, nothing torn.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulator, readJsonFile, selectNewIdentity, stdoutJson, workspace } from './helpers';

const PARALLEL = 100;
/** NOTE: ~2 s per node process on a busy 2-core machine (two suites side by side). */
const PROCESS_BUDGET = 30_000 + PARALLEL * 2_000;

describe('100 parallel invocations', () => {
  it(
    '`identity create` ×100 gives 100 distinct identities and an intact state',
    async () => {
      const emu = emulator();
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, () => emu.run(['identity', 'create'])),
      );
      expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
      const printed = results.map((r) => stdoutJson(r));

      const stored = emu.identities();
      expect(stored).toHaveLength(PARALLEL);
      expect(new Set(stored.map((i) => i.uuid)).size).toBe(PARALLEL);
      expect(new Set(stored.map((i) => i.inbox)).size).toBe(PARALLEL);
      expect(new Set(printed.map((i) => i.uuid))).toEqual(new Set(stored.map((i) => i.uuid)));

      const dir = path.join(emu.stateDir, 'identities');
      const files = fs.readdirSync(dir);
      expect(files.filter((f) => !f.endsWith('.json'))).toEqual([]);
      for (const file of files) expect(() => readJsonFile(path.join(dir, file))).not.toThrow();

      const log = emu.argv();
      expect(log).toHaveLength(PARALLEL);
      expect(new Set(log.map((l) => l.pid)).size).toBe(PARALLEL);
    },
    PROCESS_BUDGET,
  );

  it('`identity use` in 20 workspaces at once writes 20 distinct, complete configs', async () => {
    const emu = emulator();
    const identities = Array.from({ length: 20 }, (_, i) => emu.createIdentity({ name: `Agent ${i}` }));
    const dirs = identities.map((_, i) => workspace(emu, `ws-${i}`));
    for (const dir of dirs)
      emu.writeConfig(dir, { management_key: emu.managementKey, user_email: emu.accountEmail });
    const results = await Promise.all(
      identities.map((id, i) => emu.run(['identity', 'use', id.uuid], { cwd: dirs[i] })),
    );
    expect(results.every((r) => r.code === 0)).toBe(true);
    const configs = dirs.map((dir) => readJsonFile(path.join(dir, '.ravi', 'config.json')));
    expect(configs.map((c) => c.identity_uuid)).toEqual(identities.map((i) => i.uuid));
    expect(new Set(configs.map((c) => c.identity_key)).size).toBe(20);
  });

  it('racing `secrets set` on one key leaves exactly one entry', async () => {
    const emu = emulator();
    const identity = selectNewIdentity(emu);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => emu.run(['secrets', 'set', 'RACE', `v${i}`])),
    );
    expect(results.some((r) => r.code === 0)).toBe(true);
    for (const failed of results.filter((r) => r.code !== 0)) {
      expect(failed.stderr).toContain('A secret with this key already exists.');
    }
    expect(emu.secrets(identity.uuid)).toHaveLength(1);
  });

  it('breaks a lock left behind by a dead process instead of hanging', async () => {
    const emu = emulator();
    const identity = selectNewIdentity(emu);
    const secret = stdoutJson<{ uuid: string }>(await emu.run(['secrets', 'set', 'LOCKED', 'a']));
    const lock = path.join(emu.stateDir, 'locks', `entry-${secret.uuid}`);
    fs.mkdirSync(lock, { recursive: true });
    // NOTE: stamped an hour ahead, the lock never ages out: only seeing its owner is dead
    // breaks it (waiting instead would end in the emulator's lock timeout, exit 1)
    const future = Date.now() + 3_600_000;
    fs.writeFileSync(path.join(lock, 'owner'), JSON.stringify({ pid: 2 ** 22 + 1, time: future }));
    expect(stdoutJson(await emu.run(['secrets', 'set', 'LOCKED', 'b'])).value).toBe('b');
    expect(fs.existsSync(lock)).toBe(false);
    expect(emu.secrets(identity.uuid)).toHaveLength(1);
  });
});
