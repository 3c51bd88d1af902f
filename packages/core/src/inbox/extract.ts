/**
 * Picks the one-time code out of a message the way a person would: the 4–8 digit number
 * that the text calls a code (also `G-123456` and split `123 456` / `123-456` forms), and
 * never a year, a price, a date, a phone number, an order number or a postal code.
 * Each candidate is scored; a number that nothing marks as a code is not one.
 */
import type { InboxMessage } from '../providers/types';

const KEYWORD =
  /\b(?:code|codes|c[oó]digo|passcode|otp|pin|verification|verify|verifying|confirm|one[- ]time|security|log ?in|sign[- ]?(?:in|up)|2fa|two[- ]factor|authenticat\w*|token)\b/gi;
/** Words that make a nearby number anything but a code. */
const NOT_A_CODE =
  /(?:^|[^\p{L}])(?:order|invoice|receipt|ticket|case|ref(?:erence)?|account|acct|card|ending(?: in)?|booking|tracking|shipment|transaction|txn|member(?:ship)?|customer|id|no\.?|number|suite|ste\.?|apt\.?|unit|box|floor|©|copyright|rs\.?|inr|usd|eur|gbp|aud|cad|amount|total|balance|paid|debited|credited|price)\s*[:#]?\s*$/iu;
const CURRENCY_BEFORE = /[$€£¥₹]\s*$/;
const CURRENCY_AFTER = /^\s*(?:[$€£¥₹%]|usd|eur|gbp|dollars?|euros?|pounds?|rupees?)\b/i;
const DIGITS = /(?<![\w.,:/#*+$€£¥₹-])(?:([A-Z]{1,3})-)?(\d{3,4}[ -]\d{3,4}|\d{4,8})(?![\w%€£¥₹]|[.,:/-]\d)/g;
const US_STATE_BEFORE = /\b[A-Z]{2}\s+$/;

export interface CodeCandidate {
  code: string;
  score: number;
  index: number;
}

/** The text a code or link is looked for in: the subject, then the body. */
export function messageText(message: Pick<InboxMessage, 'subject' | 'body'>): string {
  return message.subject ? `${message.subject}\n${message.body}` : message.body;
}

/** Every plausible code in `text` with its score, best first. */
export function codeCandidates(text: string): CodeCandidate[] {
  const keywords = [...text.matchAll(KEYWORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const out: CodeCandidate[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const [whole, prefix, raw] = match as unknown as [string, string | undefined, string];
    const start = match.index;
    const end = start + whole.length;
    const split = /[ -]/.test(raw);
    const code = raw.replace(/[ -]/g, '');
    if (code.length < 4 || code.length > 8) continue;
    if (split && !/^(?:\d{3}[ -]\d{3}|\d{4}[ -]\d{4})$/.test(raw)) continue;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 12);
    // NOTE: one group of a longer run ("+1 555 123 4567", "1234 5678 9012") is not a code
    if (/\d[ .-]?$|\(\d+\)\s*$/.test(before) || /^[ .-]?\d/.test(after)) continue;
    if (NOT_A_CODE.test(before) || CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after)) continue;
    if (/^\d{5}$/.test(code) && US_STATE_BEFORE.test(before)) continue; // "CA 94043"
    let score = 0;
    const near = keywords.some(
      (k) => (k.end <= start && start - k.end <= 80) || (k.start >= end && k.start - end <= 40),
    );
    if (near) score += 5;
    const line = lineAround(text, start, end);
    if (line.trim() === whole.trim()) score += 4;
    if (prefix !== undefined) score += 3;
    if (code.length === 6) score += 2;
    else if (code.length === 4 || code.length === 8) score += 1;
    if (split) score -= 1; // could still be part of a phone number written oddly
    if (/^(?:19|20)\d{2}$/.test(code)) score -= 6; // a year, unless the text insists
    if (score >= 5) out.push({ code, score, index: start });
  }
  return out.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** The code a person would type from this message, or null when it holds none. */
export function extractCode(message: Pick<InboxMessage, 'subject' | 'body'>): string | null {
  return codeCandidates(messageText(message))[0]?.code ?? null;
}

function lineAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', end);
  return text.slice(from, to === -1 ? text.length : to);
}
