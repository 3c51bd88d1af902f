/**
 * Configuration: flags beat env beat the project config beat the user config beat defaults.
 * The project config is searched with cosmiconfig from the workspace up to the repository
 * root. A repository is untrusted input: config that executes code is refused there unless
 * the user opted in (RAVI_HOOKS_TRUST_CODE_CONFIG=1 or `trustCodeConfig` in their own
 * user-level config).
 */
import path from 'node:path';
import { cosmiconfig, defaultLoaders, type Loader } from 'cosmiconfig';
import { ConfigError, InputError } from '../errors';
import { homeDir } from '../state/paths';
import { configSchema, defaults, providerNames, type RaviHooksConfig, type ResolvedConfig } from './schema';

const MODULE = 'ravi-hooks';
const dataPlaces = [
  'package.json',
  `.${MODULE}rc`,
  `.${MODULE}rc.json`,
  `.${MODULE}rc.yaml`,
  `.${MODULE}rc.yml`,
  `${MODULE}.config.json`,
  `${MODULE}.config.yaml`,
  `${MODULE}.config.yml`,
];
const codePlaces = [
  `.${MODULE}rc.js`,
  `.${MODULE}rc.mjs`,
  `.${MODULE}rc.cjs`,
  `.${MODULE}rc.ts`,
  `${MODULE}.config.js`,
  `${MODULE}.config.mjs`,
  `${MODULE}.config.cjs`,
  `${MODULE}.config.ts`,
];

export interface LoadConfigOptions {
  /** Where the search starts (the workspace). */
  from: string;
  /** Where it stops (the repository root); defaults to `from`. */
  stopDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Values from command-line flags; they win over everything. */
  flags?: Partial<Pick<ResolvedConfig, 'provider' | 'name' | 'concurrency'>>;
}

export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const env = options.env ?? process.env;
  const user = await loadUserConfig(env);
  const trustCode = env.RAVI_HOOKS_TRUST_CODE_CONFIG === '1' || user.config?.trustCodeConfig === true;
  const project = await loadProjectConfig(options.from, options.stopDir ?? options.from, trustCode);
  const merged: RaviHooksConfig = {
    ...user.config,
    ...project.config,
    ravi: { ...user.config?.ravi, ...project.config?.ravi },
  };
  const envProvider = env.RAVI_HOOKS_PROVIDER || undefined;
  const provider = options.flags?.provider ?? envProvider ?? merged.provider ?? defaults.provider;
  if (!(providerNames as readonly string[]).includes(provider)) {
    throw new InputError(`unknown provider "${provider}"`, {
      hint: `use one of: ${providerNames.join(', ')}`,
    });
  }
  return {
    provider: provider as ResolvedConfig['provider'],
    name: options.flags?.name ?? merged.name ?? defaults.name,
    concurrency: options.flags?.concurrency ?? merged.concurrency ?? defaults.concurrency,
    exportSecrets: merged.exportSecrets ?? defaults.exportSecrets,
    phone: merged.phone ?? defaults.phone,
    ravi: merged.ravi ?? {},
    sources: [project.file, user.file].filter((f): f is string => f !== null),
  };
}

interface Found {
  config: RaviHooksConfig | null;
  file: string | null;
}

/** `$XDG_CONFIG_HOME/ravi-hooks/config.{json,yaml,yml}` or `~/.config/ravi-hooks/…`. */
async function loadUserConfig(env: NodeJS.ProcessEnv): Promise<Found> {
  const dir = env.XDG_CONFIG_HOME
    ? path.join(env.XDG_CONFIG_HOME, MODULE)
    : path.join(homeDir(env), '.config', MODULE);
  const explorer = cosmiconfig(MODULE, {
    searchPlaces: ['config.json', 'config.yaml', 'config.yml'],
    searchStrategy: 'none',
    cache: false,
  });
  const result = await guard(() => explorer.search(dir), dir);
  return validate(result);
}

async function loadProjectConfig(from: string, stopDir: string, trustCode: boolean): Promise<Found> {
  const refuse: Loader = (filepath) => {
    throw new ConfigError(`refusing to run code config ${filepath} from a repository`, {
      hint: 'use ravi-hooks.config.json/.yaml, or opt in with RAVI_HOOKS_TRUST_CODE_CONFIG=1',
    });
  };
  const codeLoaders: Record<string, Loader> = trustCode
    ? {}
    : { '.js': refuse, '.mjs': refuse, '.cjs': refuse, '.ts': refuse, '.mts': refuse, '.cts': refuse };
  const explorer = cosmiconfig(MODULE, {
    searchPlaces: [...dataPlaces, ...codePlaces],
    searchStrategy: 'global',
    stopDir,
    cache: false,
    loaders: { ...defaultLoaders, ...codeLoaders },
  });
  const result = await guard(() => explorer.search(from), from);
  return validate(result);
}

async function guard<T>(fn: () => Promise<T>, where: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const file = (error as { filepath?: string }).filepath ?? where;
    const reason = (error as Error).message.split('\n')[0] ?? 'unreadable';
    throw new ConfigError(`config ${file} is invalid: ${reason}`, {
      cause: error,
      hint: 'fix the file and try again',
    });
  }
}

function validate(result: { config: unknown; filepath: string; isEmpty?: boolean } | null): Found {
  if (result === null) return { config: null, file: null };
  if (result.isEmpty || result.config === undefined || result.config === null) {
    return { config: {}, file: result.filepath };
  }
  const parsed = configSchema.safeParse(result.config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`config ${result.filepath} is invalid: ${issues}`, { hint: 'fix the listed keys' });
  }
  return { config: parsed.data, file: result.filepath };
}
