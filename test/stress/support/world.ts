/**
 * The invariants every stress run must end in, checked from the outside (files on disk
 * and the provider's own store), never through ravi-hooks itself:
 *   - each workspace is either fully provisioned (config valid, ledger record active with
 *     the same uuid, identity alive) or clean (byte-identical to how the test made it);
 *   - each live identity is bound to exactly one workspace; no workspace has two;
 *   - the ledger holds nothing else, no deletion is still owed;
 *   - no temp file is left anywhere (state `tmp/`, probe dirs, atomic-write temps).
 * Returns the problems as sentences, so a failing run says what went wrong where.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Snapshot = Map<string, string>;

/** Every file and directory under `root` (relative path → content, or '<dir>' / '<link>'). */
export function snapshot(root: string): Snapshot {
  const out: Snapshot = new Map();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out.set(rel, '<link>');
      else if (stat.isDirectory()) {
        out.set(rel, '<dir>');
        walk(full);
      } else out.set(rel, readFileSync(full, 'latin1'));
    }
  };
  walk(root);
  return out;
}

export interface World {
  /** ravi-hooks' state dir (RAVI_HOOKS_STATE_DIR). */
  state: string;
  /** Each workspace with the snapshot taken right after the test created it. */
  workspaces: Map<string, Snapshot>;
  /** uuids of the identities the provider holds now (the local store or the emulator). */
  liveIdentities: string[];
}

const ledgerFile = (state: string, workspace: string) =>
  path.join(state, 'ledger', `${createHash('sha256').update(workspace).digest('hex').slice(0, 32)}.json`);

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const list = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

/**
 * Temp entries: ours are `…ravi-hooks-<pid>-…` (packages/core/src/io/atomic.ts); a plain
 * `<target>.<uint32>` is what write-file-atomic, used before, left behind.
 */
const tempName = /ravi-hooks-\d+-|\.\d+$/;

export function worldProblems(world: World): string[] {
  const problems: string[] = [];
  const live = new Set(world.liveIdentities);
  const bound = new Map<string, string>();
  let provisioned = 0;

  for (const [ws, before] of world.workspaces) {
    const config = path.join(ws, '.ravi', 'config.json');
    if (!existsSync(path.join(ws, '.ravi'))) {
      if (existsSync(ledgerFile(world.state, ws)))
        problems.push(`${ws}: clean but still has a ledger record`);
      const after = snapshot(ws);
      for (const [rel, content] of after)
        if (before.get(rel) !== content) problems.push(`${ws}: ${rel} is new or changed`);
      for (const rel of before.keys()) if (!after.has(rel)) problems.push(`${ws}: ${rel} disappeared`);
      continue;
    }
    const extra = list(path.join(ws, '.ravi')).filter((n) => n !== 'config.json');
    if (extra.length > 0) problems.push(`${ws}: .ravi holds leftovers ${extra.join(', ')}`);
    let uuid: string | undefined;
    try {
      uuid = (readJson(config) as { identity_uuid?: string }).identity_uuid;
    } catch {
      problems.push(`${ws}: .ravi/config.json is missing or half-written`);
      continue;
    }
    if (!uuid) {
      problems.push(`${ws}: config has no identity_uuid`);
      continue;
    }
    provisioned += 1;
    const other = bound.get(uuid);
    if (other) problems.push(`${uuid} is bound to two workspaces: ${other} and ${ws}`);
    bound.set(uuid, ws);
    if (!live.has(uuid)) problems.push(`${ws}: its identity ${uuid} does not exist`);
    const record = existsSync(ledgerFile(world.state, ws))
      ? (readJson(ledgerFile(world.state, ws)) as { state: string; uuid: string | null })
      : null;
    if (record === null) problems.push(`${ws}: provisioned but has no ledger record`);
    else if (record.state !== 'active' || record.uuid !== uuid)
      problems.push(`${ws}: ledger says ${record.state}/${record.uuid}, config says ${uuid}`);
    for (const rel of before.keys())
      if (!existsSync(path.join(ws, rel))) problems.push(`${ws}: ${rel} disappeared`);
    for (const name of list(ws))
      if (tempName.test(name) || name.startsWith('.ravi-hooks-probe-'))
        problems.push(`${ws}: temp entry ${name} left behind`);
  }

  for (const uuid of live) if (!bound.has(uuid)) problems.push(`identity ${uuid} is orphaned (no workspace)`);
  const records = list(path.join(world.state, 'ledger'));
  const jsonRecords = records.filter((n) => n.endsWith('.json'));
  if (jsonRecords.length !== provisioned)
    problems.push(`ledger holds ${jsonRecords.length} records for ${provisioned} provisioned workspaces`);
  const owed = list(path.join(world.state, 'orphans')).filter((n) => n.endsWith('.json'));
  if (owed.length > 0) problems.push(`${owed.length} deletions are still owed`);
  problems.push(...tempProblems(world.state));
  return problems;
}

/** Temp files anywhere in the state dir: `tmp/` entries and atomic-write leftovers. */
function tempProblems(state: string): string[] {
  const problems: string[] = [];
  for (const name of list(path.join(state, 'tmp'))) problems.push(`state tmp/${name} left behind`);
  for (const dir of ['ledger', 'orphans', 'local/identities']) {
    for (const name of list(path.join(state, dir)))
      if (tempName.test(name)) problems.push(`temp file ${dir}/${name} left behind`);
  }
  return problems;
}

/** uuids in the local provider's store. */
export function localIdentities(state: string): string[] {
  return list(path.join(state, 'local', 'identities'))
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length));
}
