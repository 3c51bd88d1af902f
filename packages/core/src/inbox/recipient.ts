/**
 * Which local identity an address or phone number belongs to (for `local deliver` and the
 * SMTP sink). Phone numbers match whatever way they are written.
 */
import type { Identity } from '../providers/types';

export interface Recipient {
  identity: Identity;
  channel: 'email' | 'sms';
  /** The address or number as the identity holds it. */
  to: string;
}

export function findRecipient(identities: Identity[], address: string): Recipient | null {
  const wanted = address.trim();
  if (wanted.includes('@')) {
    const lower = wanted.toLowerCase();
    const identity = identities.find((i) => i.email.toLowerCase() === lower);
    return identity ? { identity, channel: 'email', to: identity.email } : null;
  }
  const digits = phoneDigits(wanted);
  if (digits === null) return null;
  const identity = identities.find((i) => i.phone !== null && phoneDigits(i.phone) === digits);
  return identity?.phone ? { identity, channel: 'sms', to: identity.phone } : null;
}

/** `+1 (201) 555-0142`, `201.555.0142` and `12015550142` are one number; null for non-numbers. */
function phoneDigits(text: string): string | null {
  if (!/^\+?[\d\s().-]{7,}$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  // NOTE: the local provider's numbers are all +1; a 10-digit national form means the same
  return digits.length === 10 ? `1${digits}` : digits;
}
