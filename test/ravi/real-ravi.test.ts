/**
 * Opt-in smoke test against a REAL installed `ravi` and the real Ravi API:
 *
 *   RAVI_HOOKS_REAL_RAVI=1 pnpm exec vitest run test/ravi/real-ravi.test.ts
 *
 * It creates one identity named `ravi-hooks-smoke-<random>` and tears it down again. The
 * management key comes from RAVI_HOOKS_MANAGEMENT_KEY or (read only) your ~/.ravi/config.json;
 * the test itself runs with a temp HOME and state dir. RAVI_BIN selects the binary.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runProcess } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { json } from './support';

const enabled = process.env.RAVI_HOOKS_REAL_RAVI === '1';

function managementKey(): string | undefined {
  if (process.env.RAVI_HOOKS_MANAGEMENT_KEY) return process.env.RAVI_HOOKS_MANAGEMENT_KEY;
  try {
    return JSON.parse(readFileSync(path.join(os.homedir(), '.ravi/config.json'), 'utf8')).management_key;
  } catch {
    return undefined;
  }
}

describe.skipIf(!enabled)('smoke: the real ravi CLI and API (RAVI_HOOKS_REAL_RAVI=1)', () => {
  it('provisions, authenticates ravi in the workspace and through the shim, and tears down', async () => {
    const key = managementKey();
    expect(key, 'set RAVI_HOOKS_MANAGEMENT_KEY or run `ravi auth login`').toBeTruthy();
    const root = testdir({ home: null, state: null });
    const env: NodeJS.ProcessEnv = {
      HOME: path.join(root, 'home'),
      RAVI_HOOKS_STATE_DIR: path.join(root, 'state'),
      XDG_CONFIG_HOME: path.join(root, 'home/.config'),
      RAVI_HOOKS_PROVIDER: 'ravi',
      RAVI_HOOKS_MANAGEMENT_KEY: key,
      RAVI_CONFIG_DIR: '',
    };
    const doctor = await runCli(['doctor'], { cwd: root, env });
    expect(doctor.code, doctor.stdout).toBe(0);

    const repo = gitdir();
    const name = `ravi-hooks-smoke-${randomBytes(3).toString('hex')}`;
    const provisioned = await runCli(['provision', repo, '--name', name, '--json'], {
      env,
      timeoutMs: 120_000,
    });
    expect(provisioned.code, provisioned.stderr).toBe(0);
    const out = json(provisioned.stdout);
    try {
      const config = json(readFileSync(path.join(repo, '.ravi/config.json'), 'utf8'));
      expect(config.management_key).toBeUndefined();
      const ravi = process.env.RAVI_BIN || 'ravi';
      const email = await runProcess(ravi, ['get', 'email'], { cwd: repo, env });
      expect(email.code, email.stderr).toBe(0);
      expect(json(email.stdout).email).toBe(out.email);
      const nested = path.join(repo, 'a/b');
      mkdirSync(nested, { recursive: true });
      const viaShim = await runCli(['exec', '--', 'ravi', 'get', 'email'], { cwd: nested, env });
      expect(viaShim.code, viaShim.stderr).toBe(0);
      expect(json(viaShim.stdout).email).toBe(out.email);
    } finally {
      const torn = await runCli(['teardown', repo, '--json'], { env, timeoutMs: 120_000 });
      expect(torn.code, torn.stderr).toBe(0);
      const result = json(torn.stdout);
      // NOTE: the delete endpoint is documented but unverified; an honest "not deleted" is
      // acceptable here, a silent one is not.
      if (!result.identityDeleted) {
        console.warn(`smoke: ${name} (${out.uuid}) NOT deleted: ${result.reason}`);
        expect(result.reason).toBeTruthy();
      }
    }
  });
});
