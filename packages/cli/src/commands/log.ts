import type { LifecycleEvent } from '@ravi-hooks/core';
import type { Register } from './index';
import { common, positiveInt } from './shared';

export const registerLog: Register = (program, contextFor) => {
  common(
    program
      .command('log')
      .description('lifecycle events (provision, teardown, gc), oldest first')
      .option('--limit <n>', 'how many of the latest events', positiveInt, 50)
      .option('-f, --follow', 'then keep printing events as they happen (with --json: one object per line)'),
  ).action(async (opts: { limit: number; follow?: boolean }, cmd) => {
    const ctx = contextFor(cmd);
    const { followEvents, readEventsWithEnd, stateOnly } = await import('@ravi-hooks/core');
    const { paths } = await stateOnly(ctx.env);
    const { events, end } = await readEventsWithEnd(paths, opts.limit);
    if (!opts.follow) {
      ctx.out.result(events, () =>
        events.length === 0 ? 'no events yet' : events.map(formatEvent).join('\n'),
      );
      return;
    }
    // NOTE: a stream has no end to close a JSON array at, so --follow --json prints JSON
    // Lines (one compact object per line), what `jq` and log shippers read as they arrive
    const print = (event: LifecycleEvent) =>
      process.stdout.write(`${ctx.out.json ? JSON.stringify(event) : formatEvent(event)}\n`);
    for (const event of events) print(event);
    const stop = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
    await followEvents(paths, end, print, { signal: stop.signal });
  });
};

function formatEvent(e: LifecycleEvent): string {
  return [
    e.time,
    e.event.padEnd(18),
    e.name ?? '-',
    e.uuid ?? '-',
    e.workspace ?? '-',
    e.detail ? `(${e.detail})` : '',
  ]
    .join('  ')
    .trimEnd();
}
