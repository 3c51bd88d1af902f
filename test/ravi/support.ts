/**
 * Sandboxes for ravi-provider tests: the ravi emulator (its state, its loopback HTTP API as
 * RAVI_HOOKS_API_URL), a fake HOME logged in the way `ravi auth login` leaves it, and a
 * private ravi-hooks state dir. `raviSandbox` drives the opt-in CLI transport (the emulated
 * `ravi` first on PATH); `httpSandbox` the default HTTP transport with no `ravi` anywhere on
 * PATH. Cleaned up after each test.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type HttpLogEntry,
  RAVI_BIN,
  type RaviServer,
  type ServerConditions,
} from '../../packages/ravi-emulator/src/index.mjs';
import { runCli } from '../support/cli';
import { gitEnv, testdir } from '../support/tmp';

const open: Array<{ emu: Emulator; server: RaviServer }> = [];
afterEach(async () => {
  for (const { emu, server } of open.splice(0)) {
    await server.close();
    if (process.env.KEEP_TMP === '1') console.log(`KEEP_TMP: ${emu.dir}`);
    else emu.cleanup();
  }
});

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface RaviSandbox {
  emu: Emulator;
  server: RaviServer;
  /** The emulator's HTTP API (for DELETE). */
  apiUrl: string;
  /** ravi-hooks state dir. */
  state: string;
  env: NodeJS.ProcessEnv;
  globalConfig: string;
  /** Throws unless `$HOME/.ravi/config.json` is byte-identical and keeps its mode. */
  assertGlobalUntouched(): void;
  /** argv of every `ravi` invocation so far. */
  invocations(): string[][];
  /** Puts `fixtures/<name>` first on PATH as `ravi` (wrapping the emulator). */
  wrapWith(name: string, env?: Record<string, string>): void;
}

/** The CLI transport (`RAVI_HOOKS_TRANSPORT=cli`), the emulated `ravi` first on PATH. */
export function raviSandbox(options: EmulatorOptions = {}): Promise<RaviSandbox> {
  return sandbox(options, {}, 'cli');
}

export interface HttpSandbox extends RaviSandbox {
  /** Every request the API server saw, in order (method, path, status, caller, fault). */
  requests(): HttpLogEntry[];
}

/** The default HTTP transport; no `ravi` on PATH at all (provisioning must not need one). */
export async function httpSandbox(
  options: EmulatorOptions = {},
  server: ServerConditions = {},
): Promise<HttpSandbox> {
  const sb = await sandbox(options, server, 'http');
  return { ...sb, requests: () => sb.emu.httpLog() };
}

async function sandbox(
  options: EmulatorOptions,
  conditions: ServerConditions,
  transport: 'cli' | 'http',
): Promise<RaviSandbox> {
  const root = testdir({ state: null, config: null });
  const emu = createEmulator(options);
  const server = await emu.startServer(conditions);
  open.push({ emu, server });
  const globalConfig = path.join(emu.home, '.ravi', 'config.json');
  const before = readFileSync(globalConfig);
  const mode = statSync(globalConfig).mode;
  const state = path.join(root, 'state');
  const env: NodeJS.ProcessEnv = {
    ...gitEnv(emu.home),
    ...emu.env,
    RAVI_HOOKS_STATE_DIR: state,
    XDG_CONFIG_HOME: path.join(root, 'config'),
    RAVI_HOOKS_PROVIDER: 'ravi',
    RAVI_HOOKS_API_URL: server.url,
    RAVI_HOOKS_MANAGEMENT_KEY: '',
    RAVI_HOOKS_RETRY_WAIT_MAX_MS: '',
    RAVI_HOOKS_SHIM_DIR: '',
    RAVI_HOOKS_FAULT: '',
    RAVI_CONFIG_DIR: '',
    RAVI_BIN: '',
    RAVI_HOOKS_TRANSPORT: transport,
  };
  if (transport === 'http') env.PATH = withoutRavi(process.env.PATH ?? '');
  return {
    emu,
    server,
    apiUrl: server.url,
    state,
    env,
    globalConfig,
    assertGlobalUntouched() {
      if (!readFileSync(globalConfig).equals(before)) throw new Error('$HOME/.ravi/config.json was modified');
      if (statSync(globalConfig).mode !== mode) throw new Error('$HOME/.ravi/config.json changed mode');
    },
    invocations: () => emu.argv().map((entry) => entry.argv),
    wrapWith(name, extra = {}) {
      const dir = path.join(root, 'wrapped-bin');
      mkdirSync(dir, { recursive: true });
      copyFileSync(path.join(FIXTURES, name), path.join(dir, 'ravi'));
      chmodSync(path.join(dir, 'ravi'), 0o755);
      env.PATH = `${dir}${path.delimiter}${env.PATH}`;
      Object.assign(env, { RAVI_EMU_BIN: RAVI_BIN }, extra);
    },
  };
}

/** PATH minus every directory holding a `ravi`, so a test proves none is needed. */
function withoutRavi(pathVar: string): string {
  return pathVar
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !existsSync(path.join(dir, 'ravi')))
    .join(path.delimiter);
}

/** Counts invocations by their first two arguments, e.g. `{ 'identity create': 2, version: 1 }`. */
export function countByCommand(argvs: string[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const argv of argvs) {
    const key = argv
      .filter((a) => !a.startsWith('-'))
      .slice(0, 2)
      .join(' ');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export const json = (text: string) => JSON.parse(text);

export interface Provisioned {
  uuid: string;
  name: string;
  email: string;
  phone: string | null;
}

/** `ravi-hooks provision DIR --json`, which must succeed silently; returns its result. */
export async function provisionOk(sb: RaviSandbox, dir: string, args: string[] = []): Promise<Provisioned> {
  const r = await runCli(['provision', dir, '--json', ...args], { env: sb.env });
  if (r.code !== 0 || r.stderr !== '') throw new Error(`provision failed (${r.code}): ${r.stderr}`);
  return json(r.stdout);
}
