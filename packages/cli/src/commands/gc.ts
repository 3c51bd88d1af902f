import type { Register } from './index';
import { common } from './shared';

export const registerGc: Register = (program, contextFor) => {
  common(
    program
      .command('gc')
      .description('tear down identities whose workspace is gone; settle crashed runs; retry owed deletions')
      .option('--dry-run', 'only report what would be removed'),
  ).action(async (opts: { dryRun?: boolean }, cmd) => {
    const ctx = contextFor(cmd);
    const { gc } = await import('@ravi-hooks/core');
    const result = await gc({ cwd: ctx.cwd, env: ctx.env, dryRun: Boolean(opts.dryRun) });
    ctx.out.result(result, () => {
      const verb = result.dryRun ? 'would remove' : 'removed';
      const lines = result.removed.map(
        (e) => `${verb} ${e.name} (${e.uuid ?? 'no identity'}) ${e.workspace}: ${e.why}`,
      );
      for (const e of result.owed)
        lines.push(`owed   ${e.name} (${e.uuid}) ${e.workspace}: ${e.reason ?? e.why}`);
      lines.push(`${result.removed.length} ${verb}, ${result.owed.length} still owed, ${result.kept} kept`);
      return lines.join('\n');
    });
    if (result.owed.length > 0 && !result.dryRun) process.exitCode = 1;
  });
};
