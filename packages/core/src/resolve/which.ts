/**
 * Which identity applies in a directory, with the semantics the Ravi docs promise (and the
 * real CLI lacks): RAVI_CONFIG_DIR if set, else the nearest `.ravi/config.json` walking up
 * from the directory, else `~/.ravi/config.json`.
 */
import path from 'node:path';
import { InputError } from '../errors';
import { homeDir } from '../state/paths';
import { type RaviConfigFile, readRaviConfig } from './ravi-config';

export type IdentitySource = 'env' | 'workspace' | 'global' | 'none';

export interface Resolution {
  source: IdentitySource;
  /** The config file that applies, or null when none does. */
  configPath: string | null;
  /** The directory holding `.ravi` (the workspace root for `workspace`). */
  baseDir: string | null;
  uuid: string | null;
  name: string | null;
  config: RaviConfigFile | null;
}

export function resolveIdentity(dir: string, env: NodeJS.ProcessEnv = process.env): Resolution {
  const start = path.resolve(dir);
  if (env.RAVI_CONFIG_DIR) {
    const configDir = path.resolve(start, env.RAVI_CONFIG_DIR);
    const configPath = path.join(configDir, 'config.json');
    const config = readRaviConfig(configPath);
    if (config === null) {
      throw new InputError(`RAVI_CONFIG_DIR points at ${configDir}, which has no config.json`, {
        hint: 'unset RAVI_CONFIG_DIR or provision that workspace',
      });
    }
    return found('env', configPath, path.dirname(configDir), config);
  }
  const home = homeDir(env);
  for (let current = start; ; current = path.dirname(current)) {
    // NOTE: ~/.ravi is the global config, not a workspace; stop the walk there.
    if (current === home) break;
    const configPath = path.join(current, '.ravi', 'config.json');
    const config = readRaviConfig(configPath);
    if (config !== null) return found('workspace', configPath, current, config);
    if (path.dirname(current) === current) break;
  }
  const globalPath = path.join(home, '.ravi', 'config.json');
  const global = readRaviConfig(globalPath);
  if (global !== null) return found('global', globalPath, home, global);
  return { source: 'none', configPath: null, baseDir: null, uuid: null, name: null, config: null };
}

function found(
  source: IdentitySource,
  configPath: string,
  baseDir: string,
  config: RaviConfigFile,
): Resolution {
  return {
    source,
    configPath,
    baseDir,
    uuid: config.identity_uuid ?? null,
    name: config.identity_name ?? null,
    config,
  };
}
