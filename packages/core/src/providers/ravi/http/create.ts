/**
 * Creating an identity and its workspace key over HTTP.
 *
 * `POST /api/identities/` with the management key; newer servers answer with the identity's
 * one-time `api_key` (1 request per workspace), older ones without (then
 * `POST /api/auth/keys/identity/` mints one: 2 requests). A 429 or a refused connection
 * means nothing happened, so the create is repeated; a 5xx, reset, EOF or timeout is
 * ambiguous, and before the next attempt the identity list is checked (../recover.ts).
 */
import { ProviderError } from '../../../errors';
import type { CreateRequest } from '../../types';
import { claim, earlierAttempt, SKEW_MS } from '../recover';
import { retrying } from '../retry';
import { type Api, attempt, isAmbiguous, parseBody, request } from './api';
import { type ApiIdentity, apiIdentitySchema, identityListSchema, mintedKeySchema } from './schemas';

export async function createIdentity(api: Api, key: string, wanted: CreateRequest): Promise<ApiIdentity> {
  const body = { name: wanted.name, ...(wanted.phone ? { provision_phone: true } : {}) };
  const since = Date.now() - SKEW_MS;
  let uncertain = false;
  const created = await retrying(api.policy, async () => {
    if (uncertain) {
      const earlier = earlierAttempt(await listIdentities(api, key), wanted.name, since);
      if (earlier) return earlier;
    }
    try {
      const r = await attempt(api, {
        method: 'POST',
        path: '/api/identities/',
        key,
        keyKind: 'management',
        body,
      });
      return parseBody('POST /api/identities/', r, apiIdentitySchema);
    } catch (error) {
      if (isAmbiguous(error)) uncertain = true;
      throw error;
    }
  });
  claim(created.uuid);
  return created;
}

export async function listIdentities(api: Api, key: string): Promise<ApiIdentity[]> {
  const r = await request(api, { method: 'GET', path: '/api/identities/', key, keyKind: 'management' });
  return parseBody('GET /api/identities/', r, identityListSchema);
}

/**
 * A fresh identity-scoped key. NOTE: each mint makes a new key server-side and Ravi has no
 * revocation, so a retried mint whose first answer was lost leaves one unused key behind.
 */
export async function mintIdentityKey(api: Api, key: string, uuid: string): Promise<string> {
  const r = await request(api, {
    method: 'POST',
    path: '/api/auth/keys/identity/',
    key,
    keyKind: 'management',
    body: { identity_uuid: uuid, label: 'ravi-hooks' },
  });
  const minted = parseBody('POST /api/auth/keys/identity/', r, mintedKeySchema);
  if (minted.key === key) {
    throw new ProviderError(
      'E_PROVIDER_OUTPUT',
      'the Ravi API returned the management key as the identity key',
      {
        hint: 'check the API URL with `ravi-hooks doctor`',
      },
    );
  }
  return minted.key;
}

/**
 * `GET /api/identities/<uuid>/`: the identity, null when the API says it does not exist,
 * undefined when the API can't tell (no such route: 405, or Django's HTML 404 page).
 */
export async function fetchIdentity(
  api: Api,
  key: string,
  uuid: string,
): Promise<ApiIdentity | null | undefined> {
  const path = `/api/identities/${encodeURIComponent(uuid)}/`;
  const r = await request(api, { method: 'GET', path, key, keyKind: 'management' }, [404, 405]);
  if (r.status < 300) return parseBody(`GET ${path}`, r, apiIdentitySchema);
  // NOTE: only DRF's JSON 404 means "no such identity"; an HTML 404 means "no such route"
  return r.status === 404 && typeof r.json === 'object' && r.json !== null ? null : undefined;
}
