/**
 * Writes the user-level config (`$XDG_CONFIG_HOME/ravi-hooks/config.json`) of a sandbox:
 * since issue 9 the only config file that may set the provider, `ravi.*`, `exportSecrets`
 * or `phone` (a repository's config may set only `name` and `concurrency`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function userConfig(env: NodeJS.ProcessEnv, config: Record<string, unknown>): string {
  if (!env.XDG_CONFIG_HOME) throw new Error('userConfig needs a sandbox env with XDG_CONFIG_HOME');
  const file = path.join(env.XDG_CONFIG_HOME, 'ravi-hooks', 'config.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
