/**
 * Types for @ravi-hooks/ravi-emulator (test tooling). The implementation is plain ESM
 * JavaScript in ./index.mjs; see README.md for the behaviour and every environment variable.
 */

/** How `DELETE /api/identities/<uuid>/` answers: 204, 403, 404 HTML (no such route), or 405. */
export type DeleteMode = 'ok' | 'refuse' | 'missing' | 'not-allowed';

/** What RAVI_EMU_OUTPUT makes a command print instead of its JSON (it still exits 0). */
export type OutputMode = 'help' | 'nonjson' | 'truncated' | 'empty';

export interface EmulatorOptions {
  /** Parent directory for `state/`, `home/`, `bin/`. @default a fresh mkdtemp under os.tmpdir() */
  dir?: string;
  /** RAVI_EMU_LATENCY_MS: sleep before each API response. @default 0 */
  latencyMs?: number;
  /** RAVI_EMU_FAIL_RATE: 0..1 chance a command fails transiently (503 or network error), no state change. @default 0 */
  failRate?: number;
  /** RAVI_EMU_429_RATE: 0..1 chance a command is rate limited, no state change. @default 0 */
  rate429?: number;
  /** RAVI_EMU_RETRY_AFTER: seconds in the 429 message; 0 omits "(retry in Ns)". @default 1 */
  retryAfter?: number;
  /** RAVI_EMU_FAIL_ON: command paths (e.g. "identity use") that always fail with an API error. */
  failOn?: string | string[];
  /** RAVI_EMU_OUTPUT: per command path, replace stdout (the command still runs and exits 0). */
  output?: Record<string, OutputMode>;
  /** RAVI_EMU_SEED: makes names, passwords and fault decisions reproducible across runs. */
  seed?: string | number;
  /** RAVI_EMU_VERSION: e.g. "v0.5.2" for the old generation (plain-text output, `--json` flag). @default "v0.6.2" */
  version?: string;
  /** RAVI_EMU_MANAGEMENT_SCOPE: what identity-scoped commands do with only a management key. @default "reject" */
  managementScope?: 'reject' | 'account';
  /** RAVI_EMU_CLIENT_TIMEOUT_MS: the CLI's HTTP timeout (30 s in the real binary). @default 30000 */
  clientTimeoutMs?: number;
  /** Initial delete mode of the HTTP server (file-backed; see setDeleteMode). @default "ok" */
  deleteMode?: DeleteMode;
  /** The account's login email (also `user_email` in the config). @default "owner@example.test" */
  accountEmail?: string;
  /** Owner name returned by `ravi get owner`. @default "Test" / "Owner" */
  firstName?: string;
  lastName?: string;
  /** "free" makes `--provision-phone` and `sso token` fail with 402. @default "paid" */
  plan?: 'paid' | 'free';
  /** Extra verified custom email domains (the platform domain is always `mail.ravi.test`). */
  domains?: string[];
}

/** The server's JSON for an identity, plus the owning account's uuid. */
export interface EmulatedIdentity {
  uuid: string;
  name: string;
  inbox: string;
  phone: string;
  created_dt: string;
  updated_dt: string;
  account?: string;
}

/** One line of `$RAVI_EMU_STATE/argv.log` (key-shaped strings are masked). */
export interface ArgvEntry {
  argv: string[];
  cwd: string;
  home: string | null;
  /** The config file this invocation resolves (cwd first, then HOME), or null if neither exists. */
  configPath: string | null;
  pid: number;
  time: string;
  version: string;
}

/** One line of `$RAVI_EMU_STATE/http.log`. */
export interface HttpLogEntry {
  method: string;
  path: string;
  status: number;
  caller: 'none' | 'invalid' | 'management' | 'identity';
  pid: number;
  time: string;
  /** Set when the server injected a fault into this request. */
  fault?: '5xx' | '429' | 'reset' | 'eof';
}

