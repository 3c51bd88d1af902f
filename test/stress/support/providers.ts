/**
 * One face for both providers, so each stress suite runs against the embedded `local`
 * provider and the `ravi` provider (through the CLI emulator, test/ravi/support) with the
 * same assertions.
 */
import type { EmulatorOptions } from '@ravi-hooks/ravi-emulator';
import { type RaviSandbox, raviSandbox } from '../../ravi/support';
import { sandbox } from '../../support/env';
import { localIdentities } from './world';

export type ProviderName = 'local' | 'ravi';

export interface ProviderWorld {
  /** ravi-hooks' state dir. */
  state: string;
  /** Env for ravi-hooks: isolated state and HOME; for `ravi` the emulator first on PATH. */
  env: NodeJS.ProcessEnv;
  /** uuids of the identities the provider holds now. */
  live(): string[];
  /** Throws unless `~/.ravi/config.json` is byte-identical. */
  assertGlobalUntouched(): void;
  /** The emulator, for the ravi provider. */
  ravi?: RaviSandbox;
}

export async function providerWorld(
  provider: ProviderName,
  emulator: EmulatorOptions = {},
): Promise<ProviderWorld> {
  if (provider === 'local') {
    const sb = sandbox();
    return { ...sb, live: () => localIdentities(sb.state) };
  }
  const ravi = await raviSandbox(emulator);
  return {
    state: ravi.state,
    env: ravi.env,
    live: () => ravi.emu.identities().map((i) => i.uuid),
    assertGlobalUntouched: () => ravi.assertGlobalUntouched(),
    ravi,
  };
}
