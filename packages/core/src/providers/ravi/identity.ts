/** ravi's identity JSON in the provider-neutral shape. */
import type { Identity } from '../types';
import type { RaviIdentity } from './schemas';

export function toIdentity(raw: RaviIdentity): Identity {
  const created = Date.parse(raw.created_dt);
  return {
    uuid: raw.uuid,
    name: raw.name,
    email: raw.inbox,
    phone: raw.phone === '' ? null : raw.phone,
    // NOTE: Go prints a zero time.Time as "0001-01-01T00:00:00Z"; that means "unknown".
    ...(Number.isNaN(created) || created <= 0 ? {} : { createdAt: raw.created_dt }),
  };
}
