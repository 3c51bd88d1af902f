/**
 * Waiting for the next code, parallel-safe by construction: each waiter keeps its own
 * cursor (the time it started, and the ids it has already looked at) over its own
 * identity's inbox. Nothing is marked read, so no two waiters can race over a message.
 */
import { ProviderError } from '../errors';
import type { Identity, InboxMessage, Provider, WorkspaceCredentials } from '../providers/types';
import { extractCode } from './extract';
import { extractLink } from './link';

export interface MessageFilter {
  /** Only messages at or after this time (ISO-8601). */
  since: string;
  channel?: 'email' | 'sms';
  /** Case-insensitive substring of the sender. */
  from?: string;
  /** Look for the verification link instead of a code. @default false */
  link?: boolean;
}

export interface Found {
  value: string;
  message: InboxMessage;
}

export interface Scan {
  found: Found | null;
  /** Messages that matched the filter but held no code (or link). */
  withoutValue: number;
}

/** The newest matching message that holds a code (or link), from messages newest first. */
export function scan(messages: InboxMessage[], filter: MessageFilter): Scan {
  const since = Date.parse(filter.since);
  const from = filter.from?.toLowerCase();
  let withoutValue = 0;
  for (const message of messages) {
    if (Date.parse(message.receivedAt) < since) continue;
    if (filter.channel !== undefined && message.channel !== filter.channel) continue;
    if (from !== undefined && !message.from.toLowerCase().includes(from)) continue;
    const value = filter.link ? extractLink(message) : extractCode(message);
    if (value !== null) return { found: { value, message }, withoutValue };
    withoutValue += 1;
  }
  return { found: null, withoutValue };
}

export interface WaitTarget {
  provider: Provider;
  identity: Identity;
  credentials: WorkspaceCredentials;
}

export interface WaitResult extends Scan {
  /** Messages looked at while waiting (after `since`, any filter). */
  seen: number;
}

/** Polling without push: start quick, back off to this. @default 5000 */
const MAX_POLL_MS = 5000;

/** Waits until a matching message with a code (or link) arrives, or `deadline` (epoch ms) passes. */
export async function waitFor(
  target: WaitTarget,
  filter: MessageFilter,
  deadline: number,
): Promise<WaitResult> {
  const { provider, identity } = target;
  if (!provider.messages) throw new ProviderError('E_PROVIDER', `the ${provider.name} provider has no inbox`);
  const seen = new Set<string>();
  let withoutValue = 0;
  let dirty = true;
  let wake: (() => void) | null = null;
  // NOTE: subscribe before the first listing, so a delivery between the two is never missed
  const unsubscribe = provider.watchMessages?.(identity, () => {
    dirty = true;
    wake?.();
  });
  let pollMs = 500;
  try {
    for (;;) {
      if (dirty) {
        dirty = false;
        const fresh = (await listQuietly(target, filter.since)).filter((m) => !seen.has(m.id));
        for (const m of fresh) seen.add(m.id);
        const result = scan(fresh, filter);
        withoutValue += result.withoutValue;
        if (result.found) return { found: result.found, withoutValue, seen: seen.size };
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) return { found: null, withoutValue, seen: seen.size };
      const delay = unsubscribe ? remaining : Math.min(pollMs, remaining);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
      if (!unsubscribe) {
        dirty = true;
        pollMs = Math.min(pollMs * 1.5, MAX_POLL_MS);
      }
    }
  } finally {
    unsubscribe?.();
  }

  async function listQuietly(t: WaitTarget, since: string): Promise<InboxMessage[]> {
    try {
      return (await t.provider.messages?.(t.identity, t.credentials, { since })) ?? [];
    } catch (error) {
      // a network blip must not end a two-minute wait; anything else is the user's to see
      if (error instanceof ProviderError && error.transient) return [];
      throw error;
    }
  }
}
