/**
 * doctor: what is configured, whether it works, and what to do about each problem.
 * Never throws for a problem it can describe; every check carries its own fix.
 */
import { constants, promises as fsp } from 'node:fs';
import { loadConfig } from '../config/load';
import type { ResolvedConfig } from '../config/schema';
import { toRaviHooksError } from '../errors';
import { postCheckoutCheck } from '../install/hook-check';
import { listLeases } from '../lifecycle/list';
import { fileLeaseStore } from '../lifecycle/store';
import { createProvider } from '../providers/registry';
import type { ProviderCheck } from '../providers/types';
import { resolveStateDir, statePaths } from '../state/paths';
import { gitFacts } from '../workspace/git';

export interface DoctorReport {
  ok: boolean;
  provider: string | null;
  stateDir: string;
  configFiles: string[];
  /**
   * Every setting, its value and where it came from (a config file, an environment
   * variable, a flag or `default`), so a user sees which file set what.
   */
  settings: Array<{ key: string; value: unknown; from: string }>;
  /** Keys a repository config tried to set and may not; each was ignored. */
  ignored: string[];
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
  let settings: DoctorReport['settings'] = [];
  let ignored: string[] = [];
  try {
    const config = await loadConfig({
      from: cwd,
      stopDir: git?.toplevel ?? cwd,
      env,
      ...(options.provider ? { flags: { provider: options.provider as 'local' } } : {}),
    });
    provider = config.provider;
    configFiles = config.sources;
    settings = settingsOf(config);
    ignored = config.warnings;
    checks.push({ label: 'config', ok: true, value: configFiles[0] ?? 'none found (defaults)' });
    const instance = await createProvider(config.provider, { stateDir, env, settings: config.ravi });
    const status = await instance.status();
    checks.push({ label: 'provider', ok: status.usable, value: config.provider });
    checks.push(...status.checks);
  } catch (error) {
    const err = toRaviHooksError(error);
    checks.push({ label: 'config', ok: false, value: err.message, ...(err.hint ? { fix: err.hint } : {}) });
  }
  const hook = git ? await postCheckoutCheck(cwd) : null;
  if (hook?.configured) {
    const via = hook.manager ? ` (via ${hook.manager})` : '';
    checks.push({
      label: 'git hook',
      ok: hook.runs,
      value: hook.problem ?? `${hook.hook} calls ravi-hooks${via}`,
      ...(hook.fix ? { fix: hook.fix } : {}),
    });
  }
  checks.push(await leasesCheck(stateDir));
  return { ok: checks.every((c) => c.ok), provider, stateDir, configFiles, settings, ignored, checks };
}

/** Counts of leases by state; owed, irrevocable and corrupt ones need the user. */
async function leasesCheck(stateDir: string): Promise<ProviderCheck> {
  try {
    const { counts } = await listLeases({ ledger: fileLeaseStore(statePaths(stateDir)) });
    const value = Object.entries(counts)
      .map(([state, n]) => `${n} ${state}`)
      .join(', ');
    const fix =
      counts.owed > 0
        ? 'run `ravi-hooks gc` to retry owed deletions'
        : counts.irrevocable + counts.corrupt > 0
          ? 'see `ravi-hooks list`; delete those identities by hand, then `ravi-hooks forget <uuid>`'
          : undefined;
    return { label: 'leases', ok: fix === undefined, value, ...(fix ? { fix } : {}) };
  } catch (error) {
    return { label: 'leases', ok: false, value: toRaviHooksError(error).message };
  }
}

function settingsOf(config: ResolvedConfig): DoctorReport['settings'] {
  const values: Record<string, unknown> = {
    provider: config.provider,
    name: config.name,
    concurrency: config.concurrency,
    exportSecrets: config.exportSecrets,
    phone: config.phone,
    ...Object.fromEntries(Object.entries(config.ravi).map(([k, v]) => [`ravi.${k}`, v])),
  };
  return Object.entries(config.origins).map(([key, from]) => ({
    key,
    // NOTE: a ravi.* setting the environment overrides has no value here; the provider reads the variable
    value: key in values ? values[key] : `$${from}`,
    from,
  }));
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
