/**
 * Running ravi: one attempt (`call`) turns exit code, stdout and stderr into a parsed value
 * or a classified ProviderError; `retrying` repeats transient failures within bounds.
 */
import type { z } from 'zod';
import { ProviderError } from '../../errors';
import { run } from '../../io/process';
import { classify, cliErrorText, failureError, parseStdout } from './failure';
import { INSTALL_HINT } from './hints';
import type { RaviSettings } from './settings';
import type { Generation } from './version';

export interface CallTarget {
  bin: string;
  generation: Generation;
  /** cwd and HOME of the child: a private dir holding the `.ravi/config.json` to use. */
  dir: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export async function call<S extends z.ZodType>(
  target: CallTarget,
  args: string[],
  schema: S,
): Promise<z.output<S>> {
  const command = args
    .filter((a) => !a.startsWith('-'))
    .slice(0, 2)
    .join(' ');
  // NOTE: ≤0.5 printed human text unless asked; v0.6 rejects `--json` as an unknown flag.
  const argv = target.generation.modern ? args : [...args, '--json'];
  const result = await run(target.bin, argv, {
    cwd: target.dir,
    env: { ...target.env, HOME: target.dir },
    extendEnv: false,
    timeoutMs: target.timeoutMs,
  });
  if (result.notFound) {
    throw new ProviderError('E_PROVIDER_UNAVAILABLE', `ravi could not be started (${target.bin})`, {
      hint: INSTALL_HINT,
    });
  }
  if (result.timedOut) {
    throw new ProviderError(
      'E_PROVIDER',
      `ravi ${command} timed out after ${Math.round(target.timeoutMs / 1000)} s`,
      {
        transient: true,
        details: { ambiguous: true },
        hint: 'the Ravi API is slow or unreachable; raise ravi.timeoutMs or try again',
      },
    );
  }
  if (result.exitCode !== 0) throw failureError(command, classify(cliErrorText(result.stderr)));
  return parseStdout(command, result.stdout, schema);
}

export interface RetryPolicy {
  retries: number;
  maxWaitMs: number;
}

export function retryPolicy(settings: RaviSettings): RetryPolicy {
  return { retries: settings.retries, maxWaitMs: settings.maxWaitMs };
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the retries are used up. Transient
 * failures wait with exponential backoff and jitter; a rate limit waits the N seconds the
 * server asked for (plus jitter, so parallel callers spread out), unless N exceeds
 * `maxWaitMs`, in which case it fails at once rather than block.
 */
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
