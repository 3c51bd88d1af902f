/**
 * The agents' `ravi`: runs the REAL ravi binary as the identity that `ravi-hooks which`
 * resolves (RAVI_CONFIG_DIR, else the nearest `.ravi/config.json` walking up, else the
 * global one), which is what the Ravi docs promise and ravi v0.6 lacks (it reads only
 * `<cwd>/.ravi` and `$HOME/.ravi`). The trick is HOME, set for that one child only.
 *
 * NOTE: this is on agents' hot path; it imports no zod and no config loader. Published as
 * `@ravi-hooks/core/ravi-shim`.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { InputError, ProviderError } from '../../errors';
import { type InheritResult, runInherit } from '../../io/process';
import type { Resolution } from '../../resolve/which';
import { resolveStateDir, statePaths } from '../../state/paths';
import { withoutManagementKeys } from '../../workspace/agent-env';
import { findBinary, shimDirs } from './bin';
import { INSTALL_HINT } from './hints';

/** Set in the real ravi's environment; seeing it again means the shim found itself. */
export const SHIM_GUARD = 'RAVI_HOOKS_SHIM_ACTIVE';

export interface PassthroughInput {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  resolution: Resolution;
}

export async function runRealRavi(input: PassthroughInput): Promise<InheritResult> {
  const { env, resolution } = input;
  if (env[SHIM_GUARD] === '1') {
    throw new ProviderError('E_PROVIDER_UNAVAILABLE', 'the ravi shim found itself instead of the real ravi', {
      hint: 'set RAVI_BIN to the real ravi binary',
    });
  }
  const stateDir = resolveStateDir(env);
  const bin = findBinary(env.RAVI_BIN || 'ravi', env, shimDirs(env, stateDir), input.cwd);
  if (bin === null)
    throw new ProviderError('E_PROVIDER_UNAVAILABLE', 'the real ravi was not found', { hint: INSTALL_HINT });
  const configDir = resolution.configPath ? path.dirname(resolution.configPath) : null;
  if (configDir === null || resolution.source === 'global' || resolution.source === 'none') {
    return exec(bin, input.args, input.cwd, env);
  }
  refuseAccountCommands(input.args, configDir);
  refuseShadowedConfig(input.cwd, configDir);
  if (path.basename(configDir) === '.ravi') {
    return exec(bin, input.args, input.cwd, { ...env, HOME: path.dirname(configDir) });
  }
  // RAVI_CONFIG_DIR=/some/dir (not named .ravi): ravi only looks for $HOME/.ravi, so give
  // it a private HOME whose .ravi is a link to that dir.
  const files = await import('../../io/files');
  const home = await files.makeTempDir('shim-', statePaths(stateDir).tmpDir);
  try {
    await files.createSymlink(configDir, path.join(home, '.ravi'));
    return await exec(bin, input.args, input.cwd, { ...env, HOME: home });
  } finally {
    await files.removeTree(home);
  }
}

async function exec(
  bin: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<InheritResult> {
  // NOTE: the real ravi acts as the workspace identity through HOME; a management key in the
  // environment would let an agent's `ravi` manage every identity on the account
  const result = await runInherit(bin, args, {
    cwd,
    env: { ...withoutManagementKeys(env), [SHIM_GUARD]: '1' },
  });
  if (result.notFound)
    throw new ProviderError('E_PROVIDER_UNAVAILABLE', `ravi could not be started (${bin})`, {
      hint: INSTALL_HINT,
    });
  return result;
}

/**
 * ravi reads `<cwd>/.ravi/config.json` before `$HOME/.ravi`, and we must keep the caller's
 * cwd. When RAVI_CONFIG_DIR names one identity and the cwd holds another's config, ravi
 * would act as the cwd one; refuse rather than act as an identity `which` did not name.
 */
function refuseShadowedConfig(cwd: string, configDir: string): void {
  const local = path.join(cwd, '.ravi');
  if (!existsSync(path.join(local, 'config.json')) || sameDir(local, configDir)) return;
  throw new InputError(`${local} would override RAVI_CONFIG_DIR (${configDir}) for the real ravi`, {
    hint: 'run ravi from another directory, or unset RAVI_CONFIG_DIR',
  });
}

function sameDir(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * `auth login` would store the account's management key in the workspace config, and
 * `auth logout` would delete the workspace's `.ravi` (it removes `$HOME/.ravi`). Neither is
 * what an agent inside a workspace should do.
 */
function refuseAccountCommands(args: string[], configDir: string): void {
  const [group, command] = args.filter((a) => !a.startsWith('-'));
  if (group === 'auth' && (command === 'login' || command === 'logout')) {
    throw new InputError(`refusing \`ravi auth ${command}\` with the workspace identity of ${configDir}`, {
      hint:
        command === 'login'
          ? 'log in outside any workspace (or with RAVI_BIN run directly), so the account key stays in ~/.ravi'
          : 'use `ravi-hooks teardown` to remove this workspace identity',
    });
  }
}
