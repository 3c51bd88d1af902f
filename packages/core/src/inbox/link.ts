/**
 * Picks the verification link out of a message: the URL whose path or surrounding words
 * say verify, confirm, activate, sign in or reset, and never the unsubscribe, privacy,
 * help, social or image links that fill every footer.
 */
import type { InboxMessage } from '../providers/types';
import { messageText } from './extract';

const URL_PATTERN = /https?:\/\/[^\s<>"'()[\]{}]+/gi;
const IN_URL =
  /verif|confirm|activat|magic|log-?in|sign-?in|signin|sign-?up|auth|token|reset|validat|callback|otp|invite|passwordless|code=|[?&](?:t|k|key)=/i;
const NEAR_URL =
  /\b(?:verify|verification|confirm|activate|sign(?:ing)? in|log(?:ging)? in|magic link|reset|get started|finish signing up|click|tap|open this link|button)\b/i;
const NOT_IT =
  /unsubscribe|opt-?out|preferences|privacy|terms|legal|policy|help|support|faq|contact|facebook\.com|twitter\.com|x\.com\/|linkedin\.com|instagram\.com|youtube\.com|\.(?:png|jpe?g|gif|svg|webp|ico)(?:$|\?)|\/(?:track|open|pixel)\b/i;

/** The verification URL a person would click, or null when the message holds none. */
export function extractLink(message: Pick<InboxMessage, 'subject' | 'body'>): string | null {
  const text = messageText(message);
  let best: { url: string; score: number } | null = null;
  for (const match of text.matchAll(URL_PATTERN)) {
    // NOTE: prose punctuation after a URL is not part of it ("… at https://x.io/verify.")
    const url = match[0].replace(/[.,;:!?]+$/, '');
    if (NOT_IT.test(url)) continue;
    let score = 0;
    if (IN_URL.test(url)) score += 4;
    if (NEAR_URL.test(text.slice(Math.max(0, match.index - 160), match.index))) score += 2;
    if (url.length > 40) score += 1; // tokens make verification links long; homepages are short
    if (score >= 3 && (best === null || score > best.score)) best = { url, score };
  }
  return best?.url ?? null;
}
