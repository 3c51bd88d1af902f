/**
 * Writing (and removing) the files a provisioned workspace holds: `.ravi/config.json`
 * (0600 in a 0700 dir, atomic), adapter files such as `.lalph/ravi.json`, the optional
 * `.env.local` secrets block, and the git exclude entries that keep them out of commits.
 */
import path from 'node:path';
import type { WorkspaceFile, WorkspaceIdentity } from '../adapters/types';
import type { Engine } from '../engine';
import { ConflictError, WorkspaceError } from '../errors';
import { sweepTemps } from '../io/atomic';
import {
  assertInside,
  exists,
  probeWritable,
  readTextIfExists,
  removeDirIfEmpty,
  removeFile,
  symlinkEscape,
  writeFileAtomically,
  writeSecretFile,
} from '../io/files';
import { faultPoint } from '../lifecycle/fault';
import type { Lease } from '../lifecycle/lease';
import type { Identity, WorkspaceCredentials } from '../providers/types';
import { readRaviConfig } from '../resolve/ravi-config';
import { removeSecretsBlock, writeSecretsBlock } from './env-local';
import { ensureExcluded } from './exclude';
import type { GitFacts } from './git';

/** Files an adapter wants in a provisioned workspace (lalph's `.lalph/ravi.json`). */
export type ExtraFiles = (identity: WorkspaceIdentity) => WorkspaceFile[];

export function configPathOf(workspace: string): string {
  return path.join(workspace, '.ravi', 'config.json');
}

/**
 * Checked before an identity is created, so a workspace whose `.ravi` (or `.env.local`)
 * is a symlink leading out of it, or whose `.ravi` is read-only, is refused (exit 2)
 * without creating an identity that could then not be stored.
 */
export async function assertWorkspaceWritable(engine: Engine, workspace: string): Promise<void> {
  await assertInside(workspace, configPathOf(workspace));
  if (engine.config.exportSecrets) await assertInside(workspace, path.join(workspace, '.env.local'));
  const dir = path.dirname(configPathOf(workspace));
  if (await exists(dir)) {
    await probeWritable(dir).catch((error: unknown) => {
      throw new WorkspaceError(`${dir} is not writable`, {
        cause: error,
        hint: 'fix its permissions, or remove it',
      });
    });
  }
}

interface PlannedFile {
  path: string;
  content: string;
  mode: number;
}

export async function writeWorkspaceFiles(
  engine: Engine,
  record: Lease,
  identity: Identity,
  credentials: WorkspaceCredentials,
  input: {
    workspace: string;
    git: GitFacts | null;
    extraFiles: ExtraFiles[];
    /** Records the plan in the lease (under the workspace lock) before the first write. */
    save: (lease: Lease) => Promise<Lease>;
  },
): Promise<Pick<Lease, 'files' | 'blocks'>> {
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
  for (const file of [...planned.files, ...planned.blocks]) await assertInside(workspace, file);
  // NOTE: the plan is recorded before the first write, so gc can clean up after a crash mid-write.
  await input.save({ ...record, ...planned });

  await writeSecretFile(configPathOf(workspace), `${JSON.stringify(config, null, 2)}\n`);
  faultPoint('mid-write', engine.env);
  for (const file of extras) {
    if (file.mode & 0o077)
      await writeFileAtomically(file.path, file.content, { mode: file.mode, forceMode: true });
    else await writeSecretFile(file.path, file.content);
  }
  if (envLocal) await writeSecretsBlock(workspace, await engine.provider.secrets(identity, credentials));
  if (input.git) await ensureExcluded(engine.paths, input.git.commonDir, [...excludes]);
  return planned;
}

/** Removes what a record says we wrote, and what a killed write left beside it. */
export async function removeWorkspaceFiles(record: Lease): Promise<string[]> {
  const removed: string[] = [];
  // NOTE: a path that now leads out of the workspace through a symlink is not ours to delete
  const inside = async (file: string) => (await symlinkEscape(record.workspace, file)) === null;
  for (const file of record.files) {
    if (!(await inside(file))) continue;
    if (stillOurs(record, file) && (await removeFile(file))) removed.push(file);
    // a run killed mid-write leaves its temp beside the file (and so a non-empty .ravi)
    await sweepTemps(path.dirname(file), path.basename(file));
    // NOTE: only directories we may have created (.ravi, .lalph), never the workspace itself
    if (path.dirname(file) !== record.workspace)
      await removeDirIfEmpty(path.dirname(file)).catch(() => false);
  }
  for (const file of record.blocks) {
    if (!(await inside(file))) continue;
    await sweepTemps(path.dirname(file), path.basename(file));
    const current = await readTextIfExists(file);
    const next = removeSecretsBlock(current);
    if (next === current) continue;
    if (next === null) await removeFile(file);
    else await writeFileAtomically(file, next);
    removed.push(file);
  }
  return removed;
}

/** The config goes only while it still holds our uuid (someone may have rewritten it). */
function stillOurs(record: Lease, file: string): boolean {
  return file !== configPathOf(record.workspace) || configNames(record.workspace, record.uuid);
}

/** Whether `workspace`'s config (if readable) names `uuid`. */
export function configNames(workspace: string, uuid: string | null): boolean {
  try {
    return uuid !== null && readRaviConfig(configPathOf(workspace))?.identity_uuid === uuid;
  } catch {
    return false;
  }
}

function insideWorkspace(workspace: string, rel: string): string {
  const target = path.resolve(workspace, rel);
  const relative = path.relative(workspace, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new WorkspaceError(`refusing to write ${rel}: it is outside the workspace`);
  }
  return target;
}
