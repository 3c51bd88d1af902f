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
    ctx.out.result(report, () => {
      const checks = report.checks.map(
        (c) =>
          `${c.ok ? 'ok  ' : 'FAIL'}  ${c.label}${c.value ? `: ${c.value}` : ''}${!c.ok && c.fix ? `\n        fix: ${c.fix}` : ''}`,
      );
      // NOTE: which file set what: a repository may set only name and concurrency (issue 9)
      const width = Math.max(0, ...report.settings.map((s) => s.key.length));
      const settings = report.settings.map(
        (s) => `      ${s.key.padEnd(width)}  ${String(s.value)}  (${s.from})`,
      );
      const ignored = report.ignored.map((line) => `      ${line}`);
      return [
        ...checks,
        ...(settings.length > 0 ? ['settings:', ...settings] : []),
        ...(ignored.length > 0 ? ['ignored:', ...ignored] : []),
      ].join('\n');
    });
    if (!report.ok) process.exitCode = report.checks.some((c) => !c.ok && c.label !== 'config') ? 3 : 2;
  });
};
