/**
 * The ravi provider's settings schema lives in config/schema.ts (the config file validates
 * it); this resolves it against the environment and defaults. The environment beats the
 * config file, as everywhere else in ravi-hooks.
 */
import { raviSettingsSchema } from '../../config/schema';
import type { ProviderContext } from '../types';

export const DEFAULT_API_URL = 'https://ravi.id';

export type Transport = 'http' | 'cli';

export interface RaviSettings {
  /** `ravi.transport`, else RAVI_HOOKS_TRANSPORT. @default "http" */
  transport: Transport;
  /** Binary as configured (`ravi.bin`, else RAVI_BIN, else `ravi`), not yet looked up. */
  bin: string;
  binSource: 'settings' | 'RAVI_BIN' | 'PATH';
  /** @default "https://ravi.id" */
  apiUrl: string;
  apiUrlSource: 'settings' | 'RAVI_HOOKS_API_URL' | 'default';
  /** Per ravi invocation and per HTTP request. @default 30000 */
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
  const envUrl = nonEmpty(env.RAVI_HOOKS_API_URL);
  const apiUrl = envUrl ?? settings.apiUrl;
  const envTransport = nonEmpty(env.RAVI_HOOKS_TRANSPORT);
  const maxWait = Number(nonEmpty(env.RAVI_HOOKS_RETRY_WAIT_MAX_MS) ?? Number.NaN);
  return {
    transport:
      envTransport === 'cli' || envTransport === 'http' ? envTransport : (settings.transport ?? 'http'),
    bin: bin ?? 'ravi',
    binSource: settings.bin ? 'settings' : bin ? 'RAVI_BIN' : 'PATH',
    apiUrl: (apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    apiUrlSource: envUrl ? 'RAVI_HOOKS_API_URL' : settings.apiUrl ? 'settings' : 'default',
    timeoutMs: settings.timeoutMs ?? 30_000,
    retries: settings.retries ?? 3,
    maxWaitMs: Number.isFinite(maxWait) && maxWait >= 0 ? maxWait : 30_000,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.length > 0 ? value : undefined;
}
