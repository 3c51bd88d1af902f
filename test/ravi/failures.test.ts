import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { userConfig } from '../support/user-config';
import { countByCommand, json, provisionOk, raviSandbox } from './support';

const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('when ravi fails', () => {
  it('a 429 waits the N seconds ravi reports, then retries and succeeds', async () => {
    const sb = await raviSandbox({ retryAfter: 1 });
    sb.wrapWith('fault-once', { FAULT_ONCE_ARGS: 'identity create', FAULT_ONCE_ENV: 'RAVI_EMU_429_RATE=1' });
    const repo = gitdir();
    await provisionOk(sb, repo);
    expect(countByCommand(sb.invocations())).toEqual({ version: 1, 'identity create': 2, 'identity use': 1 });
    // the emulator logs when each attempt started: the retry came at least the 1 s it asked for
    const creates = sb.emu.argv().filter((entry) => entry.argv.slice(0, 2).join(' ') === 'identity create');
    const gap = Date.parse(creates[1]!.time) - Date.parse(creates[0]!.time);
    expect(gap).toBeGreaterThanOrEqual(1000);
    expect(sb.emu.identities()).toHaveLength(1);
  });

  it('a rate limit longer than RAVI_HOOKS_RETRY_WAIT_MAX_MS fails at once instead of blocking', async () => {
    const sb = await raviSandbox({ rate429: 1, retryAfter: 3600 });
    userConfig(sb.env, { ravi: { retries: 3 } });
    const repo = gitdir();
    // NOTE: had it waited the 3600 s, the child would be killed (no exit 1, no message)
    const r = await runCli(['provision', repo], { env: { ...sb.env, RAVI_HOOKS_RETRY_WAIT_MAX_MS: '5000' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Rate limited: Request was throttled\. \(retry in 3600s\)/);
    expect(countByCommand(sb.invocations())['identity create']).toBe(1);
  });

  it('a rate limit that lasts beyond the retries fails with one line, exit 1, nothing created', async () => {
    const sb = await raviSandbox({ rate429: 1, retryAfter: 1 });
    userConfig(sb.env, { ravi: { retries: 2 } });
    const repo = gitdir();
    const r = await runCli(['provision', repo], { env: sb.env });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      'ravi-hooks: ravi identity create failed: Rate limited: Request was throttled. (retry in 1s) (the Ravi API is rate limiting this account; try again later)',
    ]);
    expect(countByCommand(sb.invocations())['identity create']).toBe(3);
    expect(existsSync(path.join(repo, '.ravi'))).toBe(false);
  });

  it('a timed-out create that succeeded server-side is adopted, not duplicated', async () => {
    const sb = await raviSandbox();
    sb.wrapWith('fault-once', {
      FAULT_ONCE_ARGS: 'identity create',
      FAULT_ONCE_ENV: 'RAVI_EMU_LATENCY_MS=300 RAVI_EMU_CLIENT_TIMEOUT_MS=50',
    });
    const repo = gitdir();
    const out = await provisionOk(sb, repo);
    expect(sb.emu.identities().map((i) => i.uuid)).toEqual([out.uuid]);
    expect(sb.invocations().map((a) => a.slice(0, 2).join(' '))).toEqual([
      'version',
      'identity create',
      'identity list',
      'identity use',
    ]);
  });

  it('a transient failure of `identity use` (503 or network error) is retried', async () => {
    const sb = await raviSandbox();
    sb.wrapWith('fault-once', { FAULT_ONCE_ARGS: 'identity use', FAULT_ONCE_ENV: 'RAVI_EMU_FAIL_RATE=1' });
    const repo = gitdir();
    await provisionOk(sb, repo);
    expect(countByCommand(sb.invocations())).toEqual({ version: 1, 'identity create': 1, 'identity use': 2 });
  });

  it.each([
    ['help text', 'help', /ravi identity create printed help text instead of JSON/],
    ['non-JSON output', 'nonjson', /ravi identity create printed output that is not JSON/],
    [
      'truncated JSON',
      'truncated',
      /ravi identity create printed output that is not JSON \(or is truncated\)/,
    ],
    ['no output', 'empty', /ravi identity create printed nothing/],
  ] as const)(
    'exit 0 with %s: one-line error, exit 1, the created identity is deleted again',
    async (_what, mode, message) => {
      const sb = await raviSandbox({ output: { 'identity create': mode } });
      const repo = gitdir();
      const r = await runCli(['provision', repo], { env: sb.env });
      expect(r.code).toBe(1);
      const lines = oneLine(r.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      // the emulator did create it; rollback found it by name + time and deleted it
      expect(sb.emu.identities()).toEqual([]);
      expect(sb.emu.deletedIdentities()).toHaveLength(1);
      expect(existsSync(path.join(repo, '.ravi'))).toBe(false);
      expect(readdirSync(path.join(sb.state, 'ledger'))).toEqual([]);
    },
  );

  it('garbage from `identity use` after a good create: the identity is deleted again, no key written', async () => {
    const sb = await raviSandbox({ output: { 'identity use': 'nonjson' } });
    const repo = gitdir();
    const r = await runCli(['provision', repo], { env: sb.env });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(sb.emu.identities()).toEqual([]);
    expect(existsSync(path.join(repo, '.ravi'))).toBe(false);
  });

  it('an API error fails fast with the CLI’s own message', async () => {
    const sb = await raviSandbox({ plan: 'free' });
    const repo = gitdir();
    const r = await runCli(['provision', repo], { env: { ...sb.env, RAVI_HOOKS_PHONE: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^ravi-hooks: ravi identity create failed: API error: Phone provisioning requires an active subscription\./,
    );
    expect(countByCommand(sb.invocations())['identity create']).toBe(1);
  });

  it('when the delete of a failed provision is refused, it is recorded as owed', async () => {
    const sb = await raviSandbox({ output: { 'identity create': 'help' }, deleteMode: 'refuse' });
    const repo = gitdir();
    expect((await runCli(['provision', repo], { env: sb.env })).code).toBe(1);
    expect(sb.emu.identities()).toHaveLength(1);
    const owed = await runCli(['gc', '--json'], { env: sb.env });
    expect(owed.code).toBe(1);
    expect(json(owed.stdout).owed).toHaveLength(1);
    sb.emu.setDeleteMode('ok');
    const gc = await runCli(['gc', '--json'], { env: sb.env });
    expect(gc.code).toBe(0);
    expect(sb.emu.identities()).toEqual([]);
  });

  it('a missing ravi binary is exit 3 with the brew hint', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const r = await runCli(['provision', repo], { env: { ...sb.env, PATH: testdir(), RAVI_BIN: '' } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/ravi not found \(ravi\).*brew install ravi-hq\/tap\/ravi/);
    const bad = await runCli(['provision', repo], { env: { ...sb.env, RAVI_BIN: '/nonexistent/ravi' } });
    expect(bad.code).toBe(3);
  });

  it('no management key anywhere is exit 3 with the login hint', async () => {
    const sb = await raviSandbox();
    const repo = gitdir();
    const r = await runCli(['provision', repo], { env: { ...sb.env, HOME: testdir() } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no Ravi management key: .* does not exist \(run `ravi auth login` once/);
  });

  it('ravi ≤0.5 is detected from its plain-text version line and refused (exit 3, upgrade hint)', async () => {
    const sb = await raviSandbox({ version: 'v0.5.2' });
    const repo = gitdir();
    const r = await runCli(['provision', repo], { env: sb.env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/ravi v0\.5\.2 is too old for ravi-hooks .*brew upgrade ravi-hq\/tap\/ravi/);
    expect(sb.invocations()).toEqual([['version']]);
  });
});
