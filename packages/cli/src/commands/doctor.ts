import type { Register } from './index';
import { common } from './shared';

export const registerDoctor: Register = (program, contextFor) => {
  common(
    program
      .command('doctor')
      .description('show the provider, whether it is usable, the state dir, the config file, and fixes')
      .option('--provider <name>', 'check this provider instead of the configured one'),
  ).action(async (opts: { provider?: string }, cmd) => {
    const ctx = contextFor(cmd);
    const { doctor } = await import('@ravi-hooks/core');
    const report = await doctor({
      cwd: ctx.cwd,
      env: ctx.env,
      ...(opts.provider ? { provider: opts.provider } : {}),
    });
    ctx.out.result(report, () =>
      report.checks
        .map(
          (c) =>
            `${c.ok ? 'ok  ' : 'FAIL'}  ${c.label}${c.value ? `: ${c.value}` : ''}${!c.ok && c.fix ? `\n        fix: ${c.fix}` : ''}`,
        )
        .join('\n'),
    );
    if (!report.ok) process.exitCode = report.checks.some((c) => !c.ok && c.label !== 'config') ? 3 : 2;
  });
};
