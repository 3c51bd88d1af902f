/**
 * The trust boundary of the config. A repository is data, not the user: like git since
 * CVE-2022-24765 (repository config never picks the programs another user runs) and direnv's
 * `allow`, a config file found in the repository may only set what is harmless whoever wrote
 * it. Everything that selects a program, a URL, a provider, a state location, costs money
 * (phone numbers) or writes secrets to disk comes from flags, the environment or the user's
 * own config file.
 */

/** The only keys a repository config may set. */
export const repoKeys = ['name', 'concurrency'] as const;

export interface TrustFiltered {
  /** The repository config with every forbidden key taken out. */
  config: Record<string, unknown>;
  /** One line per forbidden key, naming the file and the key. */
  warnings: string[];
}

/**
 * Splits a repository config into what it may set and a warning for each key it may not.
 * NOTE: this runs before schema validation, so a forbidden key is ignored whatever its value
 * (a hook never fails because a repository set `provider: 5`), while the allowed keys and any
 * unknown key are still validated as before.
 */
export function filterRepoConfig(raw: unknown, file: string): TrustFiltered {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { config: raw as never, warnings: [] };
  const config: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if ((repoKeys as readonly string[]).includes(key) || !knownKeys.has(key)) config[key] = value;
    else warnings.push(ignoredWarning(file, key, value));
  }
  return { config, warnings };
}

/** Every top-level key the schema knows; unknown keys fall through to validation (a typo is an error). */
const knownKeys = new Set([
  'provider',
  'name',
  'concurrency',
  'exportSecrets',
  'phone',
  'trustCodeConfig',
  'ravi',
]);

function ignoredWarning(file: string, key: string, value: unknown): string {
  const keys =
    key === 'ravi' && typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.keys(value).map((k) => `ravi.${k}`)
      : [key];
  const named = keys.length > 0 ? keys.join(', ') : key;
  return `ignoring ${named} in ${file}: a repository may only set ${repoKeys.join(' and ')} (set it in ~/.config/ravi-hooks/config.json, an environment variable or a flag)`;
}
