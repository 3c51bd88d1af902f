/**
 * The shared context of every operation: state paths, ledger, resolved config, provider.
 */
import { hostname } from 'node:os';
import { loadConfig } from './config/load';
import type { ResolvedConfig } from './config/schema';
import { attachStore } from './lifecycle/session';
import { fileLeaseStore, type LeaseReader } from './lifecycle/store';
import { createProvider } from './providers/registry';
import type { Provider } from './providers/types';
import { resolveStateDir, type StatePaths, statePaths } from './state/paths';
import { assertStateDirUsable } from './state/trust';

export interface EngineOptions {
  env?: NodeJS.ProcessEnv;
  /** Overrides the configured provider (flag). */
  provider?: string;
  /** Injected provider (tests, embedding). */
  providerInstance?: Provider;
}

export interface Engine {
  env: NodeJS.ProcessEnv;
  paths: StatePaths;
  /** Leases, read-only: changes go through lifecycle/session.ts under the workspace lock. */
  ledger: LeaseReader;
  host: string;
  config: ResolvedConfig;
  provider: Provider;
}

export async function createEngine(
  configFrom: { from: string; stopDir?: string },
  options: EngineOptions = {},
): Promise<Engine> {
  const env = options.env ?? process.env;
  const paths = statePaths(resolveStateDir(env));
  await assertStateDirUsable(paths);
  const config = await loadConfig({
    ...configFrom,
    env,
    flags: options.provider ? { provider: options.provider as ResolvedConfig['provider'] } : {},
  });
  const provider =
    options.providerInstance ??
    (await createProvider(config.provider, { stateDir: paths.root, env, settings: config.ravi }));
  const store = fileLeaseStore(paths);
  const engine: Engine = { env, paths, ledger: store, host: hostname(), config, provider };
  attachStore(engine, store);
  return engine;
}

/**
 * Engine without config or provider, for commands that only read state (log, list). The
 * state dir must be trusted but need not be writable (a read-only copy can be inspected).
 */
export async function stateOnly(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Pick<Engine, 'env' | 'paths' | 'ledger'>> {
  const paths = statePaths(resolveStateDir(env));
  await assertStateDirUsable(paths, { write: false });
  return { env, paths, ledger: fileLeaseStore(paths) };
}

const extraProviders = new WeakMap<Engine, Map<string, Promise<Provider>>>();

/** The provider that created a record (it may differ from the configured one). */
export function providerFor(engine: Engine, name: string): Promise<Provider> {
  if (name === engine.provider.name) return Promise.resolve(engine.provider);
  let cache = extraProviders.get(engine);
  if (!cache) {
    cache = new Map();
    extraProviders.set(engine, cache);
  }
  let provider = cache.get(name);
  if (!provider) {
    provider = createProvider(name, {
      stateDir: engine.paths.root,
      env: engine.env,
      settings: engine.config.ravi,
    });
    cache.set(name, provider);
  }
  return provider;
}
