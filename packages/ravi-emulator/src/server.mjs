/**
 * A loopback HTTP server over the same state as the `ravi` emulator, for the API the CLI
 * lacks, chiefly `DELETE /api/identities/<uuid>/` (Bearer management key). Every route of
 * the emulated API is served; each request appends one line to `http.log`.
 */
import http from 'node:http';
import { callerKind, handleRequest } from './api/router.mjs';
import { appendLog } from './logs.mjs';
import { getDeleteMode } from './settings.mjs';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * @param {object} options
 * @param {string} options.stateDir the emulator state directory (RAVI_EMU_STATE)
 * @param {string} [options.host] loopback only @default '127.0.0.1'
 * @param {number} [options.port] 0 picks a free port @default 0
 * @param {'reject' | 'account'} [options.managementScope] @default 'reject'
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startRaviServer({
  stateDir,
  host = '127.0.0.1',
  port = 0,
  managementScope = 'reject',
}) {
  if (!stateDir) throw new TypeError('ravi-emulator: startRaviServer needs { stateDir }');
  if (!LOOPBACK.test(host))
    throw new TypeError(`ravi-emulator: refusing to listen on non-loopback host ${host}`);

  const server = http.createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      // Before handling: a DELETE may revoke the very key that authenticated it.
      const caller = callerKind(stateDir, req.headers.authorization);
      let response;
      try {
        response = handleRequest({
          stateDir,
          method,
          url,
          authorization: req.headers.authorization,
          body: Buffer.concat(chunks).toString('utf8') || undefined,
          managementScope,
          deleteMode: getDeleteMode(stateDir),
        });
      } catch (error) {
        response = {
          status: 500,
          body: `ravi-emulator: ${/** @type {Error} */ (error).stack}`,
          headers: { 'content-type': 'text/plain' },
        };
      }
      appendLog(stateDir, 'http.log', {
        method,
        path: url,
        status: response.status,
        caller,
        pid: process.pid,
        time: new Date().toISOString(),
      });
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
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
