/** Providers by name. `ravi` loads lazily: it pulls in the process and HTTP layers. */

import { providerNames } from '../config/schema';
import { InputError } from '../errors';
import { createLocalProvider } from './local/index';
import type { Provider, ProviderContext } from './types';

export async function createProvider(name: string, context: ProviderContext): Promise<Provider> {
  switch (name) {
    case 'local':
      return createLocalProvider(context);
    case 'ravi': {
      const { createRaviProvider } = await import('./ravi/index');
      return createRaviProvider(context);
    }
    default:
      throw new InputError(`unknown provider "${name}"`, { hint: `use one of: ${providerNames.join(', ')}` });
  }
}
