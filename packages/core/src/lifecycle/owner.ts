/**
 * Who a process is, precisely enough to tell that it is gone: host, pid and the kernel's
 * start time of that pid. A pid alone is not proof: after a crash the pid can be reused by
 * an unrelated process, which would keep a dead run's lock "alive" forever.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { pidAlive } from '../io/atomic';

export interface Owner {
  host: string;
  pid: number;
  /** `/proc/<pid>/stat` start time (clock ticks since boot); null where /proc is absent. */
  start: string | null;
}

/** Start time of a pid, or null when the platform does not expose it (macOS) or it is gone. */
export function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // NOTE: field 2 (comm) may hold spaces and parentheses; fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

let self: Owner | null = null;

export function selfOwner(): Owner {
  self ??= { host: hostname(), pid: process.pid, start: startTimeOf(process.pid) };
  return self;
}

/**
 * True only when `owner` is provably dead: it ran on this host and its pid is gone, or the
 * pid now belongs to a process that started at another time. An owner on another host is
 * never presumed dead (we cannot look).
 */
export function ownerDead(owner: Owner): boolean {
  if (owner.host !== selfOwner().host) return false;
  if (!pidAlive(owner.pid)) return true;
  if (owner.start === null) return false;
  const now = startTimeOf(owner.pid);
  return now !== null && now !== owner.start;
}
