/**
 * `eval "$(ravi-hooks env)"` exports RAVI_CONFIG_DIR, which outranks the nearest workspace
 * when resolving. After `cd` into another workspace that shell would still run agents as the
 * first workspace's identity. This finds that case so `exec` can refuse and `env` can switch.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { resolveIdentity } from '@ravi-hooks/core/resolve';

export interface StickyEnv {
  /** The config directory RAVI_CONFIG_DIR names. */
  fromEnv: string;
  /** The workspace DIR is really in, and its own config directory. */
  workspace: string;
  configDir: string;
}

/** RAVI_CONFIG_DIR naming another config directory than the workspace DIR is in, else null. */
export function stickyEnv(dir: string, env: NodeJS.ProcessEnv): StickyEnv | null {
  const fromEnv = env.RAVI_CONFIG_DIR;
  // NOTE: only variables we exported (`env` and `exec` always set RAVI_HOOKS_SHIM_DIR); a
  // RAVI_CONFIG_DIR the user set by hand is an explicit choice and wins, as Ravi documents
  if (!fromEnv || !env.RAVI_HOOKS_SHIM_DIR) return null;
  const here = resolveIdentity(dir, { ...env, RAVI_CONFIG_DIR: '' });
  if (here.source !== 'workspace' || !here.configPath || !here.baseDir) return null;
  const configDir = path.dirname(here.configPath);
  if (real(path.resolve(dir, fromEnv)) === real(configDir)) return null;
  return { fromEnv, workspace: here.baseDir, configDir };
}

/** The hint both commands give: how to get the right identity in this shell. */
export const stickyHint =
  'a RAVI_* environment from `eval "$(ravi-hooks env)"` in another workspace? run it again here, ' +
  '`unset RAVI_CONFIG_DIR`, or let direnv load it per directory (README: direnv)';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
