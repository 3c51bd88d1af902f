import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { killTrials, typicalMs } from './support/crash';
import { tally } from './support/landing';
import { type ProviderName, providerWorld } from './support/providers';
import { bySize } from './support/size';
import { makeWorkspaces } from './support/workspaces';
import { worldProblems } from './support/world';

const KILL_POINTS = ['before-create', 'after-create', 'after-credentials', 'mid-write', 'after-write'];

describe.each<ProviderName>(['local', 'ravi'])('kill -9 during provision (%s provider)', (provider) => {
  const trials = bySize(21, 120);

  it(`${trials} killed provisions, then gc: every workspace fully provisioned or clean, no orphan`, async () => {
    const pw = await providerWorld(provider, { latencyMs: 20 });
    const ws = makeWorkspaces(trials);
    const probe = makeWorkspaces(8, 'probe');
    const typical = await typicalMs(probe.dirs, 4, (dir) => runCli(['provision', dir], { env: pw.env }));
    await runCli(['fleet', 'teardown', ...probe.dirs], { env: pw.env });

    const results = await killTrials({
      dirs: ws.dirs,
      args: (dir) => ['provision', dir],
      env: pw.env,
      state: pw.state,
      stages: KILL_POINTS,
      maxDelayMs: typical * 1.2,
      maxInLockMs: provider === 'local' ? 60 : typical * 0.7,
      seed: 0xc4a5,
    });
    console.log(`${provider}: provision kills landed`, tally(pw.state, results));
    // NOTE: a `ravi identity create` whose parent was killed still finishes on its own
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const gc = await runCli(['gc', '--json'], { env: pw.env });
    expect(gc.code, gc.stderr).toBe(0);
    expect(worldProblems({ state: pw.state, workspaces: ws.snapshots, liveIdentities: pw.live() })).toEqual(
      [],
    );
    pw.assertGlobalUntouched();
  });
});
