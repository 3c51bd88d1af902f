/**
 * Provisioning over HTTP when the API misbehaves: 5xx before and after the work, 429s with
 * either body style, and a process killed while a request is in flight.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, runCli } from '../support/cli';
import { testdir } from '../support/tmp';
import { type HttpSandbox, httpSandbox, json } from './support';

const N = 50;

/** The user-level config, the one place `ravi.*` settings are honoured. */
function userSettings(sb: HttpSandbox, ravi: Record<string, unknown>): void {
  const dir = path.join(sb.env.XDG_CONFIG_HOME as string, 'ravi-hooks');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify({ ravi })}\n`);
}

describe('over HTTP under faults', () => {
  it(`${N} parallel provisions under 20% 5xx and 10% 429: one identity per workspace, no duplicates`, async () => {
    const sb = await httpSandbox({}, { rate5xx: 0.2, rate429: 0.1, retryAfterSeconds: 1 });
    // NOTE: 8 retries: a request failing 9 times in a row at 30% has odds of 2 in 100 000
    userSettings(sb, { retries: 8 });
    const dirs = Array.from({ length: N }, () => testdir());
    const results = await Promise.all(
      dirs.map((dir) => runCli(['provision', dir, '--json'], { env: sb.env, timeoutMs: 280_000 })),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const bound = dirs.map(
      (dir) => json(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8')).identity_uuid,
    );
    const live = sb.emu.identities().map((i) => i.uuid);
    expect(new Set(bound).size).toBe(N);
    expect(live.sort()).toEqual([...bound].sort());
    const faults = sb.requests().filter((l) => l.fault);
    expect(faults.some((l) => l.fault === '5xx') && faults.some((l) => l.fault === '429')).toBe(true);
    sb.assertGlobalUntouched();
  }, 300_000); // NOTE: 50 CLI processes on a busy 2-core machine (~2 s each) plus 1 s waits per 429

  it('a create whose answer is lost (reset, EOF) is recovered by listing, never duplicated', async () => {
    // NOTE: 12 workspaces make a fault near-certain (24+ requests at 30%); the retry wait is
    // capped so the test measures recovery, not backoff (at 50% faults and 8 retries with the
    // default 30 s cap, one unlucky workspace waited over 60 s)
    const sb = await httpSandbox({}, { resetRate: 0.2, eofRate: 0.1 });
    userSettings(sb, { retries: 10 });
    const dirs = Array.from({ length: 12 }, () => testdir());
    const r = await runCli(['fleet', 'provision', ...dirs, '--json'], {
      env: { ...sb.env, RAVI_HOOKS_RETRY_WAIT_MAX_MS: '1000' },
      timeoutMs: 110_000,
    });
    expect(r.code, r.stderr).toBe(0);
    const bound = dirs.map(
      (dir) => json(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8')).identity_uuid,
    );
    expect(
      sb.emu
        .identities()
        .map((i) => i.uuid)
        .sort(),
    ).toEqual([...bound].sort());
    expect(sb.requests().some((l) => l.fault === 'reset' || l.fault === 'eof')).toBe(true);
  }, 120_000);

  it('SIGTERM while the create is in flight leaves no temp files and no copy of the management key', async () => {
    const sb = await httpSandbox({}, { latencyMs: 5000 });
    const dir = testdir();
    const child = spawn(process.execPath, [cliPath, 'provision', dir], {
      env: { ...process.env, ...sb.env },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    while (!sb.requests().some((l) => l.method === 'POST')) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    await exited;
    const tmp = path.join(sb.state, 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
    const files = readdirSync(sb.state, { withFileTypes: true, recursive: true }).filter((e) => e.isFile());
    for (const f of files) {
      expect(readFileSync(path.join(f.parentPath, f.name), 'utf8')).not.toContain(sb.emu.managementKey);
    }
    sb.assertGlobalUntouched();
  }, 30_000);
});
