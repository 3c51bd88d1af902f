/**
 * Where leases live. One small interface, so a store shared by many hosts (Postgres, for
 * orchestrators whose workspaces live in containers) can be added as a driver later; the
 * file store in the state dir is the embedded default.
 *
 * File layout: a bound lease (pending/active) is `ledger/<hash of workspace path>.json`, so a
 * workspace can never hold two and finding it is one read; a released lease (owed, retired,
 * irrevocable) is `released/<lease id>.json`. `orphans/` of ravi-hooks 0.1 is read as owed.
 *
 * NOTE: writes are reachable only through `session.ts`, which holds the workspace lock; the
 * engine hands everyone else the read-only `LeaseReader`.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { RaviHooksError } from '../errors';
import { readTextFiles, readTextIfExists, removeFile, writeSecretFile } from '../io/files';
import { type StatePaths, workspaceKey } from '../state/paths';
import { isBound, type Lease, parseLease } from './lease';

export interface LeaseList {
  leases: Lease[];
  /** State files that are not leases (torn, edited, planted): reported, never acted on. */
  corrupt: string[];
}

export interface LeaseReader {
  /** The lease bound to this workspace path, or null. Throws E_STATE on a corrupt file. */
  get(workspace: string): Promise<Lease | null>;
  /** Every lease, bound and released. */
  list(): Promise<LeaseList>;
  /** The lease (bound or released) of an identity, or null. */
  findByUuid(uuid: string): Promise<Lease | null>;
}

export interface LeaseStore extends LeaseReader {
  /** A released lease by id, or null (gone, or unreadable). */
  getReleased(id: string): Promise<Lease | null>;
  putBound(lease: Lease): Promise<void>;
  dropBound(workspace: string): Promise<void>;
  putReleased(lease: Lease): Promise<void>;
  dropReleased(id: string): Promise<void>;
}

export function fileLeaseStore(paths: StatePaths): LeaseStore {
  const { releasedDir } = paths;
  const boundFile = (workspace: string) => path.join(paths.ledgerDir, `${workspaceKey(workspace)}.json`);
  const write = (file: string, lease: Lease) => writeSecretFile(file, `${JSON.stringify(lease, null, 2)}\n`);

  const store: LeaseStore = {
    async get(workspace) {
      const file = boundFile(workspace);
      const text = await readTextIfExists(file);
      if (text === null) return null;
      const lease = parseText(text);
      // NOTE: never overwrite what we cannot read: it may be the only record of an identity
      if (lease === null || !isBound(lease) || lease.workspace !== workspace) throw corrupt(file);
      return lease;
    },
    async list() {
      const files = [
        ...(await listJson(paths.ledgerDir)),
        ...(await listJson(releasedDir)),
        ...(await listJson(paths.orphansDir)),
      ];
      const texts = await readTextFiles(files);
      const out: LeaseList = { leases: [], corrupt: [] };
      const seen = new Set<string>();
      texts.forEach((text, i) => {
        if (text === null) return;
        const lease = parseText(text);
        if (lease === null) out.corrupt.push(files[i] as string);
        else if (!seen.has(lease.id)) {
          seen.add(lease.id);
          out.leases.push(lease);
        }
      });
      return out;
    },
    async findByUuid(uuid) {
      const { leases } = await store.list();
      return leases.find((lease) => lease.uuid === uuid) ?? null;
    },
    putBound: (lease) => write(boundFile(lease.workspace), lease),
    async dropBound(workspace) {
      await removeFile(boundFile(workspace));
    },
    async getReleased(id) {
      for (const dir of [releasedDir, paths.orphansDir]) {
        const text = await readTextIfExists(path.join(dir, `${id}.json`));
        if (text !== null) return parseText(text);
      }
      return null;
    },
    putReleased: (lease) => write(path.join(releasedDir, `${lease.id}.json`), lease),
    async dropReleased(id) {
      await removeFile(path.join(releasedDir, `${id}.json`));
      await removeFile(path.join(paths.orphansDir, `${id}.json`));
    },
  };
  return store;
}

function corrupt(file: string): RaviHooksError {
  return new RaviHooksError('E_STATE', `state file ${file} is corrupt`, {
    hint: 'move it aside (it may name an identity to delete by hand), then run the command again',
  });
}

function parseText(text: string): Lease | null {
  try {
    return parseLease(JSON.parse(text));
  } catch {
    return null;
  }
}

async function listJson(dir: string): Promise<string[]> {
  try {
    const names = await fsp.readdir(dir);
    return names.filter((n) => n.endsWith('.json')).map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}
