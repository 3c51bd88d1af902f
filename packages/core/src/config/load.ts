/**
 * Configuration: flags beat env beat the project config beat the user config beat defaults.
 * The project config is searched with cosmiconfig from the workspace up to the repository
 * root. A repository is untrusted input: config that executes code is refused there unless
 * the user opted in (RAVI_HOOKS_TRUST_CODE_CONFIG=1 or `trustCodeConfig` in their own
 * user-level config).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'cosmiconfig';
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
  const places = ['config.json', 'config.yaml', 'config.yml'];
  if (!anyConfigFile(dir, dir, places)) return { config: null, file: null };
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig(MODULE, {
    searchPlaces: places,
    searchStrategy: 'none',
    cache: false,
  });
  const result = await guard(() => explorer.search(dir), dir);
  return validate(result);
}

async function loadProjectConfig(from: string, stopDir: string, trustCode: boolean): Promise<Found> {
  if (!anyConfigFile(from, stopDir, [...dataPlaces, ...codePlaces])) return { config: null, file: null };
  const { cosmiconfig, defaultLoaders } = await import('cosmiconfig');
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

/**
 * Whether any search place exists from `from` up to `stopDir` (a package.json only when it
 * mentions us). NOTE: most workspaces have no config file, and loading cosmiconfig (with its
 * YAML and JSON parsers and code frames) to find that out cost a git hook ~15 ms.
 */
function anyConfigFile(from: string, stopDir: string, places: string[]): boolean {
  const stop = path.resolve(stopDir);
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    for (const place of places) {
      const file = path.join(dir, place);
      if (place === 'package.json' ? mentionsUs(file) : existsSync(file)) return true;
    }
    if (dir === stop || path.dirname(dir) === dir) return false;
  }
}

function mentionsUs(packageJson: string): boolean {
  try {
    return readFileSync(packageJson, 'utf8').includes(`"${MODULE}"`);
  } catch {
    return false;
  }
}

async function guard<T>(fn: () => Promise<T>, where: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const file = (error as { filepath?: string }).filepath ?? where;
    const reason = parserReason((error as Error).message);
    throw new ConfigError(`config ${file} is invalid: ${reason}`, {
      cause: error,
      hint: 'fix the file and try again',
    });
  }
}

/**
 * The parser's own words from cosmiconfig's message, which is `JSON Error in <file>:`, a
 * code frame, then the reason (the first line alone said nothing). The echo of the whole
 * input that parse-json appends is cut off.
 */
function parserReason(message: string): string {
  // NOTE: the code frame is coloured when CI=true or FORCE_COLOR is set; strip the escapes
  // so neither the frame filter nor the user's terminal ever sees them
  const lines = message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(>|\d+ \||\||-*\^)/.test(line));
  const [head, next] = lines;
  const reason = head?.endsWith(':') && next ? next : (head ?? 'unreadable');
  return reason.replace(/ while parsing .*$/, '').slice(0, 200);
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
