/**
 * What `ravi-hooks doctor` shows for the ravi provider over HTTP: where the API is, where
 * the management key comes from (never the key), whether that key authenticates against
 * that API (`GET /api/identities/?limit=1`), and the real `ravi` the agents' shim would run.
 * Never throws.
 */
import { toRaviHooksError } from '../../../errors';
import type { ProviderCheck, ProviderStatus } from '../../types';
import { LOGIN_HINT } from '../hints';
import { type KeySource, MANAGEMENT_KEY_ENV } from '../keys';
import type { RaviSettings } from '../settings';
import { type Api, attempt } from './api';

export async function httpStatus(
  settings: RaviSettings,
  api: Api,
  key: KeySource,
  bin: string | null,
): Promise<ProviderStatus> {
  const from = { settings: 'ravi.apiUrl', RAVI_HOOKS_API_URL: 'RAVI_HOOKS_API_URL', default: 'default' };
  const checks: ProviderCheck[] = [
    { label: 'transport', ok: true, value: 'http (the Ravi API directly; no ravi binary needed)' },
    { label: 'API URL', ok: true, value: `${settings.apiUrl} (${from[settings.apiUrlSource]})` },
  ];
  if (key.from === 'none') {
    checks.push({ label: 'management key', ok: false, value: key.problem, fix: LOGIN_HINT });
  } else {
    const where = key.from === 'env' ? MANAGEMENT_KEY_ENV : key.where;
    checks.push({ label: 'management key', ok: true, value: `from ${where}` });
    checks.push(await authCheck(api, key.key));
  }
  checks.push({
    label: 'ravi binary (agents)',
    ok: true,
    value: bin ?? "not found: only needed for agents' `ravi` inside workspaces",
  });
  return { usable: checks.every((c) => c.ok), checks };
}

async function authCheck(api: Api, key: string): Promise<ProviderCheck> {
  const label = 'API login';
  try {
    await attempt(api, { method: 'GET', path: '/api/identities/?limit=1', key, keyKind: 'management' });
    return { label, ok: true, value: 'the management key authenticates' };
  } catch (error) {
    const err = toRaviHooksError(error);
    return { label, ok: false, value: err.message, ...(err.hint ? { fix: err.hint } : {}) };
  }
}
