/**
 * Retrying a transient failure within bounds, shared by the HTTP and CLI transports.
 * Transient failures wait with exponential backoff and jitter; a rate limit waits the N
 * seconds the server asked for (plus jitter, so parallel callers spread out), unless N
 * exceeds `maxWaitMs`, in which case it fails at once rather than block.
 */
import { ProviderError } from '../../errors';
import type { RaviSettings } from './settings';

export interface RetryPolicy {
  retries: number;
  maxWaitMs: number;
}

export function retryPolicy(settings: RaviSettings): RetryPolicy {
  return { retries: settings.retries, maxWaitMs: settings.maxWaitMs };
}

export async function retrying<T>(
  policy: RetryPolicy,
  attempt: (n: number, previous: ProviderError | undefined) => Promise<T>,
): Promise<T> {
  let previous: ProviderError | undefined;
  for (let n = 0; ; n += 1) {
    try {
      return await attempt(n, previous);
    } catch (error) {
      if (!(error instanceof ProviderError) || !error.transient || n >= policy.retries) throw error;
      const wait = waitMs(error, n, policy.maxWaitMs);
      if (wait === null) throw error;
      await sleep(wait);
      previous = error;
    }
  }
}

function waitMs(error: ProviderError, n: number, maxWaitMs: number): number | null {
  const jitter = Math.random() * 250;
  if (error.retryAfterSeconds !== undefined) {
    const asked = error.retryAfterSeconds * 1000;
    return asked > maxWaitMs ? null : asked + jitter;
  }
  const ceiling = Math.min(maxWaitMs, 500 * 2 ** n);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
