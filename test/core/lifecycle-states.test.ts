/**
 * Lease states end to end (issue 8): a provider that cannot delete retires the identity
 * (exit 0, key gone, shown by `list --all`); a deletion that keeps failing is owed, retried
 * by gc (exit 1), irrevocable after 8 attempts (gc exit 0, shown) and cleared by `forget`;
 * `list` and its JSON shape; a corrupt state file is reported and skipped, never fatal.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpSandbox } from '../ravi/support';
import { localIdentities } from '../stress/support/world';
import { budgetFor, runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { testdir } from '../support/tmp';

const json = (stdout: string) => JSON.parse(stdout);

describe('a provider that cannot delete (ravi answering 405)', () => {
  it(
    'teardown retires the identity: exit 0, workspace key gone, list --all shows it, gc exits 0',
    async () => {
      const sb = await httpSandbox({ deleteMode: 'not-allowed' });
      const ws = testdir();
      const p = json((await runCli(['provision', ws, '--json'], { env: sb.env })).stdout);
      const r = await runCli(['teardown', ws, '--json'], { env: sb.env });
      expect(r.code, r.stderr).toBe(0);
      expect(json(r.stdout)).toMatchObject({ uuid: p.uuid, outcome: 'retired', identityDeleted: false });
      expect(existsSync(path.join(ws, '.ravi', 'config.json'))).toBe(false);
      const all = json((await runCli(['list', '--all', '--json'], { env: sb.env })).stdout);
      expect(all).toMatchObject([{ uuid: p.uuid, workspace: ws, state: 'retired' }]);
      expect(json((await runCli(['list', '--json'], { env: sb.env })).stdout)).toEqual([]);
      const gc = await runCli(['gc', '--json'], { env: sb.env });
      expect(gc.code, gc.stderr).toBe(0);
      expect(json(gc.stdout)).toMatchObject({ owed: [], irrevocable: [] });
      expect(sb.emu.identities().map((i) => i.uuid)).toEqual([p.uuid]);
    },
    budgetFor(6),
  );

  it(
    'a config restored after its identity was retired is dead: provision replaces it',
    async () => {
      const sb = await httpSandbox({ deleteMode: 'not-allowed' });
      const ws = testdir();
      const p = json((await runCli(['provision', ws, '--json'], { env: sb.env })).stdout);
      await runCli(['teardown', ws], { env: sb.env });
      mkdirSync(path.join(ws, '.ravi'), { recursive: true });
      writeFileSync(path.join(ws, '.ravi', 'config.json'), JSON.stringify({ identity_uuid: p.uuid }));
      const again = await runCli(['provision', ws, '--json'], { env: sb.env });
      expect(again.code, again.stderr).toBe(0);
      expect(json(again.stdout)).toMatchObject({ created: true });
      expect(json(again.stdout).uuid).not.toBe(p.uuid);
    },
    budgetFor(3),
  );
});

describe('a deletion that keeps failing', () => {
  it(
    'is owed (gc exit 1, retried), irrevocable after 8 attempts (gc exit 0, shown), cleared by forget',
    async () => {
      const sb = sandbox();
      const failing = { ...sb.env, RAVI_HOOKS_FAULT: 'before-delete' };
      const ws = testdir();
      const p = json((await runCli(['provision', ws, '--json'], { env: sb.env })).stdout);
      const down = json((await runCli(['teardown', ws, '--json'], { env: failing })).stdout);
      expect(down).toMatchObject({ uuid: p.uuid, outcome: 'owed', identityDeleted: false });
      // attempts 2..7 stay owed, and each gc that still owes says so with exit 1
      for (let attempt = 2; attempt < 8; attempt++) {
        const gc = await runCli(['gc', '--json'], { env: failing });
        expect(gc.code, `attempt ${attempt}`).toBe(1);
        expect(json(gc.stdout).owed).toMatchObject([{ uuid: p.uuid, state: 'owed' }]);
      }
      const last = await runCli(['gc', '--json'], { env: failing });
      expect(last.code, last.stderr).toBe(0);
      expect(json(last.stdout)).toMatchObject({
        owed: [],
        irrevocable: [{ uuid: p.uuid, state: 'irrevocable' }],
      });
      // from now on gc shows it without retrying (the fault is gone, the identity stays)
      const shown = await runCli(['gc'], { env: sb.env });
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain(`irrevocable ${p.name} (${p.uuid})`);
      expect(localIdentities(sb.state)).toEqual([p.uuid]);
      const list = json((await runCli(['list', '--json'], { env: sb.env })).stdout);
      expect(list).toMatchObject([{ uuid: p.uuid, state: 'irrevocable' }]);
      const forget = await runCli(['forget', p.uuid], { env: sb.env });
      expect(forget.code, forget.stderr).toBe(0);
      expect(json((await runCli(['list', '--all', '--json'], { env: sb.env })).stdout)).toEqual([]);
    },
    budgetFor(14),
  );

  it(
    'forget refuses an owed lease (gc still retries it) and an unknown uuid',
    async () => {
      const sb = sandbox();
      const ws = testdir();
      const p = json((await runCli(['provision', ws, '--json'], { env: sb.env })).stdout);
      await runCli(['teardown', ws], { env: { ...sb.env, RAVI_HOOKS_FAULT: 'before-delete' } });
      const owed = await runCli(['forget', p.uuid], { env: sb.env });
      expect(owed.code).toBe(2);
      expect(owed.stderr).toContain('ravi-hooks gc');
      expect((await runCli(['forget', '0b7c7f3e-6d1c-4a8e-9d7e-2f1f6a7b8c9d'], { env: sb.env })).code).toBe(
        2,
      );
    },
    budgetFor(4),
  );
});

describe('ravi-hooks list', () => {
  it(
    'prints one object per lease with workspace, uuid, name, email, provider, state, createdAt',
    async () => {
      const sb = sandbox();
      const [a, b] = [testdir(), testdir()];
      const pa = json((await runCli(['provision', a, '--json'], { env: sb.env })).stdout);
      const pb = json((await runCli(['provision', b, '--json'], { env: sb.env })).stdout);
      const leases = json((await runCli(['list', '--json'], { env: sb.env })).stdout);
      expect(leases).toHaveLength(2);
      for (const [lease, p, ws] of [
        [leases.find((l: { uuid: string }) => l.uuid === pa.uuid), pa, a],
        [leases.find((l: { uuid: string }) => l.uuid === pb.uuid), pb, b],
      ]) {
        expect(lease).toMatchObject({
          workspace: ws,
          uuid: p.uuid,
          name: p.name,
          email: p.email,
          provider: 'local',
          state: 'active',
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        });
      }
      const human = await runCli(['ls'], { env: sb.env });
      expect(human.code).toBe(0);
      const [header, ...rows] = human.stdout.trim().split('\n');
      expect(header).toMatch(/^WORKSPACE\s+IDENTITY\s+EMAIL\s+PROVIDER\s+AGE\s+STATE$/);
      expect(rows.pop()).toBe('2 active');
      expect(rows.map((row) => row.split(/\s+/)[0]).sort()).toEqual([a, b].sort());
      for (const row of rows) expect(row).toMatch(/\sactive$/);
    },
    budgetFor(4),
  );

  it(
    'a corrupt state file is reported and skipped by gc (exit 0) and by list',
    async () => {
      const sb = sandbox();
      const ws = testdir();
      const p = json((await runCli(['provision', ws, '--json'], { env: sb.env })).stdout);
      const planted = path.join(sb.state, 'ledger', 'ffffffffffffffffffffffffffffffff.json');
      writeFileSync(planted, '{"version": 2, "state": "act');
      const gc = await runCli(['gc', '--json'], { env: sb.env });
      expect(gc.code, gc.stderr).toBe(0);
      expect(json(gc.stdout)).toMatchObject({ corrupt: [planted], kept: 1, removed: [] });
      expect((await runCli(['gc'], { env: sb.env })).stdout).toContain(
        `skipped corrupt state file ${planted}`,
      );
      const list = await runCli(['list', '--json'], { env: sb.env });
      expect(list.code, list.stderr).toBe(0);
      expect(json(list.stdout)).toMatchObject([{ uuid: p.uuid, state: 'active' }]);
      expect((await runCli(['list'], { env: sb.env })).stdout).toMatch(/1 active, 1 corrupt/);
      expect(localIdentities(sb.state)).toEqual([p.uuid]);
    },
    budgetFor(6),
  );
});
