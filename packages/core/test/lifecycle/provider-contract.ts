/**
 * `testProvider()`: the lifecycle cases every provider must pass, in-process (unstorage's
 * `testDriver` idea). A provider test file only says how to reach its provider; the cases
 * here are the same for all: provision, idempotence, teardown (deleted, or retired when the
 * provider cannot delete), a crash at each point of a provision then recovery (one identity,
 * never two, even with 8 concurrent retries), gc of a crashed provision, and a moved worktree.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir, gitIn, testdir } from '../../../../test/support/tmp';
import { createEngine } from '../../src/engine';
import { emptyGcResult, gc, reconcileLeases } from '../../src/lifecycle/gc';
import { listLeases } from '../../src/lifecycle/list';
import { provision } from '../../src/lifecycle/provision';
import { teardown } from '../../src/lifecycle/teardown';
import { type CrashPoint, crashedAttempt } from './crash';

export interface ProviderHarness {
  /** Environment reaching the provider: isolated state dir, HOME, config home. */
  env: NodeJS.ProcessEnv;
  /** What teardown does to the identity: the provider deletes it, or can't and retires it. */
  teardown: 'deleted' | 'retired';
}

export function testProvider(name: string, makeProvider: () => Promise<ProviderHarness>): void {
  /** A harness plus the provider's identities, read through the provider itself. */
  async function world() {
    const harness = await makeProvider();
    const engine = await createEngine({ from: testdir() }, { env: harness.env });
    const identities = async () => (await engine.provider.list()).map((i) => i.uuid).sort();
    const configUuid = (ws: string) =>
      JSON.parse(readFileSync(path.join(ws, '.ravi', 'config.json'), 'utf8')).identity_uuid as string;
    return { ...harness, engine, identities, configUuid };
  }

  /** Exactly one identity at the provider, one active lease, the config naming it. */
  async function expectOneFor(w: Awaited<ReturnType<typeof world>>, ws: string): Promise<string> {
    const [uuid, ...more] = await w.identities();
    expect(more, 'identities at the provider beyond the first').toEqual([]);
    expect(w.configUuid(ws)).toBe(uuid);
    const lease = await w.engine.ledger.get(ws);
    expect(lease).toMatchObject({ state: 'active', uuid });
    const { leases } = await w.engine.ledger.list();
    // NOTE: a crashed attempt whose create could still land (no tags: ravi) is watched by a
    // released lease with no uuid until its window closes; it is not an identity
    const identityLeases = leases.filter((l) => !(l.state === 'owed' && l.uuid === null));
    expect(identityLeases.map((l) => l.uuid)).toEqual([uuid]);
    expect(readdirSync(w.engine.paths.locksDir).filter((n) => n.endsWith('.lk'))).toEqual([]);
    return uuid as string;
  }

  describe(`lifecycle contract: ${name}`, () => {
    it('provision gives the workspace an identity, an active lease and a config naming it', async () => {
      const w = await world();
      const ws = testdir();
      const r = await provision({ workspace: ws, env: w.env });
      expect(r).toMatchObject({ workspace: ws, created: true, provider: w.engine.provider.name });
      expect(await expectOneFor(w, ws)).toBe(r.uuid);
      expect(await w.engine.provider.get(r.uuid)).toMatchObject({ uuid: r.uuid, email: r.email });
    });

    it('provision again returns the same identity (created: false) and makes nothing', async () => {
      const w = await world();
      const ws = testdir();
      const first = await provision({ workspace: ws, env: w.env });
      const again = await provision({ workspace: ws, env: w.env });
      expect(again).toEqual({ ...first, created: false });
      expect(await w.identities()).toEqual([first.uuid]);
    });

    it('teardown removes the workspace files and deletes the identity, or retires it when the provider cannot', async () => {
      const w = await world();
      const ws = testdir();
      const { uuid } = await provision({ workspace: ws, env: w.env });
      const down = await teardown({ workspace: ws, env: w.env });
      expect(down).toMatchObject({ uuid, outcome: w.teardown, identityDeleted: w.teardown === 'deleted' });
      expect(existsSync(path.join(ws, '.ravi'))).toBe(false);
      expect(await w.engine.ledger.get(ws)).toBeNull();
      const all = await listLeases(w.engine, { all: true });
      if (w.teardown === 'deleted') {
        expect(await w.identities()).toEqual([]);
        expect(all.leases).toEqual([]);
      } else {
        expect(await w.identities()).toEqual([uuid]);
        expect(all.leases).toMatchObject([{ uuid, state: 'retired' }]);
        expect((await listLeases(w.engine)).leases).toEqual([]);
        // retired is final: gc neither retries nor reports it as owed
        const swept = await gc({ env: w.env, cwd: testdir() });
        expect(swept.owed).toEqual([]);
      }
    });

    it.each<CrashPoint>(['before-create', 'after-create', 'after-uuid', 'after-write'])(
      'a provision that died at %s is finished by the next provision: one identity, never two',
      async (point) => {
        const w = await world();
        const ws = testdir();
        const made = await crashedAttempt(w.engine, ws, point);
        const r = await provision({ workspace: ws, env: w.env });
        const uuid = await expectOneFor(w, ws);
        expect(r.uuid).toBe(uuid);
        if (made !== null) expect(uuid).toBe(made);
      },
    );

    it('after a crash, 8 concurrent provisions and a gc end with exactly one identity', async () => {
      const w = await world();
      const ws = testdir();
      const made = await crashedAttempt(w.engine, ws, 'after-create');
      const runs = await Promise.all([
        ...Array.from({ length: 8 }, () => provision({ workspace: ws, env: w.env })),
        gc({ env: w.env, cwd: testdir() }),
      ]);
      expect(await expectOneFor(w, ws)).toBe(made);
      const provisions = runs.slice(0, 8) as Awaited<ReturnType<typeof provision>>[];
      expect(new Set(provisions.map((p) => p.uuid))).toEqual(new Set([made]));
    });

    it('gc adopts what a crashed provision made when its workspace still exists', async () => {
      const w = await world();
      const ws = testdir();
      const made = await crashedAttempt(w.engine, ws, 'after-create');
      const swept = await gc({ env: w.env, cwd: testdir() });
      expect(swept.adopted).toMatchObject([{ workspace: ws, uuid: made, state: 'active' }]);
      expect(await expectOneFor(w, ws)).toBe(made);
    });

    it('gc settles a crashed provision whose workspace is gone: its identity is deleted or retired', async () => {
      const w = await world();
      const ws = testdir();
      const made = await crashedAttempt(w.engine, ws, 'after-create');
      rmSync(ws, { recursive: true });
      await gc({ env: w.env, cwd: testdir() });
      expect(await w.engine.ledger.get(ws)).toBeNull();
      const all = (await listLeases(w.engine, { all: true })).leases;
      if (w.teardown === 'deleted') {
        expect(await w.identities()).toEqual([]);
        expect(all).toEqual([]);
      } else {
        expect(await w.identities()).toEqual([made]);
        expect(all).toMatchObject([{ uuid: made, state: 'retired' }]);
      }
    });

    it('never adopts a same-name identity made before the attempt (another machine, an older run)', async () => {
      const w = await world();
      const ws = testdir();
      // made 2 minutes before the attempt: outside its window (and, for local, another tag)
      const bystander = (await w.engine.provider.create({ name: 'same-name', tag: 'elsewhere' })).uuid;
      await crashedAttempt(w.engine, ws, 'before-create', { name: 'same-name', attemptInMs: 120_000 });
      const r = await provision({ workspace: ws, env: w.env });
      expect(r.uuid).not.toBe(bystander);
      expect(await w.identities()).toEqual([bystander, r.uuid].sort());
    });

    it("never adopts a same-name identity that another workspace's lease owns", async () => {
      const w = await world();
      const [ws, other] = [testdir(), testdir()];
      const owned = await provision({ workspace: other, env: w.env, name: 'same-name' });
      await crashedAttempt(w.engine, ws, 'before-create', { name: 'same-name' });
      const r = await provision({ workspace: ws, env: w.env });
      expect(r.uuid).not.toBe(owned.uuid);
      expect(await w.identities()).toEqual([owned.uuid, r.uuid].sort());
      expect(w.configUuid(other)).toBe(owned.uuid);
    });

    it('a create that lands after recovery looked is found by gc and settled, never left unrecorded', async () => {
      const w = await world();
      const ws = testdir();
      await crashedAttempt(w.engine, ws, 'before-create');
      const r = await provision({ workspace: ws, env: w.env });
      if (w.engine.provider.capabilities.tags) return; // tags: a dead run's create can't land later
      // the dead run's request reaches the server only now
      const late = await w.engine.provider.create({ name: 'crashed-agent', tag: 'lost' });
      const swept = await gc({ env: w.env, cwd: ws });
      const settled = [...swept.removed, ...swept.retired].map((e) => e.uuid);
      expect(settled).toEqual([late.uuid]);
      expect(swept.owed).toEqual([]);
      const live = await w.identities();
      expect(live).toEqual(w.teardown === 'deleted' ? [r.uuid] : [r.uuid, late.uuid].sort());
      const { leases } = await w.engine.ledger.list();
      expect(leases.map((l) => [l.uuid, l.state]).sort()).toEqual(
        (w.teardown === 'deleted'
          ? [[r.uuid, 'active']]
          : [
              [r.uuid, 'active'],
              [late.uuid, 'retired'],
            ]
        ).sort(),
      );
    });

    it('gc working from a stale listing never settles a lease a provision finished meanwhile', async () => {
      const w = await world();
      const ws = testdir();
      const made = await crashedAttempt(w.engine, ws, 'after-uuid');
      const { leases } = await w.engine.ledger.list(); // gc's snapshot: the lease is pending
      await provision({ workspace: ws, env: w.env }); // adopts it, keeping the lease id
      const swept = await reconcileLeases(w.engine, leases, { dryRun: false }, emptyGcResult(false));
      expect({ removed: swept.removed, kept: swept.kept }).toEqual({ removed: [], kept: 1 });
      expect(await expectOneFor(w, ws)).toBe(made);
    });

    it('a moved worktree keeps its identity: gc re-keys the lease, provision there makes nothing', async () => {
      const w = await world();
      const repo = gitdir();
      const from = path.join(testdir(), 'wt');
      const to = path.join(testdir(), 'wt-moved');
      gitIn(repo, ['worktree', 'add', '-q', from]);
      const { uuid } = await provision({ workspace: from, env: w.env });
      gitIn(repo, ['worktree', 'move', from, to]);
      const swept = await gc({ env: w.env, cwd: repo });
      expect(swept.moved).toEqual([{ from, to, uuid, name: expect.any(String) }]);
      expect(swept.removed).toEqual([]);
      expect(await provision({ workspace: to, env: w.env })).toMatchObject({ uuid, created: false });
      expect(await expectOneFor(w, to)).toBe(uuid);
    });
  });
}
