/**
 * The ledger: which identity this machine created for which workspace. One file per
 * workspace (keyed by a hash of its absolute path) written atomically, so concurrent
 * provisions of different workspaces never contend, and a workspace can never hold two
 * records. Identities whose deletion is owed live in `orphans/` until gc succeeds.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { RaviHooksError } from '../errors';
import { readTextFiles, readTextIfExists, removeFile, writeSecretFile } from '../io/files';
import { type StatePaths, workspaceKey } from './paths';
import { type LedgerRecord, type OrphanRecord, orphanSchema, recordSchema } from './records';

export class Ledger {
  constructor(readonly paths: StatePaths) {}

  private recordFile(workspace: string): string {
    return path.join(this.paths.ledgerDir, `${workspaceKey(workspace)}.json`);
  }

  async get(workspace: string): Promise<LedgerRecord | null> {
    return this.readRecord(this.recordFile(workspace));
  }

  async put(record: LedgerRecord): Promise<void> {
    await writeSecretFile(this.recordFile(record.workspace), `${JSON.stringify(record, null, 2)}\n`);
  }

  async delete(workspace: string): Promise<void> {
    await removeFile(this.recordFile(workspace));
  }

  async list(): Promise<LedgerRecord[]> {
    const files = await listJson(this.paths.ledgerDir);
    const texts = await readTextFiles(files);
    return texts.flatMap((text, i) =>
      text === null ? [] : [parseState(recordSchema, text, files[i] as string)],
    );
  }

  async putOrphan(orphan: OrphanRecord): Promise<void> {
    await writeSecretFile(
      path.join(this.paths.orphansDir, `${orphan.id}.json`),
      `${JSON.stringify(orphan, null, 2)}\n`,
    );
  }

  async deleteOrphan(id: string): Promise<void> {
    await removeFile(path.join(this.paths.orphansDir, `${id}.json`));
  }

  async orphans(): Promise<OrphanRecord[]> {
    const files = await listJson(this.paths.orphansDir);
    const texts = await readTextFiles(files);
    return texts.flatMap((text, i) =>
      text === null ? [] : [parseState(orphanSchema, text, files[i] as string)],
    );
  }

  private async readRecord(file: string): Promise<LedgerRecord | null> {
    const text = await readTextIfExists(file);
    return text === null ? null : parseState(recordSchema, text, file);
  }
}

function parseState<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  text: string,
  file: string,
): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, error);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw corrupt(file);
  return parsed.data;
}

function corrupt(file: string, cause?: unknown): RaviHooksError {
  return new RaviHooksError('E_STATE', `state file ${file} is corrupt`, {
    cause,
    hint: 'move it aside and run `ravi-hooks gc`; it was not written by this version of ravi-hooks',
  });
}

async function listJson(dir: string): Promise<string[]> {
  try {
    const names = await fsp.readdir(dir);
    return names.filter((n) => n.endsWith('.json')).map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}
