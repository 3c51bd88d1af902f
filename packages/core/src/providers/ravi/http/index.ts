/**
 * The `ravi` provider over HTTP (the default transport): the Ravi API directly, no `ravi`
 * process. Management calls carry the management key; identity-scoped calls (secrets,
 * inbox) carry the workspace's own key. 1 request per workspace when the server returns
 * `api_key` on create, else 2.
 */
import { ProviderError } from '../../../errors';
import type { Identity, Provider, WorkspaceCredentials } from '../../types';
import { LOGIN_HINT } from '../hints';
import { toIdentity } from '../identity';
import { type KeySource, managementKey } from '../keys';
import { retryPolicy } from '../retry';
import type { RaviSettings } from '../settings';
import type { Api } from './api';
import { createIdentity, fetchIdentity, listIdentities, mintIdentityKey } from './create';
import { deleteIdentity } from './delete';
import { listMessages } from './inbox';
import { listSecrets, setSecret } from './secrets';
import { httpStatus } from './status';

export interface HttpTransportInput {
  settings: RaviSettings;
  env: NodeJS.ProcessEnv;
  /** The real `ravi` for agents (doctor shows it; provisioning never runs it). */
  locateBinary: () => string | null;
}

export function createHttpRaviProvider({ settings, env, locateBinary }: HttpTransportInput): Provider {
  const api: Api = { apiUrl: settings.apiUrl, timeoutMs: settings.timeoutMs, policy: retryPolicy(settings) };
  /** Keys returned once by create (`api_key`), handed to `credentials` without a request. */
  const issued = new Map<string, string>();

  const source = (): KeySource => managementKey(env);
  function requireKey(): string {
    const key = source();
    if (key.from === 'none') {
      throw new ProviderError('E_PROVIDER_UNAVAILABLE', `no Ravi management key: ${key.problem}`, {
        hint: LOGIN_HINT,
      });
    }
    return key.key;
  }
  const list = async () => (await listIdentities(api, requireKey())).map(toIdentity);

  return {
    name: 'ravi',
    capabilities: { delete: true, list: true, secrets: true, tags: false, inbox: true },
    status: () => httpStatus(settings, api, source(), locateBinary()),
    async assertUsable() {
      requireKey();
    },
    async create(wanted) {
      const raw = await createIdentity(api, requireKey(), wanted);
      if (raw.api_key) issued.set(raw.uuid, raw.api_key);
      return toIdentity(raw);
    },
    async credentials(identity) {
      const given = issued.get(identity.uuid);
      issued.delete(identity.uuid);
      return { identity_key: given ?? (await mintIdentityKey(api, requireKey(), identity.uuid)) };
    },
    async delete(uuid) {
      const key = source();
      if (key.from === 'none')
        return { deleted: false, reason: `no Ravi management key: ${key.problem}`, retryable: true };
      return deleteIdentity(api, key.key, uuid);
    },
    list,
    async get(uuid) {
      const found = await fetchIdentity(api, requireKey(), uuid);
      if (found !== undefined) return found === null ? null : toIdentity(found);
      return (await list()).find((i) => i.uuid === uuid) ?? null;
    },
    secrets: (identity, credentials) => listSecrets(api, identityKeyOf(identity, credentials)),
    setSecret: (identity, credentials, key, value) =>
      setSecret(api, identityKeyOf(identity, credentials), key, value),
    messages: (identity, credentials, options) =>
      listMessages(api, identityKeyOf(identity, credentials), options),
  };
}

export function identityKeyOf(identity: Identity, credentials: WorkspaceCredentials): string {
  const key = credentials.identity_key;
  if (!key) {
    throw new ProviderError('E_PROVIDER', `no identity key for ${identity.uuid}`, {
      hint: 'provision the workspace again',
    });
  }
  return key;
}
