/**
 * `ravi identity create`, retried without making duplicates.
 *
 * A rate limit or a refused connection means the server did nothing, so the create is
 * simply repeated. A timeout, a reset connection or a 5xx is ambiguous: the first attempt
 * may have succeeded server-side. Only on that path, before each further attempt, the
 * identity list is checked for exactly one identity with our name, created since this
 * create began (minus a minute of clock skew) and not already returned to another create
 * in this process; it is adopted instead of creating a second one. More than one match
 * fails rather than guess. ravi has no idempotency key and no tags, so this is the best
 * the CLI allows; anything missed is found by the core's orphan matching (name + time).
 */
import { ProviderError } from '../../errors';
import type { CreateRequest, Identity } from '../types';
import { toIdentity } from './identity';
import { claim, earlierAttempt, SKEW_MS } from './recover';
import { type RetryPolicy, retrying } from './retry';
import { type CallTarget, call } from './runner';
import { identityListSchema, identitySchema, type RaviIdentity } from './schemas';

export async function createIdentity(
  target: CallTarget,
  policy: RetryPolicy,
  request: CreateRequest,
): Promise<Identity> {
  const args = [
    'identity',
    'create',
    '--name',
    request.name,
    ...(request.phone ? ['--provision-phone'] : []),
  ];
  const since = Date.now() - SKEW_MS;
  let uncertain = false;
  const raw = await retrying(policy, async () => {
    if (uncertain) {
      const earlier = await findEarlierAttempt(target, request.name, since);
      if (earlier) return earlier;
    }
    try {
      return await call(target, args, identitySchema);
    } catch (error) {
      if (error instanceof ProviderError && error.details?.ambiguous === true) uncertain = true;
      throw error;
    }
  });
  claim(raw.uuid);
  return toIdentity(raw);
}

async function findEarlierAttempt(
  target: CallTarget,
  name: string,
  since: number,
): Promise<RaviIdentity | null> {
  return earlierAttempt(await call(target, ['identity', 'list'], identityListSchema), name, since);
}
