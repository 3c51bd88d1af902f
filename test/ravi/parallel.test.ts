import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { testdir } from '../support/tmp';
import { countByCommand, json, raviSandbox } from './support';

const N = 50;

describe('many workspaces at once with the real ravi CLI (transport: cli)', () => {
  it(`fleet provision of ${N} workspaces: ${N} identities, 2 ravi calls each plus one version probe`, async () => {
    const sb = await raviSandbox();
    const dirs = Array.from({ length: N }, () => testdir());
    const r = await runCli(['fleet', 'provision', ...dirs, '--concurrency', '16', '--json'], {
      env: sb.env,
      timeoutMs: 280_000,
    });
    expect(r.stderr).toBe('');
    const results = json(r.stdout).results;
    expect(results.filter((i: { ok: boolean }) => !i.ok)).toEqual([]);
    expect(r.code).toBe(0);
    expect(new Set(results.map((i: { result: { uuid: string } }) => i.result.uuid)).size).toBe(N);
    expect(sb.emu.identities()).toHaveLength(N);
    expect(countByCommand(sb.invocations())).toEqual({ version: 1, 'identity create': N, 'identity use': N });
    for (const dir of dirs) {
      const config = json(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8'));
      expect(config.identity_key).toMatch(/^ravi_id_/);
      expect(config.management_key).toBeUndefined();
    }
    sb.assertGlobalUntouched();
    // NOTE: one CLI process driving 2N + 1 emulated `ravi` processes (~120 ms CPU each) on 2 cores
  }, 300_000);

  it(`${N} parallel provision processes leave $HOME/.ravi/config.json byte-identical`, async () => {
    const sb = await raviSandbox();
    const dirs = Array.from({ length: N }, () => testdir());
    const results = await Promise.all(
      dirs.map((dir) => runCli(['provision', dir, '--json'], { env: sb.env, timeoutMs: 280_000 })),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const uuids = results.map((r) => json(r.stdout).uuid);
    expect(new Set(uuids).size).toBe(N);
    expect(sb.emu.identities()).toHaveLength(N);
    const counts = countByCommand(sb.invocations());
    expect(counts).toEqual({ version: N, 'identity create': N, 'identity use': N });
    sb.assertGlobalUntouched();
    // NOTE: N CLI processes plus 3N emulated `ravi` processes on a busy 2-core machine
  }, 300_000);
});
