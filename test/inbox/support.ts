/**
 * Helpers for the inbox tests: provisioned local workspaces, waiters that keep running
 * while the test delivers, and deliveries straight into the local store.
 */
import { deliver } from '@ravi-hooks/core';
import { type CliResult, runCli } from '../support/cli';
import type { Sandbox } from '../support/env';
import { testdir } from '../support/tmp';

export interface Workspace {
  dir: string;
  uuid: string;
  email: string;
  phone: string | null;
}

export async function workspaces(sb: Sandbox, count: number): Promise<Workspace[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const dir = testdir({ 'src/.keep': '' });
      const r = await runCli(['provision', dir, '--name', `agent ${i}`, '--json'], { env: sb.env });
      if (r.code !== 0) throw new Error(`provision failed: ${r.stderr}`);
      const p = JSON.parse(r.stdout) as { uuid: string; email: string; phone: string | null };
      return { dir, uuid: p.uuid, email: p.email, phone: p.phone };
    }),
  );
}

export interface Running {
  done: Promise<CliResult & { ms: number }>;
  exited(): boolean;
}

/** Starts the CLI and returns at once; `done` resolves when it exits. */
export function start(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Running {
  const began = Date.now();
  let exited = false;
  const done = runCli(args, options).then((result) => {
    exited = true;
    return { ...result, ms: Date.now() - began };
  });
  return { done, exited: () => exited };
}

export function send(sb: Sandbox, to: string, body: string, subject?: string) {
  return deliver(
    { to, body, from: 'Acme <no-reply@acme.example>', ...(subject ? { subject } : {}) },
    { env: sb.env },
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
