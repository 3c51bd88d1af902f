/**
 * A loopback HTTP server over the same state as the `ravi` emulator: every route of the
 * emulated API, plus `POST /__emulator__/inbound/` to deliver email/SMS to an identity.
 * Each request appends one line to `http.log`.
 *
 * Server-side conditions, so HTTP clients and the CLI are measured alike: a latency per
 * request, faults (5xx, 429 with either body style, connection reset, EOF) and the newer
 * `api_key`-on-create behaviour. `server.configure({...})` changes them while it runs.
 */
import http from 'node:http';
import { inboundRoute } from './api/messages.mjs';
import { json } from './api/respond.mjs';
import { callerKind, handleRequest } from './api/router.mjs';
import { appendLog } from './logs.mjs';
import { decideServerFault, faultResponse } from './server-faults.mjs';
import { getDeleteMode } from './settings.mjs';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * @typedef {object} ServerConditions
 * @property {number} [latencyMs] delay before each answer (after the work is done) @default 0
 * @property {number} [rate5xx] 0..1: answer 502/503; half of them after doing the work @default 0
 * @property {number} [rate429] 0..1: answer 429 without doing the work @default 0
 * @property {number} [resetRate] 0..1: do the work, then reset the connection (RST) @default 0
 * @property {number} [eofRate] 0..1: do the work, then close the connection without answering @default 0
 * @property {number} [retryAfterSeconds] the wait a 429 asks for @default 1
 * @property {'header' | 'body' | 'both' | 'mixed'} [retryAfterStyle] where a 429 says it: the
 *   `Retry-After` header, the body's `retry_after_seconds`, both, or either at random @default 'mixed'
 * @property {boolean} [apiKeyOnCreate] `POST /api/identities/` returns `api_key` @default false
 */

/**
 * @param {{ stateDir: string, host?: string, port?: number, managementScope?: 'reject' | 'account' } & ServerConditions} options
 * @returns {Promise<{ url: string, close: () => Promise<void>, configure: (c: ServerConditions) => void }>}
 */
export async function startRaviServer({
  stateDir,
  host = '127.0.0.1',
  port = 0,
  managementScope = 'reject',
  ...initial
}) {
  if (!stateDir) throw new TypeError('ravi-emulator: startRaviServer needs { stateDir }');
  if (!LOOPBACK.test(host))
    throw new TypeError(`ravi-emulator: refusing to listen on non-loopback host ${host}`);
  /** @type {ServerConditions} */
  const conditions = { ...initial };

  const server = http.createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8') || undefined;
      const fault = url.startsWith('/api/') ? decideServerFault(conditions) : null;
      // Before handling: a DELETE may revoke the very key that authenticated it.
      const caller = callerKind(stateDir, req.headers.authorization);
      let response =
        fault?.when === 'instead'
          ? faultResponse(fault, conditions)
          : answer({
              stateDir,
              method,
              url,
              body,
              managementScope,
              conditions,
              authorization: req.headers.authorization,
            });
      if (fault?.when === 'after') response = faultResponse(fault, conditions);
      const log = {
        method,
        path: url,
        status: response?.status ?? 0,
        caller,
        pid: process.pid,
        time: new Date().toISOString(),
      };
      appendLog(stateDir, 'http.log', fault ? { ...log, fault: fault.kind } : log);
      if (conditions.latencyMs) await new Promise((resolve) => setTimeout(resolve, conditions.latencyMs));
      if (fault?.kind === 'reset') return req.socket.resetAndDestroy();
      if (fault?.kind === 'eof') return req.socket.end();
      if (!response) return req.socket.destroy();
      res.writeHead(response.status, response.headers);
      res.end(response.body);
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    configure: (changes) => Object.assign(conditions, changes),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The emulated API's answer (or the inbound-message endpoint's). */
function answer({ stateDir, method, url, body, managementScope, conditions, authorization }) {
  try {
    if (url === '/__emulator__/inbound/' && method === 'POST')
      return inboundRoute(stateDir, JSON.parse(body ?? '{}'));
    return handleRequest({
      stateDir,
      method,
      url,
      authorization,
      body,
      managementScope,
      deleteMode: getDeleteMode(stateDir),
      apiKeyOnCreate: conditions.apiKeyOnCreate === true,
    });
  } catch (error) {
    if (error && typeof error === 'object' && 'status' in error)
      return json(/** @type {any} */ (error).status, /** @type {any} */ (error).body);
    return {
      status: 500,
      body: `ravi-emulator: ${/** @type {Error} */ (error).stack}`,
      headers: { 'content-type': 'text/plain' },
    };
  }
}
