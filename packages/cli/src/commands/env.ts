import { InvalidArgumentError } from 'commander';
import type { Register } from './index';
import { common } from './shared';

const formats = ['sh', 'json', 'dotenv'] as const;

export const registerEnv: Register = (program, contextFor) => {
  common(
    program
      .command('env')
      .description(
        'print RAVI_CONFIG_DIR, RAVI_EMAIL, RAVI_PHONE, RAVI_IDENTITY_UUID for DIR (eval "$(ravi-hooks env)")',
      )
      .argument('[dir]', 'directory to resolve from', '.')
      .option('--format <format>', `output format: ${formats.join(', ')}`, (v: string) => {
        if (!(formats as readonly string[]).includes(v))
          throw new InvalidArgumentError(`expected one of ${formats.join(', ')}`);
        return v;
      }),
  ).action(async (dir: string, opts: { format?: (typeof formats)[number]; json?: boolean }, cmd) => {
    const ctx = contextFor(cmd);
    const path = await import('node:path');
    const { identityEnv, formatEnv, shQuote, foreignConfigWarning, managementVars, UsageError } =
      await import('@ravi-hooks/core');
    if (opts.json && opts.format && opts.format !== 'json') {
      throw new UsageError(`--json and --format ${opts.format} ask for two different outputs`, {
        hint: 'drop one of them (--json is --format json)',
      });
    }
    const from = path.resolve(ctx.cwd, dir);
    // NOTE: re-running `eval "$(ravi-hooks env)"` after a cd must switch to this workspace,
    // not repeat the identity the shell still carries from the last one
    const { stickyEnv } = await import('../sticky');
    const sticky = stickyEnv(from, ctx.env);
    if (sticky) {
      process.stderr.write(
        `ravi-hooks: warning: RAVI_CONFIG_DIR names ${sticky.fromEnv}; printing the identity of this workspace, ${sticky.workspace}, instead\n`,
      );
    }
    const lookup = sticky ? { ...ctx.env, RAVI_CONFIG_DIR: '' } : ctx.env;
    const { vars, problems, resolution } = await identityEnv(from, lookup);
    if (problems.length > 0 && resolution.baseDir)
      process.stderr.write(`ravi-hooks: ${foreignConfigWarning(resolution.baseDir, problems)}\n`);
    const shim = await shimVars(ctx);
    const all: Record<string, string> = { ...vars, ...shim };
    const format = opts.format ?? (opts.json ? 'json' : 'sh');
    let text = formatEnv(all, format);
    // NOTE: only sh can extend the caller's PATH at eval time, and take the management key
    // out of the shell the agent is about to run in; dotenv/json consumers prepend
    // RAVI_HOOKS_SHIM_DIR themselves (and never received the key from us).
    if (format === 'sh') {
      text += `export PATH=${shQuote(all.RAVI_HOOKS_SHIM_DIR ?? '')}:"$PATH"\n`;
      const unset = managementVars(ctx.env)
        .filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        .sort();
      if (unset.length > 0) text += `unset ${unset.join(' ')}\n`;
    }
    process.stdout.write(text);
  });
};

/** The `ravi` shim directory, so harnesses that only take env vars get the documented `ravi`. */
async function shimVars(ctx: { env: NodeJS.ProcessEnv; self: string }): Promise<Record<string, string>> {
  const { ensureShim } = await import('../shim');
  return { RAVI_HOOKS_SHIM_DIR: await ensureShim(ctx.env, ctx.self) };
}
