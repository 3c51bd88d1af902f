/**
 * Commands the emulator only sketches: messages and contacts read as empty, `sso token`
 * works, and the sending / contact-writing commands reach the API, which answers 501
 * "not emulated" (after the usual authentication checks).
 */

import { commandPath } from '../../cobra/command.mjs';
import {
  ContactEntry,
  decode,
  EmailMessageDetail,
  PhoneMessage,
  SSOTokenResponse,
  sliceOf,
} from '../../go/types.mjs';

/** @typedef {import('../context.mjs').Context} Context */

/** @param {Context} ctx @param {string} path @param {import('../../go/types.mjs').Shape} shape */
async function listOrOne(ctx, path, shape) {
  const client = ctx.client();
  const id = ctx.args[0];
  if (id !== undefined)
    return ctx.formatter.print(shape, decode(shape, await client.request('GET', `${path}${id}/`)));
  const items = decode(
    sliceOf(shape),
    await client.request('GET', path + (ctx.flags.unread ? '?is_read=false' : '')),
  );
  ctx.formatter.print(sliceOf(shape), items);
}

export const message_sms = (/** @type {Context} */ ctx) => listOrOne(ctx, '/api/messages/', PhoneMessage);
export const message_email = (/** @type {Context} */ ctx) =>
  listOrOne(ctx, '/api/email-messages/', EmailMessageDetail);

export async function contactsList(/** @type {Context} */ ctx) {
  const items = decode(sliceOf(ContactEntry), await ctx.client().request('GET', '/api/contacts/'));
  ctx.formatter.print(sliceOf(ContactEntry), items);
}

export async function contactsSearch(/** @type {Context} */ ctx) {
  const query = new URLSearchParams({ q: /** @type {string} */ (ctx.args[0]) });
  const items = decode(sliceOf(ContactEntry), await ctx.client().request('GET', `/api/contacts/?${query}`));
  ctx.formatter.print(sliceOf(ContactEntry), items);
}

export async function contactsGet(/** @type {Context} */ ctx) {
  const raw = await ctx.client().request('GET', `/api/contacts/${ctx.args[0]}/`);
  ctx.formatter.print(ContactEntry, decode(ContactEntry, raw));
}

export async function ssoToken(/** @type {Context} */ ctx) {
  ctx.formatter.print(
    SSOTokenResponse,
    decode(SSOTokenResponse, await ctx.client().request('POST', '/api/sso/token/')),
  );
}

export async function feedback(/** @type {Context} */ ctx) {
  await ctx.client().request('POST', '/api/email-messages/compose/', { to_email: 'feedback@ravi.id' });
}

/** @type {Record<string, [method: 'POST' | 'PATCH' | 'DELETE', path: (id: string) => string]>} */
const SENDS = {
  'ravi contacts create': ['POST', () => '/api/contacts/'],
  'ravi contacts update': ['PATCH', (id) => `/api/contacts/${id}/`],
  'ravi contacts delete': ['DELETE', (id) => `/api/contacts/${id}/`],
  'ravi email compose': ['POST', () => '/api/email-messages/compose/'],
  'ravi email reply': ['POST', (id) => `/api/email-messages/${id}/reply/`],
  'ravi email reply-all': ['POST', (id) => `/api/email-messages/${id}/reply-all/`],
  'ravi email forward': ['POST', (id) => `/api/email-messages/${id}/forward/`],
};

export async function notEmulated(/** @type {Context} */ ctx) {
  const [method, path] = SENDS[commandPath(ctx.cmd)] ?? ['POST', () => '/api/email-messages/compose/'];
  await ctx.client().request(method, path(ctx.args[0] ?? ''));
}
