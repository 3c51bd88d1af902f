/**
 * doctor: what is configured, whether it works, and what to do about each problem.
 * Never throws for a problem it can describe; every check carries its own fix.
 */
import { constants, promises as fsp } from 'node:fs';
import { loadConfig } from '../config/load';
import { toRaviHooksError } from '../errors';
import { createProvider } from '../providers/registry';
import type { ProviderCheck } from '../providers/types';
import { resolveStateDir } from '../state/paths';
import { gitFacts } from '../workspace/git';

export interface DoctorReport {
  ok: boolean;
  provider: string | null;
  stateDir: string;
  configFiles: string[];
  checks: ProviderCheck[];
}

export async function doctor(
  options: { cwd?: string; env?: NodeJS.ProcessEnv; provider?: string } = {},
): Promise<DoctorReport> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const stateDir = resolveStateDir(env);
  const checks: ProviderCheck[] = [];
  checks.push(await stateDirCheck(stateDir));
  const git = await gitFacts(cwd);
  let provider: string | null = null;
  let configFiles: string[] = [];
  try {
    const config = await loadConfig({
      from: cwd,
      stopDir: git?.toplevel ?? cwd,
      env,
      ...(options.provider ? { flags: { provider: options.provider as 'local' } } : {}),
    });
    provider = config.provider;
    configFiles = config.sources;
    checks.push({ label: 'config', ok: true, value: configFiles[0] ?? 'none found (defaults)' });
    const instance = await createProvider(config.provider, { stateDir, env, settings: config.ravi });
    const status = await instance.status();
    checks.push({ label: 'provider', ok: status.usable, value: config.provider });
    checks.push(...status.checks);
  } catch (error) {
    const err = toRaviHooksError(error);
    checks.push({ label: 'config', ok: false, value: err.message, ...(err.hint ? { fix: err.hint } : {}) });
  }
  return { ok: checks.every((c) => c.ok), provider, stateDir, configFiles, checks };
}

async function stateDirCheck(stateDir: string): Promise<ProviderCheck> {
  try {
    await fsp.access(stateDir, constants.W_OK);
    return { label: 'state dir', ok: true, value: stateDir };
  } catch {
    try {
      await fsp.access(stateDir);
      return {
        label: 'state dir',
        ok: false,
        value: stateDir,
        fix: 'make it writable, or set RAVI_HOOKS_STATE_DIR',
      };
    } catch {
      return { label: 'state dir', ok: true, value: `${stateDir} (created on first provision)` };
    }
  }
}
