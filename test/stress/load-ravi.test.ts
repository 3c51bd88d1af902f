import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { raviSandbox } from '../ravi/support';
import { runCli } from '../support/cli';
import { gcUntilSettled } from './support/gc';
import { providerWorld } from './support/providers';
import { bySize } from './support/size';
import { makeWorkspaces } from './support/workspaces';
import { worldProblems } from './support/world';

const FAULTS = { latencyMs: 50, failRate: 0.2, rate429: 0.05, retryAfter: 1 };

describe('load with faults, ravi provider against the emulator', () => {
  const count = bySize(20, 50);

  // retries 3 (the default) rides out most faults; with retries 0 about two provisions in
  // five fail, and each must leave nothing behind (or a debt that gc pays)
  for (const retries of [3, 0]) {
    it(`${count} concurrent provisions (latency, 20 % failures, 429s, ${retries} retries), then teardown of all`, async () => {
      const pw = await providerWorld('ravi', FAULTS);
      const userConfig = path.join(pw.env.XDG_CONFIG_HOME as string, 'ravi-hooks', 'config.json');
      mkdirSync(path.dirname(userConfig), { recursive: true });
      writeFileSync(userConfig, JSON.stringify({ ravi: { retries } }));
      const ws = makeWorkspaces(count);
      const world = () => ({ state: pw.state, workspaces: ws.snapshots, liveIdentities: pw.live() });

      const provisions = await Promise.all(ws.dirs.map((dir) => runCli(['provision', dir], { env: pw.env })));
      const failed = provisions.filter((r) => r.code !== 0);
      for (const r of failed) {
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
      }
      if (retries === 0) expect(failed.length).toBeGreaterThan(0);
      const gcRuns = await gcUntilSettled(pw.env);
      console.log(`retries ${retries}: provisioned ${count - failed.length}/${count}, gc runs ${gcRuns}`);
      expect(worldProblems(world())).toEqual([]);
      expect(pw.live()).toHaveLength(count - failed.length);

      const teardowns = await Promise.all(
        ws.dirs.map((dir) => runCli(['teardown', dir, '--json'], { env: pw.env })),
      );
      for (const r of teardowns) expect(r.code, r.stderr).toBe(0);
      await gcUntilSettled(pw.env);
      expect(worldProblems(world())).toEqual([]);
      expect(pw.live()).toEqual([]);
      pw.assertGlobalUntouched();
    });
  }

  it('every ravi call runs in a private dir with only the key it needs; never `--json`', async () => {
    const ravi = await raviSandbox(FAULTS);
    const ws = makeWorkspaces(bySize(5, 10));
    await runCli(['fleet', 'provision', ...ws.dirs], { env: ravi.env });
    const argv = ravi.emu.argv();
    expect(argv.filter((a) => a.argv.includes('--json'))).toEqual([]);
    const outside = argv.filter((a) => a.argv[0] !== 'version' && !a.cwd.startsWith(ravi.state));
    expect(outside).toEqual([]);
    ravi.assertGlobalUntouched();
  });
});
