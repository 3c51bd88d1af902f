import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { bySize } from './support/size';
import { makeWorkspaces, seeded } from './support/workspaces';
import { localIdentities, worldProblems } from './support/world';

// The local provider never fails by itself, so one run in five gets a fault injected at a
// random stage instead (the emulator's 20 % failure rate, for the ravi provider).
const PROVISION_FAULTS = ['before-create', 'after-create', 'after-credentials', 'mid-write', 'after-write'];
const TEARDOWN_FAULTS = ['before-delete', 'after-delete'];

describe('load with faults, local provider', () => {
  const count = bySize(20, 50);

  it(`${count} concurrent provision processes (1 in 5 faulted), then teardown of all: nothing left behind`, async () => {
    const sb = sandbox();
    const ws = makeWorkspaces(count);
    const random = seeded(0x10ad);
    const faultFor = (faults: string[]) =>
      random() < 0.2 ? faults[Math.floor(random() * faults.length)] : '';
    const world = () => ({
      state: sb.state,
      workspaces: ws.snapshots,
      liveIdentities: localIdentities(sb.state),
    });

    const provisions = await Promise.all(
      ws.dirs.map((dir) => {
        const fault = faultFor(PROVISION_FAULTS);
        return runCli(['provision', dir], { env: { ...sb.env, RAVI_HOOKS_FAULT: fault } }).then((r) => ({
          r,
          fault,
        }));
      }),
    );
    for (const { r, fault } of provisions) {
      expect(r.code, r.stderr).toBe(fault ? 1 : 0);
      if (fault) expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    }
    expect(provisions.filter((p) => p.fault).length).toBeGreaterThan(0);
    expect(worldProblems(world())).toEqual([]);
    expect(localIdentities(sb.state)).toHaveLength(provisions.filter((p) => !p.fault).length);

    const teardowns = await Promise.all(
      ws.dirs.map((dir) =>
        runCli(['teardown', dir, '--json'], {
          env: { ...sb.env, RAVI_HOOKS_FAULT: faultFor(TEARDOWN_FAULTS) },
        }),
      ),
    );
    for (const r of teardowns) expect(r.code, r.stderr).toBe(0);
    // a faulted deletion is recorded as owed; gc pays it
    const gc = await runCli(['gc', '--json'], { env: sb.env });
    expect(gc.code, gc.stderr).toBe(0);
    expect(worldProblems(world())).toEqual([]);
    expect(localIdentities(sb.state)).toEqual([]);
    sb.assertGlobalUntouched();
  });
});
