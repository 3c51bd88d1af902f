/**
 * `createEmulator()`: a ready-to-use sandbox for one test: a state directory with one
 * account, a fake HOME logged in exactly as `ravi auth login` leaves it, a bin directory
 * holding `ravi`, and the environment that ties them together.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { identityJson } from './api/identities.mjs';
import { receiveMessage } from './api/messages.mjs';
import { handleRequest } from './api/router.mjs';
import { encodeConfig } from './cli/config.mjs';
import { readLog } from './logs.mjs';
import { startRaviServer } from './server.mjs';
import { setDeleteMode } from './settings.mjs';
import { listEntries } from './state/entries.mjs';
import { createAccount, listDeletedIdentities, listIdentities } from './state/store.mjs';

export const RAVI_BIN = fileURLToPath(new URL('../bin/ravi', import.meta.url));

/** Public view of an identity: the server's JSON plus its account. */
const publicIdentity = (/** @type {import('./state/store.mjs').IdentityRecord} */ i) => ({
  ...identityJson(i),
  account: i.account,
});

/** Environment variables for the fault options (see README). */
function faultEnv(/** @type {import('./index.js').EmulatorOptions} */ o) {
  /** @type {Record<string, string | undefined>} */
  const env = {
    RAVI_EMU_LATENCY_MS: o.latencyMs?.toString(),
    RAVI_EMU_FAIL_RATE: o.failRate?.toString(),
    RAVI_EMU_429_RATE: o.rate429?.toString(),
    RAVI_EMU_RETRY_AFTER: o.retryAfter?.toString(),
    RAVI_EMU_FAIL_ON: o.failOn === undefined ? undefined : [o.failOn].flat().join(','),
    RAVI_EMU_OUTPUT:
      o.output === undefined
        ? undefined
        : Object.entries(o.output)
            .map(([cmd, mode]) => `${cmd}=${mode}`)
            .join(','),
    RAVI_EMU_SEED: o.seed?.toString(),
    RAVI_EMU_VERSION: o.version,
    RAVI_EMU_MANAGEMENT_SCOPE: o.managementScope,
    RAVI_EMU_CLIENT_TIMEOUT_MS: o.clientTimeoutMs?.toString(),
  };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

/**
 * Writes `<dir>/.ravi/config.json` (dir 0700, file 0600) the way the CLI encodes it.
 * @param {string} dir a HOME or workspace directory
 * @param {Partial<import('./cli/config.mjs').Config>} config
 */
export function writeRaviConfig(dir, config) {
  const raviDir = path.join(dir, '.ravi');
  fs.mkdirSync(raviDir, { recursive: true, mode: 0o700 });
  const file = path.join(raviDir, 'config.json');
  fs.writeFileSync(file, encodeConfig(config), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}

/** @param {import('./index.js').EmulatorOptions} [options] @returns {import('./index.js').Emulator} */
export function createEmulator(options = {}) {
  const ownsDir = options.dir === undefined;
  const dir = options.dir ?? fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ravi-emu-')));
  const stateDir = path.join(dir, 'state');
  const home = path.join(dir, 'home');
  const binDir = path.join(dir, 'bin');
  for (const d of [stateDir, home, binDir]) fs.mkdirSync(d, { recursive: true });
  const link = path.join(binDir, 'ravi');
  if (!fs.existsSync(link)) fs.symlinkSync(RAVI_BIN, link);

  const accountEmail = options.accountEmail ?? 'owner@example.test';
  const { account, managementKey } = createAccount(stateDir, {
    email: accountEmail,
    firstName: options.firstName,
    lastName: options.lastName,
    plan: options.plan,
    domains: options.domains,
  });
  writeRaviConfig(home, { management_key: managementKey, user_email: accountEmail });
  if (options.deleteMode) setDeleteMode(stateDir, options.deleteMode);

  const env = {
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    RAVI_EMU_STATE: stateDir,
    ...faultEnv(options),
  };

  /** Calls the emulated API in-process with this account's management key. */
  const api = (
    /** @type {string} */ method,
    /** @type {string} */ url,
    /** @type {unknown} */ body,
    key = managementKey,
  ) => {
    const res = handleRequest({
      stateDir,
      method,
      url,
      authorization: `Bearer ${key}`,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 400) throw new Error(`ravi-emulator: ${method} ${url} → ${res.status} ${res.body}`);
    return res.body ? JSON.parse(res.body) : undefined;
  };

  return {
    dir,
    stateDir,
    home,
    binDir,
    ravi: link,
    managementKey,
    accountEmail,
    accountUuid: account.uuid,
    env,
    identities: () => listIdentities(stateDir, account.uuid).map(publicIdentity),
    deletedIdentities: () =>
      listDeletedIdentities(stateDir)
        .filter((i) => i.account === account.uuid)
        .map(publicIdentity),
    secrets: (identityUuid) => listEntries(stateDir, 'secrets', [identityUuid]),
    passwords: (identityUuid) => listEntries(stateDir, 'passwords', [identityUuid]),
    argv: () => readLog(stateDir, 'argv.log'),
    httpLog: () => readLog(stateDir, 'http.log'),
    setDeleteMode: (mode) => setDeleteMode(stateDir, mode),
    receiveEmail: (identityUuid, m) =>
      receiveMessage(stateDir, { identity: identityUuid, channel: 'email', ...m }),
    receiveSms: (identityUuid, m) =>
      receiveMessage(stateDir, { identity: identityUuid, channel: 'sms', ...m }),
    createIdentity: (o = {}) =>
      api('POST', '/api/identities/', {
        ...(o.name ? { name: o.name } : {}),
        ...(o.email ? { email: o.email } : {}),
        ...(o.provisionPhone ? { provision_phone: true } : {}),
      }),
    mintIdentityKey: (identityUuid) =>
      api('POST', '/api/auth/keys/identity/', { identity_uuid: identityUuid, label: 'test' }).key,
    createOtherAccount: (o = {}) => {
      const other = createAccount(stateDir, {
        email: o.email ?? `other-${Date.now()}@example.test`,
        plan: o.plan,
      });
      return {
        accountUuid: other.account.uuid,
        managementKey: other.managementKey,
        createIdentity: (name) => api('POST', '/api/identities/', name ? { name } : {}, other.managementKey),
      };
    },
    writeConfig: (targetDir, config) => writeRaviConfig(targetDir, config),
    startServer: (o = {}) => startRaviServer({ stateDir, ...o }),
    run: (args, o = {}) => runRavi(link, args, { ...o, env: { ...env, ...o.env } }),
    cleanup: () => {
      if (ownsDir) fs.rmSync(dir, { recursive: true, force: true });
      else for (const d of [stateDir, home, binDir]) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

/**
 * Spawns `ravi` with an argument array (no shell) and collects its output.
 * @param {string} bin
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string>, input?: string }} options
 * @returns {Promise<import('./index.js').RunResult>}
 */
export function runRavi(bin, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
