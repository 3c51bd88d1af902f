/**
 * `internal/api/client.go`: sends each request to the emulated API (in-process, same state
 * as the HTTP server) and turns responses into the CLI's exact error texts. Fault injection
 * happens here, because only commands that reach the API can see it.
 */
import { handleRequest } from '../api/router.mjs';
import { goMarshal } from '../go/json.mjs';
import { CliError } from './errors.mjs';
import { decideFailure, failureMessage, timeoutMessage } from './faults.mjs';

export const API_BASE_URL = 'https://ravi.id';

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {object} Session what every client of one invocation shares
 * @property {string} stateDir
 * @property {string} command e.g. `identity create`
 * @property {import('./faults.mjs').Faults} faults
 * @property {'reject' | 'account'} managementScope
 * @property {boolean} [failureDecided]
 */

export class Client {
  /** @param {Session} session @param {string} apiKey empty means "send no Authorization header" */
  constructor(session, apiKey) {
    this.session = session;
    this.apiKey = apiKey;
  }

  /**
   * `doAuthenticatedRequest` + `parseResponse`.
   * @param {'GET' | 'POST' | 'PATCH' | 'DELETE'} method
   * @param {string} path
   * @param {unknown} [body]
   * @returns {Promise<unknown>} the decoded JSON body (undefined when empty)
   */
  async request(method, path, body) {
    const { session } = this;
    const { faults } = session;
    const url = API_BASE_URL + path;

    if (!session.failureDecided) {
      session.failureDecided = true;
      const failure = decideFailure(faults, session.command);
      if (failure) {
        await sleep(Math.min(faults.latencyMs, faults.clientTimeoutMs));
        throw new CliError(failureMessage(failure, faults, method, url));
      }
    }

    // NOTE: when the server is slower than the client's timeout, the server still does the
    // work; the client just stops waiting. That is the dangerous real-world case (e.g. an
    // identity created although `ravi` reported an error), so it is reproduced.
    const response = handleRequest({
      stateDir: session.stateDir,
      method,
      url: path,
      authorization: this.apiKey ? `Bearer ${this.apiKey}` : undefined,
      body: body === undefined ? undefined : goMarshal(body),
      managementScope: session.managementScope,
    });
    if (faults.latencyMs > faults.clientTimeoutMs) {
      await sleep(faults.clientTimeoutMs);
      throw new CliError(timeoutMessage(method, url));
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    return parseResponse(response);
  }
}

/** @param {import('../api/respond.mjs').ApiResponse} response */
function parseResponse(response) {
  const { status, body, headers } = response;
  /** @type {any} */
  let parsed;
  try {
    parsed = body === '' ? undefined : JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (status === 429) {
    const detail =
      typeof parsed?.detail === 'string' && parsed.detail !== '' ? parsed.detail : 'Request was throttled.';
    let retry = Number.isInteger(parsed?.retry_after_seconds) ? parsed.retry_after_seconds : 0;
    if (retry === 0 && /^\d+$/.test(headers['retry-after'] ?? '')) retry = Number(headers['retry-after']);
    throw new CliError(
      retry > 0 ? `Rate limited: ${detail} (retry in ${retry}s)` : `Rate limited: ${detail}`,
    );
  }
  if (status >= 400) {
    if (typeof parsed?.detail === 'string' && parsed.detail !== '')
      throw new CliError(`API error: ${parsed.detail}`);
    throw new CliError(`API error (status ${status}): ${body}`);
  }
  return parsed;
}
