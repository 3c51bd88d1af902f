/**
 * Deleting an identity: `DELETE /api/identities/<uuid>/` with the management key. No Ravi
 * client documents this endpoint (identities are "permanent" in Ravi's skills), so every
 * answer is read honestly:
 * - 2xx: deleted.
 * - 405: the server has no deletion: `retire` (the lease is retired, never retried).
 * - 404: asked again with `GET /api/identities/<uuid>/`: gone there too means deleted (an
 *   earlier attempt whose answer was lost did it); still there means no delete route:
 *   `retire`. A GET that can't tell falls back to the identity list.
 * - 401/403, network, 5xx, 429 after retries: owed (retryable): gc asks again later.
 */
import { ProviderError } from '../../../errors';
import type { DeleteResult } from '../../types';
import { type Api, type ApiResponse, request } from './api';
import { fetchIdentity, listIdentities } from './create';

export async function deleteIdentity(api: Api, key: string, uuid: string): Promise<DeleteResult> {
  const path = `/api/identities/${encodeURIComponent(uuid)}/`;
  let response: ApiResponse;
  try {
    response = await request(api, { method: 'DELETE', path, key, keyKind: 'management' }, [404, 405]);
  } catch (error) {
    // NOTE: a refused key (401/403) stays owed too: fixing the key or its rights lets gc finish
    const reason = error instanceof ProviderError ? error.message : 'the delete request failed';
    return { deleted: false, reason, retryable: true };
  }
  if (response.status < 300) return { deleted: true };
  if (response.status === 405) {
    return {
      deleted: false,
      reason: 'the Ravi API does not allow deleting identities (HTTP 405); delete it in the Ravi dashboard',
      retryable: false,
      retire: true,
    };
  }
  const exists = await stillExists(api, key, uuid).catch(() => null);
  if (exists === false) return { deleted: true };
  if (exists === true) {
    return {
      deleted: false,
      reason:
        'the Ravi API has no delete route for it (HTTP 404) although it still exists; delete it in the Ravi dashboard',
      retryable: false,
      retire: true,
    };
  }
  return {
    deleted: false,
    reason: 'the Ravi API answered 404 and the identity could not be checked',
    retryable: true,
  };
}

/** Whether the identity still exists; null when the API can't tell. */
async function stillExists(api: Api, key: string, uuid: string): Promise<boolean | null> {
  const found = await fetchIdentity(api, key, uuid);
  if (found !== undefined) return found !== null;
  return (await listIdentities(api, key)).some((i) => i.uuid === uuid);
}