export interface RunResult {
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Conditions of the HTTP server, applied per request (see server.mjs). */
export interface ServerConditions {
  /** Delay before each answer, after the work is done. @default 0 */
  latencyMs?: number;
  /** 0..1: 502/503; half of them after the work was done. @default 0 */
  rate5xx?: number;
  /** 0..1: 429 instead of the work. @default 0 */
  rate429?: number;
  /** 0..1: the work is done, then the connection is reset. @default 0 */
  resetRate?: number;
  /** 0..1: the work is done, then the connection closes without an answer. @default 0 */
  eofRate?: number;
  /** The wait a 429 asks for. @default 1 */
  retryAfterSeconds?: number;
  /** Where a 429 says it: header, body (`retry_after_seconds`), both, or mixed at random. @default "mixed" */
  retryAfterStyle?: 'header' | 'body' | 'both' | 'mixed';
  /** `POST /api/identities/` answers with the one-time `api_key` (newer servers). @default false */
  apiKeyOnCreate?: boolean;
}

export interface RaviServer {
  /** e.g. `http://127.0.0.1:43121` */
  url: string;
  /** Changes the conditions while the server runs. */
  configure(conditions: ServerConditions): void;
  close(): Promise<void>;
}

/** A received message as the emulator stores it. */
export interface StoredMessage {
  pk: number;
  identity: string;
  channel: 'email' | 'sms';
  from: string;
  to: string;
  subject: string;
  body: string;
  created_dt: string;
}

export interface RaviConfig {
  management_key: string;
  identity_key: string;
  identity_uuid: string;
  identity_name: string;
  user_email: string;
}

export interface StoredEntry {
  uuid: string;
  identity: number | null;
  created_dt: string;
  updated_dt: string;
  [field: string]: unknown;
}

export interface Emulator {
  dir: string;
  /** RAVI_EMU_STATE */
  stateDir: string;
  /** Fake HOME holding `.ravi/config.json` = {management_key, user_email} (0600 in 0700). */
  home: string;
  /** Holds `ravi` (a symlink to the emulator): put it first on PATH. */
  binDir: string;
  /** Absolute path of `${binDir}/ravi`. */
  ravi: string;
  managementKey: string;
  accountEmail: string;
  accountUuid: string;
  /** `{ PATH: binDir + ':' + process.env.PATH, HOME: home, RAVI_EMU_STATE: stateDir, ...fault vars }` */
  env: Record<string, string>;
  /** This account's live identities, oldest first. */
  identities(): EmulatedIdentity[];
  /** This account's identities removed through the HTTP DELETE endpoint. */
  deletedIdentities(): EmulatedIdentity[];
  secrets(identityUuid: string): StoredEntry[];
  passwords(identityUuid: string): StoredEntry[];
  argv(): ArgvEntry[];
  httpLog(): HttpLogEntry[];
  setDeleteMode(mode: DeleteMode): void;
  /** Delivers an inbound email to the identity (read back with `GET /api/email-messages/`). */
  receiveEmail(
    identityUuid: string,
    message: { from: string; subject?: string; body: string },
  ): StoredMessage;
  /** Delivers an inbound SMS to the identity's number (`GET /api/messages/`). */
  receiveSms(identityUuid: string, message: { from: string; body: string }): StoredMessage;
  /** Creates an identity server-side (no CLI run, no argv.log line). */
  createIdentity(options?: { name?: string; email?: string; provisionPhone?: boolean }): EmulatedIdentity;
  /** Mints an identity key (what `ravi identity use` stores as identity_key). */
  mintIdentityKey(identityUuid: string): string;
  /** A second account in the same state, e.g. to test "another account's identity". */
  createOtherAccount(options?: { email?: string; plan?: 'paid' | 'free' }): {
    accountUuid: string;
    managementKey: string;
    createIdentity(name?: string): EmulatedIdentity;
  };
  /** Writes `<dir>/.ravi/config.json` as the CLI encodes it (0600 in a 0700 dir); returns its path. */
  writeConfig(dir: string, config: Partial<RaviConfig>): string;
  startServer(options?: { host?: string; port?: number } & ServerConditions): Promise<RaviServer>;
  /** Runs `ravi` with `env` (plus `options.env`), argument array, no shell. */
  run(
    args: string[],
    options?: { cwd?: string; env?: Record<string, string>; input?: string },
  ): Promise<RunResult>;
  /** Removes everything this emulator created. */
  cleanup(): void;
}

export function createEmulator(options?: EmulatorOptions): Emulator;

/** Starts the loopback HTTP server over an existing state directory. */
export function startRaviServer(
  options: {
    stateDir: string;
    /** Loopback only. @default "127.0.0.1" */
    host?: string;
    /** @default 0 (a free port) */
    port?: number;
    managementScope?: 'reject' | 'account';
  } & ServerConditions,
): Promise<RaviServer>;

export function receiveMessage(
  stateDir: string,
  message: { identity: string; channel: 'email' | 'sms'; from: string; subject?: string; body: string },
): StoredMessage;

export function setDeleteMode(stateDir: string, mode: DeleteMode): void;
export function getDeleteMode(stateDir: string, env?: NodeJS.ProcessEnv): DeleteMode;
export function writeRaviConfig(dir: string, config: Partial<RaviConfig>): string;
export function runRavi(
  bin: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string },
): Promise<RunResult>;
export function readLog(stateDir: string, name: 'argv.log'): ArgvEntry[];
export function readLog(stateDir: string, name: 'http.log'): HttpLogEntry[];
/** Absolute path of the emulator executable (`bin/ravi`). */
export const RAVI_BIN: string;
