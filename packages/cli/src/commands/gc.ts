import type { Register } from './index';
import { common } from './shared';

export const registerGc: Register = (program, contextFor) => {
  common(
    program
      .command('gc')
      .description(
        'tear down identities whose workspace is gone; follow moved worktrees; finish crashed runs; retry owed deletions',
      )
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
      for (const m of result.moved)
        lines.push(
          `${result.dryRun ? 'would follow' : 'followed'} ${m.name} (${m.uuid}) ${m.from} -> ${m.to}`,
        );
      for (const e of result.adopted) lines.push(`adopted ${e.name} (${e.uuid}) ${e.workspace}: ${e.why}`);
      for (const e of result.retired)
        lines.push(`retired ${e.name} (${e.uuid}) ${e.workspace}: ${e.reason ?? e.why}`);
      for (const e of result.owed)
        lines.push(`owed    ${e.name} (${e.uuid}) ${e.workspace}: ${e.reason ?? e.why}`);
      for (const e of result.irrevocable)
        lines.push(
          `irrevocable ${e.name} (${e.uuid}): ${e.reason ?? e.why} (clear with \`ravi-hooks forget ${e.uuid}\`)`,
        );
      for (const file of result.corrupt) lines.push(`skipped corrupt state file ${file}`);
      lines.push(
        `${result.removed.length} ${verb}, ${result.moved.length} moved, ${result.adopted.length} adopted, ` +
          `${result.retired.length} retired, ${result.owed.length} still owed, ` +
          `${result.irrevocable.length} irrevocable, ${result.kept} kept`,
      );
      return lines.join('\n');
    });
    // NOTE: only transient debts fail gc: retired and irrevocable leases are settled facts
    if (result.owed.length > 0 && !result.dryRun) process.exitCode = 1;
  });
};
