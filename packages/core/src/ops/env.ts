/**
 * The environment an agent needs in a workspace: where its identity's config lives, and
 * its email and phone, for harnesses that only pass environment variables. A workspace
 * config that may not be ours (workspace/foreign.ts, or absent from this machine's ledger)
 * is reported in `problems` for the CLI to flag.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileLeaseStore } from '../lifecycle/store';
import { type Resolution, resolveIdentity } from '../resolve/which';
import { resolveStateDir, statePaths } from '../state/paths';
import { dotenvQuote } from '../workspace/env-local';
import { inspectWorkspaceConfig } from '../workspace/foreign';

export interface IdentityEnv {
  RAVI_CONFIG_DIR: string;
  RAVI_EMAIL: string;
  RAVI_PHONE: string;
  RAVI_IDENTITY_UUID: string;
}

export interface EnvResult {
  resolution: Resolution;
  vars: IdentityEnv;
  /** Why the workspace config may not be ours (empty when it is, or when none applies). */
  problems: string[];
}

export async function identityEnv(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<EnvResult> {
  const resolution = resolveIdentity(dir, env);
  const vars: IdentityEnv = {
    RAVI_CONFIG_DIR: resolution.configPath ? path.dirname(resolution.configPath) : '',
    RAVI_EMAIL: '',
    RAVI_PHONE: '',
    RAVI_IDENTITY_UUID: resolution.uuid ?? '',
  };
  const problems: string[] = [];
  if (resolution.baseDir && resolution.source !== 'global') {
    const leases = fileLeaseStore(statePaths(resolveStateDir(env)));
    // NOTE: a moved workspace's lease is still keyed by its old path until gc re-keys it
    const record =
      (await leases.get(realpathOr(resolution.baseDir)).catch(() => null)) ??
      (resolution.uuid ? await leases.findByUuid(resolution.uuid) : null);
    if (record && record.uuid === resolution.uuid) {
      vars.RAVI_EMAIL = record.email ?? '';
      vars.RAVI_PHONE = record.phone ?? '';
    } else if (resolution.source === 'workspace') {
      problems.push('not provisioned by ravi-hooks on this machine');
    }
  }
  if (resolution.baseDir && resolution.source === 'workspace') {
    const inspection = await inspectWorkspaceConfig(resolution.baseDir, 'ask');
    problems.unshift(...inspection.problems);
  }
  return { resolution, vars, problems };
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export type EnvFormat = 'sh' | 'json' | 'dotenv';

/** Renders variables for a shell (`eval "$(ravi-hooks env)"`), dotenv, or JSON. */
export function formatEnv(vars: Record<string, string>, format: EnvFormat): string {
  if (format === 'json') return `${JSON.stringify(vars, null, 2)}\n`;
  const lines = Object.entries(vars).map(([key, value]) =>
    format === 'sh' ? `export ${key}=${shQuote(value)}` : `${key}=${dotenvQuote(value)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** POSIX single-quoting: safe for any byte sequence except NUL. */
export function shQuote(value: string): string {
  if (value.length > 0 && /^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
