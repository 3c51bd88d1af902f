/**
 * The `ravi` provider, one folder: its settings (./settings.ts, schema in config/schema.ts),
 * its capabilities, and two transports. `http` (the default) calls the Ravi API directly;
 * `cli` (opt-in, `ravi.transport: "cli"`) drives the ravi v0.6 binary, the path proven
 * byte for byte against the real CLI. Each transport loads only its own modules.
 */
import type { Provider, ProviderContext } from '../types';
import { findBinary, shimDirs } from './bin';
import { resolveSettings } from './settings';

export async function createRaviProvider(context: ProviderContext): Promise<Provider> {
  const settings = resolveSettings(context);
  if (settings.transport === 'cli') {
    const { createCliRaviProvider } = await import('./cli-transport');
    return createCliRaviProvider(context, settings);
  }
  const { createHttpRaviProvider } = await import('./http/index');
  return createHttpRaviProvider({
    settings,
    env: context.env,
    locateBinary: () => findBinary(settings.bin, context.env, shimDirs(context.env, context.stateDir)),
  });
}
