import type { Register } from './index';

/**
 * `ravi-hooks ravi -- ARGS…`: what the `ravi` shim runs. The real ravi, as the identity
 * `ravi-hooks which` resolves, with the caller's cwd, stdio and exit code.
 *
 * NOTE: agents run this on every `ravi` call; it loads only the resolver and the
 * passthrough (no config loader, no zod), and takes no options of its own so every
 * argument reaches ravi untouched.
 */
export const registerRavi: Register = (program, contextFor) => {
  program
    .command('ravi')
    .description('run the real ravi as the identity of the workspace you are in (what the `ravi` shim calls)')
    .argument('[args...]', 'arguments for ravi (after --)')
    .helpOption(false)
    .allowUnknownOption()
    .passThroughOptions()
    .action(async (args: string[], _opts, cmd) => {
      const ctx = contextFor(cmd);
      const { resolveIdentity } = await import('@ravi-hooks/core/resolve');
      const resolution = resolveIdentity(ctx.cwd, ctx.env);
      const { runRealRavi } = await import('@ravi-hooks/core/ravi-shim');
      const result = await runRealRavi({ args, cwd: ctx.cwd, env: ctx.env, resolution });
      if (result.signal) process.exitCode = 128 + (await signalNumber(result.signal));
      else process.exitCode = result.exitCode;
    });
};

async function signalNumber(signal: string): Promise<number> {
  const { constants } = await import('node:os');
  return (constants.signals as Record<string, number>)[signal] ?? 1;
}
