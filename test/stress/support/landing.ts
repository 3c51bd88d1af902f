/**
 * Where a kill landed, read from what it left on disk before anything repairs it: no
 * ledger record yet, a record `pending` (identity maybe created), `created` (uuid known,
 * config not written), `active` (done), or the command finished before the kill.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Trial } from './crash';

export function landing(state: string, trial: Trial): string {
  if (trial.code === 0) return 'finished';
  const key = createHash('sha256').update(trial.dir).digest('hex').slice(0, 32);
  const file = path.join(state, 'ledger', `${key}.json`);
  if (!existsSync(file)) return 'no record';
  return (JSON.parse(readFileSync(file, 'utf8')) as { state: string }).state;
}

/** `{ 'after-create:kill → created': 3, 'random → pending': 5, … }` for the report. */
export function tally(state: string, trials: Trial[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of trials) {
    const key = `${t.how.split(' ')[0]} → ${landing(state, t)}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
