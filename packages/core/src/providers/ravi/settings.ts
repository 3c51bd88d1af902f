/**
 * The ravi provider's settings, from the config file (`ravi: {...}`) first, then the
 * environment, then defaults.
 */
import { raviSettingsSchema } from '../../config/schema';
import type { ProviderContext } from '../types';

export const DEFAULT_API_URL = 'https://ravi.id';
export const INSTALL_HINT = 'install it with `brew install ravi-hq/tap/ravi`, or set RAVI_BIN to its path';
export const LOGIN_HINT = 'run `ravi auth login` once, or set RAVI_HOOKS_MANAGEMENT_KEY (headless CI)';
export const UPGRADE_HINT =
  'upgrade with `brew upgrade ravi-hq/tap/ravi` (ravi-hooks needs ravi 0.6 or newer)';

export interface RaviSettings {
  /** Binary as configured (`ravi.bin`, else RAVI_BIN, else `ravi`), not yet looked up. */
  bin: string;
  binSource: 'settings' | 'RAVI_BIN' | 'PATH';
  /** @default "https://ravi.id" */
  apiUrl: string;
  apiUrlSource: 'settings' | 'RAVI_HOOKS_API_URL' | 'default';
  /** Per ravi invocation. @default 30000 */
  timeoutMs: number;
  /** Retries of a transient failure (network, 5xx, 429). @default 3 */
  retries: number;
  /**
   * Longest single wait before a retry. A rate limit asking for more fails at once
   * (E_RATE_LIMITED) instead of blocking. `RAVI_HOOKS_RETRY_WAIT_MAX_MS`. @default 30000
   */
  maxWaitMs: number;
}

export function resolveSettings(context: ProviderContext): RaviSettings {
  const parsed = raviSettingsSchema.safeParse(context.settings ?? {});
  const settings = parsed.success ? parsed.data : {};
  const env = context.env;
  const bin = settings.bin ?? nonEmpty(env.RAVI_BIN);
  const apiUrl = settings.apiUrl ?? nonEmpty(env.RAVI_HOOKS_API_URL);
  const maxWait = Number(nonEmpty(env.RAVI_HOOKS_RETRY_WAIT_MAX_MS) ?? Number.NaN);
  return {
    bin: bin ?? 'ravi',
    binSource: settings.bin ? 'settings' : bin ? 'RAVI_BIN' : 'PATH',
    apiUrl: (apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    apiUrlSource: settings.apiUrl ? 'settings' : apiUrl ? 'RAVI_HOOKS_API_URL' : 'default',
    timeoutMs: settings.timeoutMs ?? 30_000,
    retries: settings.retries ?? 3,
    maxWaitMs: Number.isFinite(maxWait) && maxWait >= 0 ? maxWait : 30_000,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.length > 0 ? value : undefined;
}
