/**
 * Fault injection, read from the environment of each `ravi` invocation. Every knob is
 * documented in the package README. Faults apply only to commands that call the API
 * (never to `version`, help, usage errors, `auth status|logout`).
 */
import { rng } from '../state/random.mjs';

/** @typedef {'help' | 'nonjson' | 'truncated' | 'empty'} OutputMode */
const OUTPUT_MODES = ['help', 'nonjson', 'truncated', 'empty'];

/**
 * @typedef {object} Faults
 * @property {number} latencyMs sleep before each API response
 * @property {number} failRate 0..1 chance of a transient failure (503 or network error)
 * @property {number} rate429 0..1 chance of a 429
 * @property {number} retryAfter seconds reported by the 429
 * @property {Set<string>} failOn command paths that always fail
 * @property {Map<string, OutputMode>} output command paths whose stdout is replaced
 * @property {number} clientTimeoutMs the CLI's HTTP timeout (30 s in the real binary)
 */

const normalize = (/** @type {string} */ command) =>
  command
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^ravi /, '');
const list = (/** @type {string | undefined} */ value) =>
  (value ?? '')
    .split(/[,;]/)
    .map(normalize)
    .filter((item) => item !== '');

function number(
  /** @type {NodeJS.ProcessEnv} */ env,
  /** @type {string} */ name,
  /** @type {number} */ fallback,
) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`ravi-emulator: ${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return value;
}

/** @returns {Faults} */
export function readFaults(env = process.env) {
  /** @type {Map<string, OutputMode>} */
  const output = new Map();
  for (const item of list(env.RAVI_EMU_OUTPUT)) {
    const eq = item.lastIndexOf('=');
    const mode = item.slice(eq + 1).trim();
    if (eq === -1 || !OUTPUT_MODES.includes(mode)) {
      throw new Error(
        `ravi-emulator: RAVI_EMU_OUTPUT entries look like "identity create=help|nonjson|truncated|empty", got ${JSON.stringify(item)}`,
      );
    }
    output.set(normalize(item.slice(0, eq)), /** @type {OutputMode} */ (mode));
  }
  return {
    latencyMs: number(env, 'RAVI_EMU_LATENCY_MS', 0),
    failRate: Math.min(1, number(env, 'RAVI_EMU_FAIL_RATE', 0)),
    rate429: Math.min(1, number(env, 'RAVI_EMU_429_RATE', 0)),
    retryAfter: Math.floor(number(env, 'RAVI_EMU_RETRY_AFTER', 1)),
    failOn: new Set(list(env.RAVI_EMU_FAIL_ON)),
    output,
    clientTimeoutMs: number(env, 'RAVI_EMU_CLIENT_TIMEOUT_MS', 30_000),
  };
}

/**
 * @typedef {{ kind: 'fail-on' } | { kind: '429' } | { kind: '503' } | { kind: 'network', variant: number }} Failure
 */

/**
 * Decides, once per invocation, whether its first API request fails (so a failed command
 * never changed state).
 * @returns {Failure | null}
 */
export function decideFailure(/** @type {Faults} */ faults, /** @type {string} */ command) {
  if (faults.failOn.has(command)) return { kind: 'fail-on' };
  if (faults.rate429 > 0 && rng() < faults.rate429) return { kind: '429' };
  if (faults.failRate > 0 && rng() < faults.failRate) {
    return rng() < 0.5 ? { kind: '503' } : { kind: 'network', variant: Math.floor(rng() * 3) };
  }
  return null;
}

/** Go's `*url.Error` op: `Get`, `Post`, `Patch`, `Delete`. */
const urlOp = (/** @type {string} */ method) => method[0] + method.slice(1).toLowerCase();

/** The error text the real CLI prints for an injected failure. */
export function failureMessage(
  /** @type {Failure} */ failure,
  /** @type {Faults} */ faults,
  /** @type {string} */ method,
  /** @type {string} */ url,
) {
  const target = `${urlOp(method)} "${url}"`;
  switch (failure.kind) {
    case 'fail-on':
      return 'API error: A server error occurred.';
    case '429':
      return faults.retryAfter > 0
        ? `Rate limited: Request was throttled. (retry in ${faults.retryAfter}s)`
        : 'Rate limited: Request was throttled.';
    case '503':
      return 'API error (status 503): upstream unavailable';
    default:
      return (
        [
          `${target}: dial tcp: lookup ravi.id: no such host`,
          `${target}: dial tcp 104.21.48.1:443: connect: connection refused`,
          `${target}: read tcp 192.168.1.23:52144->104.21.48.1:443: read: connection reset by peer`,
        ][failure.variant] ?? `${target}: dial tcp: lookup ravi.id: no such host`
      );
  }
}

/** Go's `http.Client` timeout text. */
export const timeoutMessage = (/** @type {string} */ method, /** @type {string} */ url) =>
  `${urlOp(method)} "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
