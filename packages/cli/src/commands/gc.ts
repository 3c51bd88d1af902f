import type { GcResult } from '@ravi-hooks/core';
import type { Register } from './index';
import { common, positiveInt } from './shared';

export const registerGc: Register = (program, contextFor) => {
  common(
    program
      .command('gc')
      .description(
        'tear down identities whose workspace is gone; follow moved worktrees; finish crashed runs; retry owed deletions',
      )
      .option('--dry-run', 'only report what would be removed')
      .option(
        '--watch [seconds]',
        'keep reconciling every SECONDS (default 60) for tools that delete worktrees without a hook',
        positiveInt,
      ),
  ).action(async (opts: { dryRun?: boolean; watch?: number | true }, cmd) => {
    const ctx = contextFor(cmd);
    const { gc } = await import('@ravi-hooks/core');
    if (opts.watch === undefined) {
      const result = await gc({ cwd: ctx.cwd, env: ctx.env, dryRun: Boolean(opts.dryRun) });
      ctx.out.result(result, () => render(result, true));
      // NOTE: only transient debts fail gc: retired and irrevocable leases are settled facts
      if (result.owed.length > 0 && !result.dryRun) process.exitCode = 1;
      return;
    }
    const seconds = opts.watch === true ? 60 : opts.watch;
    let stop = false;
    let wake: () => void = () => undefined;
    const quit = () => {
      stop = true;
      wake();
    };
    process.once('SIGINT', quit);
    process.once('SIGTERM', quit);
    ctx.out.info(`reconciling every ${seconds}s (Ctrl-C to stop)`);
    while (!stop) {
      try {
        // NOTE: owed deletions are retried on their own backoff schedule, not every tick
        const result = await gc({ cwd: ctx.cwd, env: ctx.env, dueOnly: true });
        if (ctx.out.json)
          process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...result })}\n`);
        else {
          const text = render(result, false);
          if (text) process.stdout.write(`${new Date().toISOString()} ${text.replaceAll('\n', '\n  ')}\n`);
        }
      } catch (error) {
        // a failed round (provider down, state dir briefly unusable) is reported; the watch goes on
        ctx.out.error(error);
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, seconds * 1000).unref();
      });
    }
  });
};

/** The human report of one gc run; with `summary: false` (watch) empty when nothing happened. */
function render(result: GcResult, summary: boolean): string {
  const verb = result.dryRun ? 'would remove' : 'removed';
  const lines = result.removed.map(
    (e) => `${verb} ${e.name} (${e.uuid ?? 'no identity'}) ${e.workspace}: ${e.why}`,
  );
  for (const m of result.moved)
    lines.push(`${result.dryRun ? 'would follow' : 'followed'} ${m.name} (${m.uuid}) ${m.from} -> ${m.to}`);
  for (const e of result.adopted) lines.push(`adopted ${e.name} (${e.uuid}) ${e.workspace}: ${e.why}`);
  for (const e of result.retired)
    lines.push(`retired ${e.name} (${e.uuid}) ${e.workspace}: ${e.reason ?? e.why}`);
  for (const e of result.owed)
    lines.push(`owed    ${e.name} (${e.uuid}) ${e.workspace}: ${e.reason ?? e.why}`);
  // NOTE: in a watch, only leases that became irrevocable this round (not the standing ones)
  for (const e of result.irrevocable.filter((i) => summary || i.why !== 'deletion cannot be retried'))
    lines.push(
      `irrevocable ${e.name} (${e.uuid}): ${e.reason ?? e.why} (clear with \`ravi-hooks forget ${e.uuid}\`)`,
    );
  for (const file of result.corrupt) lines.push(`skipped corrupt state file ${file}`);
  if (!summary) return lines.join('\n');
  lines.push(
    `${result.removed.length} ${verb}, ${result.moved.length} moved, ${result.adopted.length} adopted, ` +
      `${result.retired.length} retired, ${result.owed.length} still owed, ` +
      `${result.irrevocable.length} irrevocable, ${result.kept} kept`,
  );
  return lines.join('\n');
}
