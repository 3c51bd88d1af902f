/**
 * One emulator sandbox per test, removed afterwards unless KEEP_TMP=1 (then its path is
 * printed so you can look inside).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createEmulator, type Emulator, type EmulatorOptions, type RunResult } from '../src/index.mjs';

const live: Emulator[] = [];

afterEach(() => {
  for (const emu of live.splice(0)) {
    if (process.env.KEEP_TMP === '1') console.log(`KEEP_TMP: ${emu.dir}`);
    else emu.cleanup();
  }
});

export function emulator(options?: EmulatorOptions): Emulator {
  const emu = createEmulator(options);
  live.push(emu);
  return emu;
}

/** A directory inside the sandbox, e.g. an agent workspace. */
export function workspace(emu: Emulator, name = 'workspace'): string {
  const dir = path.join(emu.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The CLI's Identity JSON. */
export interface IdentityJson {
  uuid: string;
  name: string;
  inbox: string;
  phone: string;
  created_dt: string;
  updated_dt: string;
}

/** A secret or password entry as printed by the CLI. */
export type EntryJson = Record<string, unknown> & { uuid: string };

/** Parses stdout that must be exactly one JSON document. */
export function stdoutJson<T = Record<string, unknown>>(result: RunResult): T {
  if (result.code !== 0) throw new Error(`ravi exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Parses the `{"error": …}` document a runtime error prints on stderr. */
export function stderrError(result: RunResult): string {
  return (JSON.parse(result.stderr) as { error: string }).error;
}

/** Creates an identity through the CLI and returns its JSON. */
export async function createIdentity(emu: Emulator, args: string[] = []) {
  return stdoutJson<IdentityJson>(await emu.run(['identity', 'create', ...args]));
}

/**
 * Creates an identity server-side and selects it in HOME's config, leaving the same file
 * `ravi identity use` would, without spending two process spawns (for tests about other
 * commands; identity.test.ts covers the real `identity use`).
 */
export function selectNewIdentity(
  emu: Emulator,
  options: { name?: string; provisionPhone?: boolean } = {},
): IdentityJson {
  const identity = emu.createIdentity(options);
  emu.writeConfig(emu.home, {
    management_key: emu.managementKey,
    identity_key: emu.mintIdentityKey(identity.uuid),
    identity_uuid: identity.uuid,
    identity_name: identity.name,
    user_email: emu.accountEmail,
  });
  return identity;
}

export const readJsonFile = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
export const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
