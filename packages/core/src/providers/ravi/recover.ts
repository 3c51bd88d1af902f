/**
 * Recovering a create whose answer was lost (timeout, reset, 5xx), shared by both
 * transports. Ravi has no idempotency key and no client tags, so before creating again the
 * identity list is checked for exactly one identity with our name, created since this
 * create began (minus a minute of clock skew) and not already returned to another create in
 * this process; it is adopted instead of creating a duplicate. More than one match fails
 * rather than guess. Anything still missed is found by the core's orphan matching.
 */
import { ProviderError } from '../../errors';

export const SKEW_MS = 60_000;

/** uuids already handed to a create in this process (a fleet runs many at once). */
const claimed = new Set<string>();

export function claim(uuid: string): void {
  claimed.add(uuid);
}

export function earlierAttempt<T extends { uuid: string; name: string; created_dt: string }>(
  list: T[],
  name: string,
  since: number,
): T | null {
  const matches = list.filter((i) => {
    const created = Date.parse(i.created_dt);
    return i.name === name && !claimed.has(i.uuid) && (Number.isNaN(created) || created >= since);
  });
  if (matches.length > 1) {
    throw new ProviderError(
      'E_PROVIDER',
      `creating identity "${name}" failed midway and ${matches.length} identities of that name now exist`,
      { hint: 'not creating another; `ravi-hooks gc` settles the ones this machine created' },
    );
  }
  return matches[0] ?? null;
}
