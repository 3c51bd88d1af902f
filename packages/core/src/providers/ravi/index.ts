import { ProviderError } from '../../errors';
import type { Provider, ProviderContext } from '../types';

// Placeholder until the ravi provider lands (issue 3): fail honestly, as "unavailable".
export function createRaviProvider(_context: ProviderContext): Provider {
  throw new ProviderError('E_PROVIDER_UNAVAILABLE', 'the ravi provider is not built yet', {
    hint: 'use --provider local for now',
  });
}
