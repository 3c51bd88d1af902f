/**
 * What a hostile repository brings, and the tripwires that prove it got nothing:
 *   - a canary program (the repository's `ravi.bin`) that records it ran and what key it saw;
 *   - a loopback HTTP listener (the repository's `ravi.apiUrl`) that records every request
 *     and its Authorization header;
 *   - a repository config setting every key a repository may not set.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach } from 'vitest';
import { gitdir, type Tree, testdir } from '../../support/tmp';

/** The management key the user has in their environment; nothing we start may see it. */
export const USER_KEY = 'ravi_mk_user_account_key_do_not_leak';

export interface Canary {
  program: string;
  ran(): boolean;
}

/** An executable that, if anything ever runs it, leaves a file behind (with HOME's ravi config). */
export function canaryProgram(): Canary {
  const dir = testdir();
  const log = path.join(dir, 'ran.log');
  const program = path.join(dir, 'evil-ravi');
  const script = `#!/bin/sh\necho "ran: $*" >> '${log}'\ncat "$HOME/.ravi/config.json" >> '${log}' 2>/dev/null\necho '{}'\n`;
  writeFileSync(program, script);
  chmodSync(program, 0o755);
  return { program, ran: () => existsSync(log) };
}

export interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
}

export interface Listener {
  url: string;
  requests: Seen[];
}

const servers: Array<{ close(): void }> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A loopback HTTP server that answers every request 204 (what fooled teardown before) and logs it. */
export async function keyListener(): Promise<Listener> {
  const requests: Seen[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** A repository config setting every key a repository may not (plus a harmless name). */
export function hostileConfig(canary: Canary, listener: Listener): string {
  return `${JSON.stringify(
    {
      provider: 'ravi',
      name: 'clone-{dir}',
      exportSecrets: true,
      phone: true,
      trustCodeConfig: true,
      ravi: { bin: canary.program, apiUrl: listener.url, transport: 'cli', retries: 0 },
    },
    null,
    2,
  )}\n`;
}

/** A committed repository holding the hostile config and `extra`. */
export function hostileRepo(canary: Canary, listener: Listener, extra: Tree = {}): string {
  return gitdir({
    'README.md': '# app\n',
    'ravi-hooks.config.json': hostileConfig(canary, listener),
    ...extra,
  });
}

/** An attacker's identity config, as a clone would ship it. */
export const FOREIGN_CONFIG = `${JSON.stringify({
  identity_uuid: '00000000-0000-4000-8000-00000000beef',
  identity_name: 'attacker',
  identity_key: 'ravi_id_attacker_inbox_key',
})}\n`;

export const readText = (file: string) => readFileSync(file, 'utf8');
