/**
 * The append-only lifecycle log (`events.jsonl`). One line per event, written with a
 * single O_APPEND write so concurrent processes never interleave. Never holds secrets:
 * every free-text field goes through `redact`.
 */
import { redact } from '../errors';
import { appendLine, readTextIfExists } from '../io/files';
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

export async function recordEvent(
  paths: StatePaths,
  event: Omit<LifecycleEvent, 'time' | 'detail'> & { detail?: string },
): Promise<void> {
  const line: LifecycleEvent = { time: new Date().toISOString(), ...event };
  if (line.detail !== undefined) line.detail = redact(line.detail).slice(0, 500);
  await appendLine(paths.events, JSON.stringify(line));
}

/** The last `limit` events, oldest first. Lines that do not parse are skipped. */
export async function readEvents(paths: StatePaths, limit = 50): Promise<LifecycleEvent[]> {
  const text = await readTextIfExists(paths.events);
  if (text === null) return [];
  const lines = text.split('\n').filter((l) => l.length > 0);
  const out: LifecycleEvent[] = [];
  for (const line of lines.slice(-Math.max(0, limit))) {
    try {
      out.push(JSON.parse(line) as LifecycleEvent);
    } catch {
      // a line torn by a crash mid-write: skip it rather than fail the whole log
    }
  }
  return out;
}
