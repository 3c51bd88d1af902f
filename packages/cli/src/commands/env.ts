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
    const { identityEnv, formatEnv, shQuote } = await import('@ravi-hooks/core');
    const { vars } = await identityEnv(path.resolve(ctx.cwd, dir), ctx.env);
    const shim = await shimVars(ctx);
    const all: Record<string, string> = { ...vars, ...shim };
    const format = opts.format ?? (opts.json ? 'json' : 'sh');
    let text = formatEnv(all, format);
    // NOTE: only sh can extend the caller's PATH at eval time; dotenv/json consumers prepend
    // RAVI_HOOKS_SHIM_DIR themselves.
    if (format === 'sh') text += `export PATH=${shQuote(all.RAVI_HOOKS_SHIM_DIR ?? '')}:"$PATH"\n`;
    process.stdout.write(text);
  });
};

/** The `ravi` shim directory, so harnesses that only take env vars get the documented `ravi`. */
async function shimVars(ctx: { env: NodeJS.ProcessEnv; self: string }): Promise<Record<string, string>> {
  const { ensureShim } = await import('../shim');
  return { RAVI_HOOKS_SHIM_DIR: await ensureShim(ctx.env, ctx.self) };
}
