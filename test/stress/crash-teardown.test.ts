import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { killTrials, typicalMs } from './support/crash';
import { tally } from './support/landing';
import { type ProviderName, providerWorld } from './support/providers';
import { bySize } from './support/size';
import { makeWorkspaces } from './support/workspaces';
import { worldProblems } from './support/world';

const KILL_POINTS = ['before-delete', 'after-delete'];

describe.each<ProviderName>(['local', 'ravi'])('kill -9 during teardown (%s provider)', (provider) => {
  const trials = bySize(21, 120);

  it(`${trials} killed teardowns, then gc and teardown again: no identity, no file, no record left`, async () => {
    const pw = await providerWorld(provider, { latencyMs: 20 });
    const ws = makeWorkspaces(trials);
    const fleet = await runCli(['fleet', 'provision', ...ws.dirs], { env: pw.env });
    expect(fleet.code, fleet.stderr).toBe(0);
    const world = () => ({ state: pw.state, workspaces: ws.snapshots, liveIdentities: pw.live() });
    const typical = await typicalMs(ws.dirs.slice(0, 8), 4, async (dir) => {
      await runCli(['teardown', dir], { env: pw.env });
      await runCli(['provision', dir], { env: pw.env });
    });

    const results = await killTrials({
      dirs: ws.dirs,
      args: (dir) => ['teardown', dir],
      env: pw.env,
      state: pw.state,
      stages: KILL_POINTS,
      maxDelayMs: typical * 0.6, // about 1.2 × one teardown
      maxInLockMs: 30,
      seed: 0x7ea2,
    });
    console.log(`${provider}: teardown kills landed`, tally(pw.state, results));

    const gc = await runCli(['gc', '--json'], { env: pw.env });
    expect(gc.code, gc.stderr).toBe(0);
    // a teardown killed after the deletion leaves a config naming a deleted identity: the
    // next teardown (the orchestrator's retry) finishes the job
    const again = await runCli(['fleet', 'teardown', ...ws.dirs, '--json'], { env: pw.env });
    expect(again.code, again.stderr).toBe(0);
    expect(worldProblems(world())).toEqual([]);
    expect(pw.live()).toEqual([]);
    pw.assertGlobalUntouched();
  });
});
