/**
 * Fault injection on the HTTP server (see ServerConditions in server.mjs). Which faults
 * leave the work done matters: a 429 is answered instead of the work (nothing happened);
 * a reset or EOF strikes after the work (the client cannot know it happened); a 5xx is
 * either, at random, as a proxy's 502 in front of a busy backend would be.
 */
import { json } from './api/respond.mjs';

/** @typedef {{ kind: '5xx' | '429' | 'reset' | 'eof', when: 'instead' | 'after' }} ServerFault */

/** @returns {ServerFault | null} */
export function decideServerFault(/** @type {import('./server.mjs').ServerConditions} */ c) {
  let roll = Math.random();
  for (const [kind, rate] of /** @type {const} */ ([
    ['5xx', c.rate5xx],
    ['429', c.rate429],
    ['reset', c.resetRate],
    ['eof', c.eofRate],
  ])) {
    if (roll < (rate ?? 0)) {
      const when = kind === '429' || (kind === '5xx' && Math.random() < 0.5) ? 'instead' : 'after';
      return { kind, when };
    }
    roll -= rate ?? 0;
  }
  return null;
}

/** The answer a fault gives (null for reset and EOF: there is none). */
export function faultResponse(
  /** @type {ServerFault} */ fault,
  /** @type {import('./server.mjs').ServerConditions} */ c,
) {
  if (fault.kind === '5xx') {
    return Math.random() < 0.5
      ? json(503, { detail: 'Service temporarily unavailable, try again later.' })
      : {
          status: 502,
          body: '<html><body><h1>502 Bad Gateway</h1></body></html>\n',
          headers: { 'content-type': 'text/html' },
        };
  }
  if (fault.kind !== '429') return null;
  const seconds = c.retryAfterSeconds ?? 1;
  const style = c.retryAfterStyle ?? 'mixed';
  const inHeader = style === 'header' || style === 'both' || (style === 'mixed' && Math.random() < 0.5);
  const inBody = style === 'body' || style === 'both' || (style === 'mixed' && !inHeader);
  const detail = `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  const response = json(429, inBody ? { detail, retry_after_seconds: seconds } : { detail });
  if (inHeader) response.headers['retry-after'] = String(seconds);
  return response;
}
