/**
 * `inbox`, `otp` and `local deliver`: the workspace's own messages through its provider
 * and its own key, and deliveries into the local provider's inboxes.
 */
import path from 'node:path';
import type { EngineOptions } from '../engine';
import { InputError, ProviderError } from '../errors';
import { target as workspaceTarget } from '../ops/secrets';
import { createLocalProvider } from '../providers/local/index';
import type { InboxMessage } from '../providers/types';
import { resolveStateDir } from '../state/paths';
import { findRecipient } from './recipient';
import { localInbox } from './store';
import { type MessageFilter, scan, type WaitResult, waitFor } from './wait';

export interface InboxTarget {
  workspace: string;
  uuid: string;
  name: string;
}

async function inboxTarget(dir: string, options: EngineOptions) {
  const t = await workspaceTarget(path.resolve(dir), options);
  if (!t.provider.capabilities.inbox || !t.provider.messages) {
    throw new ProviderError('E_PROVIDER', `the ${t.provider.name} provider cannot read messages`, {
      hint: 'update ravi-hooks, or use the local provider to test sign-up flows offline',
    });
  }
  const about: InboxTarget = { workspace: t.workspace, uuid: t.identity.uuid, name: t.identity.name };
  return { ...t, about };
}

export async function readInbox(
  dir: string,
  options: EngineOptions & { limit?: number } = {},
): Promise<InboxTarget & { messages: InboxMessage[] }> {
  const t = await inboxTarget(dir, options);
  const limit = options.limit ?? 20;
  const messages = (await t.provider.messages?.(t.identity, t.credentials, { limit })) ?? [];
  return { ...t.about, messages: messages.slice(0, limit) };
}

export interface OtpOptions extends EngineOptions, Omit<MessageFilter, 'since'> {
  /** Block until a new message with a code arrives. @default false */
  wait?: boolean;
  /** ISO-8601 start of the window: the command's start with `wait`, else 10 minutes ago. */
  since?: string;
  /** Epoch ms at which waiting gives up. */
  deadline?: number;
}

export async function otp(dir: string, options: OtpOptions = {}): Promise<InboxTarget & WaitResult> {
  const t = await inboxTarget(dir, options);
  const since = options.since ?? new Date(Date.now() - (options.wait ? 0 : 10 * 60_000)).toISOString();
  const filter: MessageFilter = {
    since,
    ...(options.channel === undefined ? {} : { channel: options.channel }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.link === undefined ? {} : { link: options.link }),
  };
  if (options.wait)
    return { ...t.about, ...(await waitFor(t, filter, options.deadline ?? Date.now() + 120_000)) };
  const messages = (await t.provider.messages?.(t.identity, t.credentials, { since })) ?? [];
  return { ...t.about, ...scan(messages, filter), seen: messages.length };
}

/**
 * `--since`: an ISO-8601 time, or a span back from now (`90s`, `10m`, `2h`, `1d`).
 * Returns ISO-8601.
 */
export function parseSince(text: string, now = Date.now()): string {
  const span = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (span) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[span[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now - Number(span[1]) * unit).toISOString();
  }
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new InputError(`--since "${text}" is neither a time nor a span`, {
      hint: 'use an ISO-8601 time (2025-01-31T12:00:00Z) or a span like 90s, 10m, 2h',
    });
  }
  return new Date(time).toISOString();
}

export interface DeliverRequest {
  to: string;
  from?: string;
  subject?: string;
  body: string;
}

/** Puts one email or SMS into the inbox of the local identity that has `to`. */
export async function deliver(
  request: DeliverRequest,
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<InboxMessage & { uuid: string }> {
  if (request.body.trim() === '') {
    throw new InputError('the message body is empty', {
      hint: 'pass --body TEXT, or --body - with text on stdin',
    });
  }
  const env = options.env ?? process.env;
  const stateDir = resolveStateDir(env);
  const provider = createLocalProvider({ stateDir, env, settings: {} });
  const recipient = findRecipient(await provider.list(), request.to);
  if (recipient === null) {
    throw new InputError(`no local identity has the address or phone ${request.to}`, {
      hint: 'check the address with `ravi-hooks env` in the workspace; phone numbers need "phone": true',
    });
  }
  const email = recipient.channel === 'email';
  const stored = await localInbox(stateDir).add(recipient.identity.uuid, {
    channel: recipient.channel,
    from: request.from ?? (email ? 'deliver@ravi-local.invalid' : '+15550100000'),
    to: recipient.to,
    subject: email ? (request.subject ?? null) : null,
    body: request.body,
  });
  return { ...stored, uuid: recipient.identity.uuid };
}
