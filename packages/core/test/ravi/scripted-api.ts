/**
 * A throwaway loopback API that answers each request with the next scripted response and
 * records what it was asked, for the HTTP transport's unit specs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { Api } from '../../src/providers/ravi/http/api';

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

export interface Scripted {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface Seen {
  /** `METHOD /path?query` */
  line: string;
  authorization: string | undefined;
  body: string;
}

export async function scriptedApi(responses: Scripted[]) {
  const seen: Seen[] = [];
  /** The same requests as `METHOD /path` lines and Authorization headers (live arrays). */
  const lines: string[] = [];
  const auth: Array<string | undefined> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ line: `${req.method} ${req.url}`, authorization: req.headers.authorization, body });
      lines.push(`${req.method} ${req.url}`);
      auth.push(req.headers.authorization);
      const next = responses.shift() ?? { status: 500 };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(next.body ?? '');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const target: Api = { apiUrl: url, timeoutMs: 2000, policy: { retries: 2, maxWaitMs: 20 } };
  const close = () => Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  return { target, seen, lines, auth, close };
}
