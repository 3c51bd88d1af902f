/**
 * Configuration. Flags beat the environment beat config files beat defaults, and which file
 * may set what is the trust boundary of config/trust.ts: the project config (searched with
 * cosmiconfig from the workspace up to the repository root) may set only `name` and
 * `concurrency`; everything else comes from flags, the environment or the user-level config.
 * A repository is untrusted input: config that executes code is refused there unless the
 * user opted in (RAVI_HOOKS_TRUST_CODE_CONFIG=1 or `trustCodeConfig` in their own config).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Loader } from 'cosmiconfig';
import { ConfigError, InputError } from '../errors';
import { homeDir } from '../state/paths';
import { configSchema, defaults, providerNames, type RaviHooksConfig, type ResolvedConfig } from './schema';
import { filterRepoConfig } from './trust';
import { reportConfigWarnings } from './warnings';

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

/** `ravi.*` settings the environment overrides: the config value is dropped when the variable is set. */
const raviEnv = { bin: 'RAVI_BIN', apiUrl: 'RAVI_HOOKS_API_URL', transport: 'RAVI_HOOKS_TRANSPORT' } as const;

export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const env = options.env ?? process.env;
  const flags = options.flags ?? {};
  const user = await loadUserConfig(env);
  const trustCode =
    envFlag(env, 'RAVI_HOOKS_TRUST_CODE_CONFIG') === true || user.config?.trustCodeConfig === true;
  const project = await loadProjectConfig(options.from, options.stopDir ?? options.from, trustCode);
  const origins: Record<string, string> = {};
  const pick = <T>(key: string, fallback: T, ...candidates: Array<[T | undefined, string | null]>): T => {
    for (const [value, origin] of candidates) {
      if (value !== undefined && origin !== null) {
        origins[key] = origin;
        return value;
      }
    }
    origins[key] = 'default';
    return fallback;
  };
  const u = user.config ?? {};
  const p = project.config ?? {};
  const provider = pick<string>(
    'provider',
    defaults.provider,
    [flags.provider, '--provider'],
    [env.RAVI_HOOKS_PROVIDER || undefined, 'RAVI_HOOKS_PROVIDER'],
    [u.provider, user.file],
  );
  if (!(providerNames as readonly string[]).includes(provider)) {
    throw new InputError(`unknown provider "${provider}"`, {
      hint: `use one of: ${providerNames.join(', ')}`,
    });
  }
  const ravi: NonNullable<RaviHooksConfig['ravi']> = {};
  for (const [key, value] of Object.entries(u.ravi ?? {}) as Array<[keyof typeof ravi, never]>) {
    const envName = (raviEnv as Record<string, string>)[key];
    if (envName && env[envName]) origins[`ravi.${key}`] = envName;
    else if (value !== undefined && user.file) {
      ravi[key] = value;
      origins[`ravi.${key}`] = user.file;
    }
  }
  const warnings = project.warnings;
  reportConfigWarnings(warnings);
  return {
    provider: provider as ResolvedConfig['provider'],
    name: pick('name', defaults.name, [flags.name, '--name'], [p.name, project.file], [u.name, user.file]),
    concurrency: pick(
      'concurrency',
      defaults.concurrency,
      [flags.concurrency, '--concurrency'],
      [p.concurrency, project.file],
      [u.concurrency, user.file],
    ),
    exportSecrets: pick(
      'exportSecrets',
      defaults.exportSecrets,
      [envFlag(env, 'RAVI_HOOKS_EXPORT_SECRETS'), 'RAVI_HOOKS_EXPORT_SECRETS'],
      [u.exportSecrets, user.file],
    ),
    phone: pick(
      'phone',
      defaults.phone,
      [envFlag(env, 'RAVI_HOOKS_PHONE'), 'RAVI_HOOKS_PHONE'],
      [u.phone, user.file],
    ),
    ravi,
    sources: [project.file, user.file].filter((f): f is string => f !== null),
    origins,
    warnings,
  };
}

/** A boolean environment variable: 1/true/yes or 0/false/no; unset or empty is undefined. */
function envFlag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return undefined;
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new ConfigError(`${name}=${value} is not a yes/no value`, { hint: `set ${name} to 1 or 0` });
}

interface Found {
  config: RaviHooksConfig | null;
  file: string | null;
  /** Keys a repository config tried to set and may not (project config only). */
  warnings: string[];
}

/** `$XDG_CONFIG_HOME/ravi-hooks/config.{json,yaml,yml}` or `~/.config/ravi-hooks/…`. */
async function loadUserConfig(env: NodeJS.ProcessEnv): Promise<Found> {
  const dir = env.XDG_CONFIG_HOME
    ? path.join(env.XDG_CONFIG_HOME, MODULE)
    : path.join(homeDir(env), '.config', MODULE);
  const places = ['config.json', 'config.yaml', 'config.yml'];
  if (!anyConfigFile(dir, dir, places)) return { config: null, file: null, warnings: [] };
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
  if (!anyConfigFile(from, stopDir, [...dataPlaces, ...codePlaces]))
    return { config: null, file: null, warnings: [] };
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
  if (result === null || result.isEmpty) return validate(result);
  const filtered = filterRepoConfig(result.config, result.filepath);
  return { ...validate({ ...result, config: filtered.config }), warnings: filtered.warnings };
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
  if (result === null) return { config: null, file: null, warnings: [] };
  if (result.isEmpty || result.config === undefined || result.config === null) {
    return { config: {}, file: result.filepath, warnings: [] };
  }
  const parsed = configSchema.safeParse(result.config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`config ${result.filepath} is invalid: ${issues}`, { hint: 'fix the listed keys' });
  }
  return { config: parsed.data, file: result.filepath, warnings: [] };
}
