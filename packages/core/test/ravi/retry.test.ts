import { describe, expect, it } from 'vitest';
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

  it('waits the seconds a rate limit asks for before retrying', async () => {
    const f = failing([rateLimited(1)]);
    const started = Date.now();
    await expect(retrying({ retries: 3, maxWaitMs: 30_000 }, f.attempt)).resolves.toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(f.calls()).toBe(2);
  });

  it('does not block when the rate limit asks for longer than the cap: E_RATE_LIMITED at once', async () => {
    const f = failing([rateLimited(3600)]);
    const started = Date.now();
    await expect(retrying({ retries: 3, maxWaitMs: 30_000 }, f.attempt)).rejects.toMatchObject({
      code: 'E_RATE_LIMITED',
      retryAfterSeconds: 3600,
    });
    expect(Date.now() - started).toBeLessThan(1000);
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
