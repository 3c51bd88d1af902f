/**
 * Adapter files for a workspace that already has our identity. Two adapters can serve one
 * workspace (git's hook provisions first, then lalph's setup script asks for
 * `.lalph/ravi.json`): the identity stays, the missing files are added and recorded.
 */
import path from 'node:path';
import type { Engine } from '../engine';
import { assertInside, exists, writeSecretFile } from '../io/files';
import type { Lease } from '../lifecycle/lease';
import type { RaviConfigFile } from '../resolve/ravi-config';
import { ensureExcluded } from './exclude';
import type { ExtraFiles } from './files';
import type { GitFacts } from './git';

export async function addMissingExtras(
  engine: Engine,
  workspace: string,
  config: RaviConfigFile,
  extraFiles: ExtraFiles[],
  git: GitFacts | null,
  lease: { current: () => Promise<Lease | null>; save: (lease: Lease) => Promise<Lease> },
): Promise<void> {
  if (extraFiles.length === 0) return;
  let record = await lease.current();
  if (record === null || record.state !== 'active' || record.uuid !== config.identity_uuid) return;
  const identity = {
    workspace,
    uuid: record.uuid,
    name: record.name,
    email: record.email ?? '',
    phone: record.phone,
    configDir: path.join(workspace, '.ravi'),
  };
  const added: string[] = [];
  const excludes: string[] = [];
  for (const produce of extraFiles) {
    for (const file of produce(identity)) {
      const target = path.resolve(workspace, file.path);
      if (!target.startsWith(workspace + path.sep) || (await exists(target))) continue;
      await assertInside(workspace, target);
      // NOTE: recorded before it is written, so a crash here still leaves it to teardown
      record = await lease.save({ ...record, files: [...record.files, target] });
      await writeSecretFile(target, file.content);
      added.push(target);
      if (file.exclude) excludes.push(file.exclude);
    }
  }
  if (git && excludes.length > 0) await ensureExcluded(engine.paths, git.commonDir, excludes);
}
