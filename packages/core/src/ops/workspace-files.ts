/**
 * Writing (and removing) the files a provisioned workspace holds: `.ravi/config.json`
 * (0600 in a 0700 dir, atomic), adapter files such as `.lalph/ravi.json`, the optional
 * `.env.local` secrets block, and the git exclude entries that keep them out of commits.
 */
import path from 'node:path';
import type { Engine } from '../engine';
import { ConflictError, WorkspaceError } from '../errors';
import {
  exists,
  readTextIfExists,
  removeDirIfEmpty,
  removeFile,
  writeFileAtomically,
  writeSecretFile,
} from '../io/files';
import type { Identity, WorkspaceCredentials } from '../providers/types';
import { readRaviConfig } from '../resolve/ravi-config';
import type { LedgerRecord } from '../state/records';
import { applySecretsBlock, removeSecretsBlock } from '../workspace/env-local';
import { ensureExcluded } from '../workspace/exclude';
import type { GitFacts } from '../workspace/git';
import { faultPoint } from './fault';
import type { ExtraFiles } from './provision';

export function configPathOf(workspace: string): string {
  return path.join(workspace, '.ravi', 'config.json');
}

interface PlannedFile {
  path: string;
  content: string;
  mode: number;
}

export async function writeWorkspaceFiles(
  engine: Engine,
  record: LedgerRecord,
  identity: Identity,
  credentials: WorkspaceCredentials,
  input: { workspace: string; git: GitFacts | null; extraFiles: ExtraFiles[] },
): Promise<Pick<LedgerRecord, 'files' | 'blocks'>> {
  const { workspace } = input;
  const configDir = path.join(workspace, '.ravi');
  const config = { identity_uuid: identity.uuid, identity_name: identity.name, ...credentials };
  const excludes = new Set(['.ravi/']);
  const extras: PlannedFile[] = [];
  const info = {
    workspace,
    uuid: identity.uuid,
    name: identity.name,
    email: identity.email,
    phone: identity.phone,
    configDir,
  };
  for (const produce of input.extraFiles) {
    for (const file of produce(info)) {
      const target = insideWorkspace(workspace, file.path);
      if (await exists(target)) {
        throw new ConflictError(`${target} already exists and ravi-hooks did not write it`, {
          hint: 'move it aside, then provision again',
        });
      }
      extras.push({ path: target, content: file.content, mode: file.mode ?? 0o600 });
      if (file.exclude) excludes.add(file.exclude);
    }
  }
  const envLocal = engine.config.exportSecrets ? path.join(workspace, '.env.local') : null;
  if (envLocal) excludes.add('.env.local');
  const planned = {
    files: [configPathOf(workspace), ...extras.map((f) => f.path)],
    blocks: envLocal ? [envLocal] : [],
  };
  // NOTE: the plan is recorded before the first write, so gc can clean up after a crash mid-write.
  await engine.ledger.put({ ...record, ...planned, updatedAt: new Date().toISOString() });

  await writeSecretFile(configPathOf(workspace), `${JSON.stringify(config, null, 2)}\n`);
  faultPoint('mid-write', engine.env);
  for (const file of extras) {
    if (file.mode & 0o077)
      await writeFileAtomically(file.path, file.content, { mode: file.mode, forceMode: true });
    else await writeSecretFile(file.path, file.content);
  }
  if (envLocal) {
    const secrets = await engine.provider.secrets(identity, credentials);
    const current = await readTextIfExists(envLocal);
    await writeFileAtomically(envLocal, applySecretsBlock(current, secrets), { mode: 0o600 });
  }
  if (input.git) await ensureExcluded(engine.paths, input.git.commonDir, [...excludes]);
  return planned;
}

/** Removes what a record says we wrote. The config goes only while it still holds our uuid. */
export async function removeWorkspaceFiles(record: LedgerRecord): Promise<string[]> {
  const removed: string[] = [];
  for (const file of record.files) {
    if (file === configPathOf(record.workspace)) {
      let config: ReturnType<typeof readRaviConfig> = null;
      try {
        config = readRaviConfig(file);
      } catch {
        continue; // not ours any more (someone rewrote it): leave it alone
      }
      if (config === null || config.identity_uuid !== record.uuid) continue;
    }
    if (await removeFile(file)) removed.push(file);
    // NOTE: only directories we may have created (.ravi, .lalph), never the workspace itself
    if (path.dirname(file) !== record.workspace)
      await removeDirIfEmpty(path.dirname(file)).catch(() => false);
  }
  for (const file of record.blocks) {
    const current = await readTextIfExists(file);
    const next = removeSecretsBlock(current);
    if (next === current) continue;
    if (next === null) await removeFile(file);
    else await writeFileAtomically(file, next);
    removed.push(file);
  }
  return removed;
}

function insideWorkspace(workspace: string, rel: string): string {
  const target = path.resolve(workspace, rel);
  const relative = path.relative(workspace, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new WorkspaceError(`refusing to write ${rel}: it is outside the workspace`);
  }
  return target;
}
