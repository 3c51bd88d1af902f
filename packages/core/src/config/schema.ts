import { z } from 'zod';

export const providerNames = ['local', 'ravi'] as const;
export type ProviderName = (typeof providerNames)[number];

/** The `ravi` provider's settings. */
export const raviSettingsSchema = z
  .object({
    /** Path of the ravi binary. @default `RAVI_BIN`, else `ravi` on PATH */
    bin: z.string().min(1).optional(),
    /**
     * How the provider talks to Ravi: `http` calls the API directly (no `ravi` binary
     * needed); `cli` drives the `ravi` v0.6 binary (deletion still over HTTP).
     * @default "http"
     */
    transport: z.enum(['http', 'cli']).optional(),
    /** Base URL of the Ravi HTTP API. @default "https://ravi.id" */
    apiUrl: z.url().optional(),
    /** Timeout of one ravi invocation or HTTP request in milliseconds. @default 30000 */
    timeoutMs: z.number().int().positive().max(600_000).optional(),
    /** How many times a transient failure (network, 5xx, 429) is retried. @default 3 */
    retries: z.number().int().min(0).max(10).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    /** Which identity backend to use. @default "local" */
    provider: z.enum(providerNames).optional(),
    /**
     * Identity name template. `{dir}` is the workspace directory name, `{branch}` the git
     * branch, `{repo}` the repository directory name. @default "ws-{dir}"
     */
    name: z.string().min(1).max(200).optional(),
    /** How many workspaces `fleet` provisions at once. @default 8 */
    concurrency: z.number().int().min(1).max(64).optional(),
    /**
     * Write the identity's secrets to `.env.local` (0600, git-excluded). User config or
     * RAVI_HOOKS_EXPORT_SECRETS=1 only: a repository can't switch it on. @default false
     */
    exportSecrets: z.boolean().optional(),
    /** Ask the provider for a phone number too (costs money: user config or RAVI_HOOKS_PHONE=1 only). @default false */
    phone: z.boolean().optional(),
    /**
     * Allow `.js`/`.ts` config files inside repositories to run. Only honoured in the
     * user-level config (`~/.config/ravi-hooks/config.json`): a repository can't opt itself in.
     * @default false
     */
    trustCodeConfig: z.boolean().optional(),
    ravi: raviSettingsSchema.optional(),
  })
  .strict();

export type RaviHooksConfig = z.infer<typeof configSchema>;

/** Typed helper for `ravi-hooks.config.ts`. */
export function defineConfig(config: RaviHooksConfig): RaviHooksConfig {
  return configSchema.parse(config);
}

export interface ResolvedConfig {
  provider: ProviderName;
  name: string;
  concurrency: number;
  exportSecrets: boolean;
  phone: boolean;
  ravi: z.infer<typeof raviSettingsSchema>;
  /** Config files that contributed, most specific first. */
  sources: string[];
  /**
   * Where each setting came from: a config file's path, an environment variable, a flag
   * (`--provider`) or `default`. `doctor` shows it.
   */
  origins: Record<string, string>;
  /** Keys a repository config tried to set and may not (config/trust.ts), one line each. */
  warnings: string[];
}

export const defaults = {
  provider: 'local',
  name: 'ws-{dir}',
  concurrency: 8,
  exportSecrets: false,
  phone: false,
} as const;
