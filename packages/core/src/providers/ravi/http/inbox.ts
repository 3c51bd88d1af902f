/**
 * The identity's received email and SMS, with its own key: `GET /api/email-messages/`
 * (oldest first, cursor `created_after`, at most 200 a page) and `GET /api/messages/` (SMS).
 * Merged newest first, as the provider contract wants.
 */
import type { InboxMessage } from '../../types';
import { type Api, parseBody, request } from './api';
import { emailMessageSchema, listOf, smsMessageSchema } from './schemas';

const PAGE = 200;
/** NOTE: a bound on pages per call, so a huge inbox can't turn one `inbox` into minutes. */
const MAX_PAGES = 10;

export interface InboxOptions {
  since?: string;
  limit?: number;
}

export async function listMessages(
  api: Api,
  key: string,
  options: InboxOptions = {},
): Promise<InboxMessage[]> {
  const [email, sms] = await Promise.all([emailMessages(api, key, options.since), smsMessages(api, key)]);
  const since = options.since ? micros(options.since) : Number.NEGATIVE_INFINITY;
  const all = [...email, ...sms]
    .filter((m) => micros(m.receivedAt) > since)
    .sort((a, b) => micros(b.receivedAt) - micros(a.receivedAt));
  return options.limit === undefined ? all : all.slice(0, options.limit);
}

async function emailMessages(api: Api, key: string, since: string | undefined): Promise<InboxMessage[]> {
  const out: InboxMessage[] = [];
  let cursor = since;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ direction: 'incoming', limit: String(PAGE) });
    if (cursor) query.set('created_after', cursor);
    const r = await request(api, {
      method: 'GET',
      path: `/api/email-messages/?${query}`,
      key,
      keyKind: 'identity',
    });
    const batch = parseBody('GET /api/email-messages/', r, listOf(emailMessageSchema));
    for (const m of batch) {
      if (m.direction !== '' && m.direction !== 'incoming') continue;
      out.push({
        id: `email:${m.id}`,
        channel: 'email',
        from: m.from_email,
        to: m.to_email,
        subject: m.subject ?? null,
        body: m.text_content,
        receivedAt: m.created_dt,
      });
    }
    const last = batch.at(-1);
    if (batch.length < PAGE || !last || last.created_dt === cursor) break;
    cursor = last.created_dt;
  }
  return out;
}

async function smsMessages(api: Api, key: string): Promise<InboxMessage[]> {
  const r = await request(api, { method: 'GET', path: '/api/messages/', key, keyKind: 'identity' });
  return parseBody('GET /api/messages/', r, listOf(smsMessageSchema))
    .filter((m) => m.direction === '' || m.direction === 'incoming')
    .map((m) => ({
      id: `sms:${m.id}`,
      channel: 'sms' as const,
      from: m.from_number,
      to: m.to_number,
      subject: null,
      body: m.body,
      receivedAt: m.created_dt,
    }));
}

/**
 * An ISO-8601 time in microseconds since the epoch. NOTE: Ravi's timestamps carry
 * microseconds (`…T10:11:12.123456Z`) and `Date.parse` keeps only milliseconds, which would
 * order two messages of the same millisecond at random and drop one equal to `since`.
 */
export function micros(iso: string): number {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  const whole = Date.parse(iso.replace(/\.\d+/, ''));
  return whole * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}
