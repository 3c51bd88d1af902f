/**
 * Received email and SMS. Tests inject inbound messages for an identity (`receiveMessage`,
 * or `POST /__emulator__/inbound/` on the HTTP server); the identity reads them with its own
 * key through `GET /api/email-messages/` and `GET /api/messages/` (SMS), in the shapes the
 * CLI's `PhoneMessage` / `EmailMessageDetail` structs decode. Lists are oldest first;
 * `created_after` (ISO 8601), `direction`, `limit` (default 50, max 200) and `offset` filter
 * them, as Ravi's API documents [NEWER]; every message is incoming and unread.
 * State: `messages/<identity uuid>/<pk>.json`, one file per message.
 */
import path from 'node:path';
import { listJson, writeJson } from '../state/atomic.mjs';
import { allocatePk, drfNow, getIdentity } from '../state/store.mjs';
import { fieldError, json, notFound } from './respond.mjs';

/**
 * @typedef {{ pk: number, identity: string, channel: 'email' | 'sms', from: string, to: string,
 *   subject: string, body: string, created_dt: string }} StoredMessage
 */

const dirOf = (/** @type {string} */ stateDir, /** @type {string} */ identity) =>
  path.join(stateDir, 'messages', identity);

/**
 * Delivers one inbound message to an identity. @returns {StoredMessage}
 * @param {string} stateDir
 * @param {{ identity: string, channel: 'email' | 'sms', from: string, subject?: string, body: string }} input
 */
export function receiveMessage(stateDir, input) {
  const identity = getIdentity(stateDir, input.identity);
  if (!identity) throw new TypeError(`ravi-emulator: no identity ${input.identity}`);
  if (input.channel === 'sms' && !identity.phone)
    throw new TypeError(`ravi-emulator: identity ${input.identity} has no phone number`);
  /** @type {StoredMessage} */
  const message = {
    pk: allocatePk(stateDir, 'message'),
    identity: identity.uuid,
    channel: input.channel,
    from: input.from,
    to: input.channel === 'email' ? identity.inbox : identity.phone,
    subject: input.subject ?? '',
    body: input.body,
    created_dt: drfNow(),
  };
  writeJson(path.join(dirOf(stateDir, identity.uuid), `${message.pk}.json`), message);
  return message;
}

/** `POST /__emulator__/inbound/` `{identity_uuid, channel, from, subject?, body}` (no auth: test tooling). */
export function inboundRoute(/** @type {string} */ stateDir, /** @type {any} */ body) {
  const channel = body?.channel;
  if (channel !== 'email' && channel !== 'sms') throw fieldError('channel', 'Must be "email" or "sms".');
  try {
    const message = receiveMessage(stateDir, {
      identity: String(body.identity_uuid ?? ''),
      channel,
      from: String(body.from ?? ''),
      subject: typeof body.subject === 'string' ? body.subject : undefined,
      body: String(body.body ?? ''),
    });
    return json(201, { id: message.pk, created_dt: message.created_dt });
  } catch {
    throw notFound();
  }
}

/** The scope's messages of one channel, filtered and paged like the real list endpoints. */
export function messagesRoute(
  /** @type {string} */ stateDir,
  /** @type {import('./auth.mjs').Scope} */ scope,
  /** @type {'email' | 'sms'} */ channel,
  /** @type {URLSearchParams} */ query,
  /** @type {string | undefined} */ id,
) {
  /** @type {StoredMessage[]} */
  const all = scope.identity === null ? [] : listJson(dirOf(stateDir, scope.identity));
  const mine = all
    .filter((m) => m.channel === channel)
    .sort((a, b) => a.created_dt.localeCompare(b.created_dt));
  const shape = channel === 'email' ? emailJson : smsJson;
  if (id !== undefined) {
    const found = mine.find((m) => String(m.pk) === id);
    if (!found) throw notFound();
    return json(200, shape(found));
  }
  const after = query.get('created_after');
  const direction = query.get('direction');
  const limit = Math.min(200, Math.max(1, Number(query.get('limit') ?? 50) || 50));
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  // NOTE: every stored message is incoming, so `direction=outgoing` matches none
  const list = (direction && direction !== 'incoming' ? [] : mine)
    .filter((m) => !after || Date.parse(m.created_dt) > Date.parse(after))
    .slice(offset, offset + limit);
  return json(200, list.map(shape));
}

const emailJson = (/** @type {StoredMessage} */ m) => ({
  id: m.pk,
  url: `https://ravi.id/api/email-messages/${m.pk}/`,
  from_email: m.from,
  to_email: m.to,
  cc: '',
  subject: m.subject,
  text_content: m.body,
  html_content: '',
  direction: 'incoming',
  is_read: false,
  attachments: [],
  message_id: `<${m.pk}@ravi.test>`,
  thread_id: `<${m.pk}@ravi.test>`,
  created_dt: m.created_dt,
});

const smsJson = (/** @type {StoredMessage} */ m) => ({
  id: m.pk,
  url: `https://ravi.id/api/messages/${m.pk}/`,
  from_number: m.from,
  to_number: m.to,
  body: m.body,
  message_sid: `SM${m.pk}`,
  phone: m.to,
  direction: 'incoming',
  is_read: false,
  created_dt: m.created_dt,
});
