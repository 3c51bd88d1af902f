import { appendFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../../../test/support/tmp';
import {
  followEvents,
  type LifecycleEvent,
  readEvents,
  readEventsWithEnd,
  recordEvent,
} from '../../src/state/events';
import { statePaths } from '../../src/state/paths';

const base = { workspace: '/w', uuid: null, name: 'n', provider: 'local' } as const;
const line = (i: number) =>
  `${JSON.stringify({ time: '2026-01-01T00:00:00.000Z', event: 'provision.after', ...base, detail: `e${i}` })}\n`;

describe('events.jsonl', () => {
  it('a torn last line (crash mid-write) never swallows the next event', async () => {
    const paths = statePaths(testdir());
    await recordEvent(paths, { event: 'provision.before', ...base });
    appendFileSync(paths.events, '{"time":"2026-01-01T00:00:00.000Z","event":"provision.af');
    await recordEvent(paths, { event: 'teardown.after', ...base });
    const events = await readEvents(paths);
    expect(events.map((e) => e.event)).toEqual(['provision.before', 'teardown.after']);
    expect(readFileSync(paths.events, 'utf8').endsWith('"provider":"local"}\n')).toBe(true);
  });

  it('appends whole lines: no blank line when the file already ends in a newline', async () => {
    const paths = statePaths(testdir());
    for (let i = 0; i < 3; i += 1) await recordEvent(paths, { event: 'gc.removed', ...base });
    expect(readFileSync(paths.events, 'utf8').split('\n')).toHaveLength(4);
  });

  it('shows the newest events oldest first, skipping lines that are not events', async () => {
    const paths = statePaths(testdir());
    writeFileSync(paths.events, `${line(1)}not json\n[1,2]\n\n${line(2)}{"event":42}\n${line(3)}`);
    const events = await readEvents(paths, 2);
    expect(events.map((e) => e.detail)).toEqual(['e2', 'e3']);
    expect((await readEvents(paths, 10)).map((e) => e.detail)).toEqual(['e1', 'e2', 'e3']);
  });

  it('no log yet: no events', async () => {
    expect(await readEventsWithEnd(statePaths(testdir()), 5)).toEqual({ events: [], end: 0 });
  });

  it('reads the newest events of a multi-megabyte log from its end', async () => {
    const paths = statePaths(testdir());
    const block = Array.from({ length: 1000 }, (_, i) => line(i)).join('');
    for (let i = 0; i < 20; i += 1) appendFileSync(paths.events, block); // ~4 MB
    appendFileSync(paths.events, line(424242));
    const { events, end } = await readEventsWithEnd(paths, 3);
    expect(events.map((e) => e.detail)).toEqual(['e998', 'e999', 'e424242']);
    expect(end).toBe(statSync(paths.events).size);
  });

  it('never reads the whole log: the newest events of a 3 GB file (sparse, beyond what one read can hold)', async () => {
    const paths = statePaths(testdir());
    writeFileSync(paths.events, line(1));
    truncateSync(paths.events, 3 * 1024 ** 3); // a hole: takes no disk, and readFile refuses > 2 GiB
    appendFileSync(paths.events, `\n${line(2)}${line(3)}`);
    expect((await readEvents(paths, 2)).map((e) => e.detail)).toEqual(['e2', 'e3']);
  });

  it('follows the log: events appended later arrive, torn lines are skipped', async () => {
    const paths = statePaths(testdir());
    await recordEvent(paths, { event: 'provision.before', ...base });
    const { end } = await readEventsWithEnd(paths, 10);
    const seen: LifecycleEvent[] = [];
    const stop = new AbortController();
    const following = followEvents(
      paths,
      end,
      (e) => {
        seen.push(e);
        if (seen.length === 2) stop.abort();
      },
      { signal: stop.signal, intervalMs: 10 },
    );
    appendFileSync(paths.events, '{"torn');
    await recordEvent(paths, { event: 'provision.after', ...base });
    await recordEvent(paths, { event: 'teardown.before', ...base });
    await following;
    expect(seen.map((e) => e.event)).toEqual(['provision.after', 'teardown.before']);
  });

  it('keeps the event log private', async () => {
    const dir = path.join(testdir(), 'fresh');
    const paths = statePaths(dir);
    await recordEvent(paths, { event: 'gc.failed', ...base });
    expect(statSync(paths.events).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
