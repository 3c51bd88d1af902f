import { describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../../src/errors';
import { retrying } from '../../src/providers/ravi/retry';

const transient = () =>
  new ProviderError('E_PROVIDER', 'ravi identity list failed: API error (status 503): x', {
    transient: true,
  });
const rateLimited = (seconds: number) =>
  new ProviderError('E_RATE_LIMITED', 'ravi identity list failed: Rate limited', {
    transient: true,
    retryAfterSeconds: seconds,
  });

function failing(errors: ProviderError[]) {
  let calls = 0;
  const attempt = async () => {
    calls += 1;
    const error = errors.shift();
    if (error) throw error;
    return 'ok';
  };
  return { attempt, calls: () => calls };
}

describe('retrying ravi calls', () => {
  it('retries transient failures with backoff until one succeeds', async () => {
    const f = failing([transient(), transient()]);
    await expect(retrying({ retries: 3, maxWaitMs: 20 }, f.attempt)).resolves.toBe('ok');
    expect(f.calls()).toBe(3);
  });

  it('gives up after `retries` retries and throws the last failure', async () => {
    const f = failing([transient(), transient(), transient()]);
    await expect(retrying({ retries: 2, maxWaitMs: 20 }, f.attempt)).rejects.toThrow(/status 503/);
    expect(f.calls()).toBe(3);
  });

  it('fails fast on anything that is not transient', async () => {
    const f = failing([new ProviderError('E_PROVIDER', 'ravi identity create failed: API error: nope')]);
    await expect(retrying({ retries: 3, maxWaitMs: 20 }, f.attempt)).rejects.toThrow(/nope/);
    expect(f.calls()).toBe(1);
  });

  // NOTE: fake timers instead of a stopwatch: the retry must not come before the 1 s asked
  // for, and must come within its jitter (≤ 250 ms) after, whatever the machine's load
  it('waits the seconds a rate limit asks for before retrying', async () => {
    vi.useFakeTimers();
    try {
      const f = failing([rateLimited(1)]);
      const result = retrying({ retries: 3, maxWaitMs: 30_000 }, f.attempt);
      await vi.advanceTimersByTimeAsync(999);
      expect(f.calls()).toBe(1);
      await vi.advanceTimersByTimeAsync(251);
      expect(f.calls()).toBe(2);
      await expect(result).resolves.toBe('ok');
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not block when the rate limit asks for longer than the cap: E_RATE_LIMITED at once', async () => {
    // with fake timers that never advance, any wait at all would leave this pending forever
    vi.useFakeTimers();
    try {
      const f = failing([rateLimited(3600)]);
      await expect(retrying({ retries: 3, maxWaitMs: 30_000 }, f.attempt)).rejects.toMatchObject({
        code: 'E_RATE_LIMITED',
        retryAfterSeconds: 3600,
      });
      expect(f.calls()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells each attempt about the previous failure', async () => {
    const seen: Array<string | undefined> = [];
    const errors = [transient()];
    await retrying({ retries: 1, maxWaitMs: 10 }, async (n, previous) => {
      seen.push(`${n}:${previous?.code}`);
      const error = errors.shift();
      if (error) throw error;
    });
    expect(seen).toEqual(['0:undefined', '1:E_PROVIDER']);
  });
});
