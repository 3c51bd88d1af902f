/**
 * Fault injection (package README, "Fault injection"). Faults hit only commands that call
 * the API; a transient failure never changes state; RAVI_EMU_OUTPUT changes stdout of a
 * command that really ran.
 */
import { describe, expect, it } from 'vitest';
import { emulator, stderrError, stdoutJson } from './helpers';

describe('transient failures', () => {
  it('RAVI_EMU_FAIL_RATE=1 fails with a 503 or a Go network error and changes nothing', async () => {
    const emu = emulator({ failRate: 1 });
    const messages = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const result = await emu.run(['identity', 'create']);
      expect(result.code).toBe(1);
      messages.add(stderrError(result));
    }
    for (const message of messages) {
      expect(message).toMatch(
        /^(API error \(status 503\): upstream unavailable|Post "https:\/\/ravi\.id\/api\/identities\/": (dial|read) tcp)/,
      );
    }
    expect(emu.identities()).toEqual([]);
  });

  it('RAVI_EMU_429_RATE=1 prints the CLI rate-limit text with RAVI_EMU_RETRY_AFTER', async () => {
    const emu = emulator({ rate429: 1, retryAfter: 7 });
    const result = await emu.run(['identity', 'create']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(stderrError(result)).toBe('Rate limited: Request was throttled. (retry in 7s)');
    expect(emu.identities()).toEqual([]);
    const noRetry = await emu.run(['identity', 'list'], { env: { RAVI_EMU_RETRY_AFTER: '0' } });
    expect(stderrError(noRetry)).toBe('Rate limited: Request was throttled.');
  });

  it('never touches version, help, usage errors or auth status', async () => {
    const emu = emulator({ failRate: 1, rate429: 1 });
    expect((await emu.run(['version'])).code).toBe(0);
    expect((await emu.run(['identity'])).code).toBe(0);
    expect((await emu.run(['auth', 'status'])).code).toBe(0);
    expect((await emu.run(['identity', 'use'])).stderr).toBe('Error: accepts 1 arg(s), received 0\n');
  });

  it('RAVI_EMU_SEED replays the same decisions and generated names run after run', async () => {
    const names = async () => {
      const emu = emulator({ seed: 42, failRate: 0.5 });
      const out: string[] = [];
      for (let i = 0; i < 4; i++) {
        const result = await emu.run(['identity', 'create']);
        out.push(result.code === 0 ? stdoutJson<{ name: string }>(result).name : 'failed');
      }
      return out;
    };
    expect(await names()).toEqual(await names());
  });
});

describe('deterministic faults', () => {
  it('RAVI_EMU_FAIL_ON="identity use" always fails that command with an API error', async () => {
    const emu = emulator({ failOn: 'identity use' });
    const identity = emu.createIdentity();
    const result = await emu.run(['identity', 'use', identity.uuid]);
    expect(result.code).toBe(1);
    expect(stderrError(result)).toBe('API error: A server error occurred.');
    expect((await emu.run(['identity', 'list'])).code).toBe(0);
  });

  it.each([
    ['help', (out: string) => expect(out).toMatch(/^List, create, and switch identities\.[\s\S]*\nUsage:\n/)],
    ['nonjson', (out: string) => expect(out).toMatch(/^uuid: [0-9a-f-]{36}\nname: /)],
    ['truncated', (out: string) => expect(() => JSON.parse(out)).toThrow()],
    ['empty', (out: string) => expect(out).toBe('')],
  ] as const)(
    'RAVI_EMU_OUTPUT="identity create=%s" exits 0 without JSON, yet the identity exists',
    async (mode, check) => {
      const emu = emulator({ output: { 'identity create': mode } });
      const result = await emu.run(['identity', 'create', '--name', 'Orphan']);
      expect(result.code).toBe(0);
      check(result.stdout);
      expect(emu.identities().map((i) => i.name)).toEqual(['Orphan']);
    },
  );

  it('RAVI_EMU_LATENCY_MS delays the answer', async () => {
    const emu = emulator({ latencyMs: 300 });
    const started = Date.now();
    expect((await emu.run(['identity', 'list'])).code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('latency beyond the client timeout reports a Go timeout although the server created the identity', async () => {
    const emu = emulator({ latencyMs: 5_000, clientTimeoutMs: 200 });
    const result = await emu.run(['identity', 'create']);
    expect(stderrError(result)).toBe(
      'Post "https://ravi.id/api/identities/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    );
    expect(emu.identities()).toHaveLength(1);
  });
});
