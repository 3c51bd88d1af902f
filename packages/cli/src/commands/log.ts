import type { Register } from './index';
import { common, positiveInt } from './shared';

export const registerLog: Register = (program, contextFor) => {
  common(
    program
      .command('log')
      .description('lifecycle events (provision, teardown, gc), oldest first')
      .option('--limit <n>', 'how many of the latest events', positiveInt, 50),
  ).action(async (opts: { limit: number }, cmd) => {
    const ctx = contextFor(cmd);
    const { readEvents, stateOnly } = await import('@ravi-hooks/core');
    const events = await readEvents(stateOnly(ctx.env).paths, opts.limit);
    ctx.out.result(events, () =>
      events.length === 0
        ? 'no events yet'
        : events
            .map((e) =>
              [
                e.time,
                e.event.padEnd(18),
                e.name ?? '-',
                e.uuid ?? '-',
                e.workspace ?? '-',
                e.detail ? `(${e.detail})` : '',
              ]
                .join('  ')
                .trimEnd(),
            )
            .join('\n'),
    );
  });
};
