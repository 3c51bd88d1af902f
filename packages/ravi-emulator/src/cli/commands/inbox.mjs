/**
 * `ravi inbox email|sms [id] [--unread]` (`pkg/cli/inbox_*.go`). The emulator's inboxes
 * are always empty: lists print `[]`, a specific thread or conversation is 404.
 */
import { decode, EmailThread, SMSConversation, sliceOf } from '../../go/types.mjs';

/** @typedef {import('../context.mjs').Context} Context */

/**
 * @param {Context} ctx
 * @param {{ path: string, shape: import('../../go/types.mjs').Shape, empty: string, headers: string[],
 *   row: (item: any) => string[] }} kind
 */
async function inbox(ctx, kind) {
  const client = ctx.client();
  const id = ctx.args[0];
  if (id !== undefined) {
    const detail = await client.request('GET', `${kind.path}${encodeURIComponent(id)}/`);
    return ctx.formatter.print('map', detail);
  }
  const Threads = sliceOf(kind.shape);
  const items = decode(
    Threads,
    await client.request('GET', kind.path + (ctx.flags.unread ? '?has_unread=true' : '')),
  );
  if (!ctx.human) return ctx.formatter.print(Threads, items);
  if (!items || items.length === 0) return ctx.formatter.printMessage(kind.empty);
  ctx.formatter.printTable(kind.headers, items.map(kind.row));
}

export const email = (/** @type {Context} */ ctx) =>
  inbox(ctx, {
    path: '/api/email-inbox/',
    shape: EmailThread,
    empty: 'No email threads found',
    headers: ['THREAD ID', 'FROM', 'SUBJECT', 'MSGS', 'UNREAD', 'DATE'],
    row: (t) => [
      t.thread_id,
      t.from_email,
      t.subject,
      String(t.message_count),
      String(t.unread_count),
      t.latest_message_dt,
    ],
  });

export const sms = (/** @type {Context} */ ctx) =>
  inbox(ctx, {
    path: '/api/sms-inbox/',
    shape: SMSConversation,
    empty: 'No SMS conversations found',
    headers: ['CONVERSATION ID', 'FROM', 'YOUR NUMBER', 'PREVIEW', 'MSGS', 'UNREAD', 'DATE'],
    row: (c) => [
      c.conversation_id,
      c.from_number,
      c.phone_number,
      c.preview,
      String(c.message_count),
      String(c.unread_count),
      c.latest_message_dt,
    ],
  });
