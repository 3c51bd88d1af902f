/**
 * The `ravi` provider's opt-in CLI transport (`ravi.transport: "cli"`): drives the real ravi
 * CLI v0.6.x. Two ravi invocations per provisioned workspace (`identity create`,
 * `identity use`), plus one `ravi version` probe per process. Deletion goes over HTTP
 * because the CLI has none (./http/delete.ts).
 */
import { ProviderError } from '../../errors';
import { statePaths } from '../../state/paths';
import type { Identity, Provider, ProviderContext } from '../types';
import { findBinary, shimDirs } from './bin';
import { createIdentity } from './create';
import { mintCredentials } from './credentials';
import { INSTALL_HINT, LOGIN_HINT, UPGRADE_HINT } from './hints';
import { deleteIdentity } from './http/delete';
import { identityKeyOf } from './http/index';
import { toIdentity } from './identity';
import { type KeyConfig, managementKey, withKeyDir } from './keys';
import { retrying, retryPolicy } from './retry';
import { type CallTarget, call } from './runner';
import { identityListSchema, secretSchema, secretsListSchema } from './schemas';
import type { RaviSettings } from './settings';
import { raviStatus } from './status';
import { probeGeneration } from './version';

export function createCliRaviProvider(context: ProviderContext, settings: RaviSettings): Provider {
  const { env } = context;
  const policy = retryPolicy(settings);
  const tmpParent = statePaths(context.stateDir).tmpDir;
  const locate = () => findBinary(settings.bin, env, shimDirs(env, context.stateDir));
  const probe = (bin: string) => probeGeneration(bin, env, settings.timeoutMs);

  /** The binary and its generation; throws E_PROVIDER_UNAVAILABLE when it can't be used. */
  async function ready(): Promise<Omit<CallTarget, 'dir'>> {
    const bin = locate();
    if (bin === null) {
      throw new ProviderError('E_PROVIDER_UNAVAILABLE', `ravi not found (${settings.bin})`, {
        hint: INSTALL_HINT,
      });
    }
    const generation = await probe(bin);
    if (!generation.modern) {
      const message = `ravi ${generation.version} is too old for ravi-hooks`;
      throw new ProviderError('E_PROVIDER_UNAVAILABLE', message, { hint: UPGRADE_HINT });
    }
    return { bin, generation, env, timeoutMs: settings.timeoutMs };
  }

  function requireManagementKey(): string {
    const source = managementKey(env);
    if (source.from === 'none') {
      throw new ProviderError('E_PROVIDER_UNAVAILABLE', `no Ravi management key: ${source.problem}`, {
        hint: LOGIN_HINT,
      });
    }
    return source.key;
  }

  /** Runs `fn` in a private dir whose config holds `config` (and nothing else). */
  async function inKeyDir<T>(config: KeyConfig, fn: (target: CallTarget) => Promise<T>): Promise<T> {
    const base = await ready();
    return withKeyDir(tmpParent, config, (dir) => fn({ ...base, dir }));
  }
  const asManager = async <T>(fn: (target: CallTarget) => Promise<T>) =>
    inKeyDir({ management_key: requireManagementKey() }, fn);

  async function list(): Promise<Identity[]> {
    const raw = await asManager((t) =>
      retrying(policy, () => call(t, ['identity', 'list'], identityListSchema)),
    );
    return raw.map(toIdentity);
  }

  return {
    name: 'ravi',
    capabilities: { delete: true, list: true, secrets: true, tags: false, inbox: false },
    status() {
      const bin = locate();
      return raviStatus({ settings, env, tmpParent, bin, probe, key: managementKey(env) });
    },
    async assertUsable() {
      await ready();
      requireManagementKey();
    },
    create(request) {
      return asManager((target) => createIdentity(target, policy, request));
    },
    async credentials(identity) {
      const key = requireManagementKey();
      return inKeyDir({ management_key: key }, (target) => mintCredentials(target, policy, identity, key));
    },
    async delete(uuid) {
      const source = managementKey(env);
      if (source.from === 'none')
        return { deleted: false, reason: `no Ravi management key: ${source.problem}`, retryable: true };
      const api = { apiUrl: settings.apiUrl, timeoutMs: settings.timeoutMs, policy };
      return deleteIdentity(api, source.key, uuid);
    },
    list,
    async get(uuid) {
      return (await list()).find((i) => i.uuid === uuid) ?? null;
    },
    async secrets(identity, credentials) {
      const key = identityKeyOf(identity, credentials);
      const config = { identity_key: key, identity_uuid: identity.uuid, identity_name: identity.name };
      const entries = await inKeyDir(config, (t) =>
        retrying(policy, () => call(t, ['secrets', 'list'], secretsListSchema)),
      );
      return Object.fromEntries(entries.map((e) => [e.key, e.value]));
    },
    async setSecret(identity, credentials, key, value) {
      const config = { identity_key: identityKeyOf(identity, credentials), identity_uuid: identity.uuid };
      await inKeyDir(config, (t) =>
        retrying(policy, () => call(t, ['secrets', 'set', key, value], secretSchema)),
      );
    },
  };
}
