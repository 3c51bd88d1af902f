/**
 * Running ravi: one attempt (`call`) turns exit code, stdout and stderr into a parsed value
 * or a classified ProviderError; `retrying` repeats transient failures within bounds.
 */
import type { z } from 'zod';
import { ProviderError } from '../../errors';
import { run } from '../../io/process';
import { classify, cliErrorText, failureError, parseStdout } from './failure';
import { INSTALL_HINT } from './hints';
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
