/**
 * What `ravi-hooks doctor` shows for the ravi provider. Never throws, never prints a key,
 * never calls the Ravi API: `ravi auth status` only checks that a key is present.
 */
import { toRaviHooksError } from '../../errors';
import { run } from '../../io/process';
import type { ProviderCheck, ProviderStatus } from '../types';
import { parseStdout } from './failure';
import { INSTALL_HINT, LOGIN_HINT, UPGRADE_HINT } from './hints';
import { type KeySource, MANAGEMENT_KEY_ENV, withEmptyDir } from './keys';
import { authStatusSchema } from './schemas';
import type { RaviSettings } from './settings';
import type { Generation } from './version';

export interface StatusInput {
  settings: RaviSettings;
  env: NodeJS.ProcessEnv;
  tmpParent: string;
  bin: string | null;
  probe: (bin: string) => Promise<Generation>;
  key: KeySource;
}

export async function raviStatus(input: StatusInput): Promise<ProviderStatus> {
  const { settings, bin, key } = input;
  const checks: ProviderCheck[] = [];
  const where =
    settings.binSource === 'PATH'
      ? 'on PATH'
      : `from ${settings.binSource === 'settings' ? 'ravi.bin' : 'RAVI_BIN'}`;
  checks.push(
    bin
      ? { label: 'ravi binary', ok: true, value: bin }
      : { label: 'ravi binary', ok: false, value: `${settings.bin} not found ${where}`, fix: INSTALL_HINT },
  );
  let generation: Generation | null = null;
  if (bin) {
    try {
      generation = await input.probe(bin);
      checks.push({
        label: 'ravi version',
        ok: generation.modern,
        value: `${generation.version} (${generation.modern ? 'v0.6+: JSON output, API keys' : 'v0.5 or older: JWT/auth.json model, not supported'})`,
        ...(generation.modern ? {} : { fix: UPGRADE_HINT }),
      });
    } catch (error) {
      const err = toRaviHooksError(error);
      checks.push({ label: 'ravi version', ok: false, value: err.message, fix: err.hint ?? INSTALL_HINT });
    }
  }
  if (bin && generation?.modern) checks.push(await loginCheck(input, bin));
  else if (generation && !generation.modern) {
    // NOTE: ≤0.5's `auth status` deletes ~/.ravi when the session has expired; never run it.
    checks.push({ label: 'ravi login', ok: false, value: 'not checked on ravi ≤0.5', fix: UPGRADE_HINT });
  }
  checks.push(
    key.from === 'none'
      ? { label: 'management key', ok: false, value: key.problem, fix: LOGIN_HINT }
      : {
          label: 'management key',
          ok: true,
          value: key.from === 'env' ? `from ${MANAGEMENT_KEY_ENV}` : `from ${key.where}`,
        },
  );
  const apiFrom = { settings: 'ravi.apiUrl', RAVI_HOOKS_API_URL: 'RAVI_HOOKS_API_URL', default: 'default' }[
    settings.apiUrlSource
  ];
  checks.push({
    label: 'API URL',
    ok: true,
    value: `${settings.apiUrl} (${apiFrom}; used to delete identities)`,
  });
  return { usable: checks.every((c) => c.ok), checks };
}

/**
 * `ravi auth status` for the user's own login (`~/.ravi/config.json`). It runs in an empty
 * private dir: the CLI reads `<cwd>/.ravi/config.json` first, and doctor is often run from
 * inside a provisioned workspace, whose identity key would read as "authenticated".
 */
async function loginCheck(input: StatusInput, bin: string): Promise<ProviderCheck> {
  const label = 'ravi login (~/.ravi)';
  const viaEnv = input.key.from === 'env';
  try {
    const status = await withEmptyDir(input.tmpParent, async (dir) => {
      const result = await run(bin, ['auth', 'status'], {
        cwd: dir,
        env: input.env,
        extendEnv: false,
        timeoutMs: input.settings.timeoutMs,
      });
      return parseStdout('auth status', result.stdout, authStatusSchema);
    });
    if (status.authenticated) {
      return { label, ok: true, value: `authenticated${status.email ? ` as ${status.email}` : ''}` };
    }
    const why = status.error ? 'config unreadable' : 'not authenticated';
    if (viaEnv) return { label, ok: true, value: `${why} (not needed: ${MANAGEMENT_KEY_ENV} is set)` };
    return { label, ok: false, value: why, fix: LOGIN_HINT };
  } catch (error) {
    const err = toRaviHooksError(error);
    return { label, ok: viaEnv, value: err.message, fix: err.hint ?? LOGIN_HINT };
  }
}
