/**
 * The append-only lifecycle log (`events.jsonl`). One line per event, written with a
 * single O_APPEND write so concurrent processes never interleave. Never holds secrets:
 * every free-text field goes through `redact`. Read from the end in fixed-size chunks, so
 * showing the newest events costs the same on a 1 GB log as on a new one.
 */
import { z } from 'zod';
import { redact } from '../errors';
import { appendLine } from '../io/files';
import { linesAfter, linesBackward } from '../io/lines';
import type { StatePaths } from './paths';

export type EventName =
  | 'provision.before'
  | 'provision.after'
  | 'provision.failed'
  | 'provision.rollback'
  | 'teardown.before'
  | 'teardown.after'
  | 'teardown.failed'
  | 'gc.removed'
  | 'gc.failed'
  | 'hook.failed';

export interface LifecycleEvent {
  time: string;
  event: EventName;
  workspace: string | null;
  uuid: string | null;
  name: string | null;
  provider: string | null;
  /** Short, redacted explanation (errors, reasons). */
  detail?: string;
}

// NOTE: `event` is any string, not the union above: a log written by a newer version
// (new event names) must still read, and the CLI only displays it.
const eventSchema = z.object({
  time: z.string(),
  event: z.string(),
  workspace: z.string().nullable().default(null),
  uuid: z.string().nullable().default(null),
  name: z.string().nullable().default(null),
  provider: z.string().nullable().default(null),
  detail: z.string().optional(),
});

export async function recordEvent(
  paths: StatePaths,
  event: Omit<LifecycleEvent, 'time' | 'detail'> & { detail?: string },
): Promise<void> {
  const line: LifecycleEvent = { time: new Date().toISOString(), ...event };
  if (line.detail !== undefined) line.detail = redact(line.detail).slice(0, 500);
  await appendLine(paths.events, JSON.stringify(line));
}

/** One line of the log as an event, or null for a torn, foreign or blank line. */
export function parseEvent(line: string): LifecycleEvent | null {
  if (line.trim().length === 0) return null;
  try {
    const parsed = eventSchema.safeParse(JSON.parse(line));
    return parsed.success ? (parsed.data as LifecycleEvent) : null;
  } catch {
    return null; // a line torn by a crash mid-write: skip it rather than fail the whole log
  }
}

/** The last `limit` events, oldest first. Lines that do not parse are skipped. */
export async function readEvents(paths: StatePaths, limit = 50): Promise<LifecycleEvent[]> {
  return (await readEventsWithEnd(paths, limit)).events;
}

/**
 * The last `limit` events (oldest first) and the byte offset the log ended at when read,
 * where `followEvents` continues.
 */
export async function readEventsWithEnd(
  paths: StatePaths,
  limit = 50,
): Promise<{ events: LifecycleEvent[]; end: number }> {
  const log = await linesBackward(paths.events);
  if (log === null) return { events: [], end: 0 };
  const events: LifecycleEvent[] = [];
  if (limit > 0) {
    for await (const line of log.lines) {
      const event = parseEvent(line);
      if (event !== null && events.push(event) >= limit) break;
    }
  } else await log.lines.return(undefined); // closes the file
  return { events: events.reverse(), end: log.size };
}

/**
 * Calls `onEvent` for each event appended after byte `from`, checking every `intervalMs`
 * until `signal` aborts. Polling one stat is cheap and, unlike fs.watch, works the same on
 * every platform and across the log being replaced.
 */
export async function followEvents(
  paths: StatePaths,
  from: number,
  onEvent: (event: LifecycleEvent) => void,
  options: { signal?: AbortSignal; intervalMs?: number } = {},
): Promise<void> {
  const { setTimeout: sleep } = await import('node:timers/promises');
  let offset = from;
  while (!options.signal?.aborted) {
    const { lines, next } = await linesAfter(paths.events, offset);
    offset = next;
    for (const line of lines) {
      const event = parseEvent(line);
      if (event !== null) onEvent(event);
    }
    if (lines.length > 0) continue; // more may be waiting: read on before sleeping
    await sleep(options.intervalMs ?? 250, undefined, { signal: options.signal }).catch(() => undefined);
  }
}
