/**
 * teardown: delete a workspace's identity and the files we wrote there. Works when the
 * directory is already gone (the ledger remembers which identity belonged to that path),
 * and is idempotent: an un-provisioned directory tears down to `uuid: null`.
 */
import path from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { readRaviConfig } from '../resolve/ravi-config';
import { recordEvent } from '../state/events';
import { abandoned, withWorkspaceLock } from '../state/lock';
import { possiblyMissingWorkspace } from '../workspace/dir';
import { reconcileRecord } from './reconcile-record';
import { configPathOf } from './workspace-files';

export interface TeardownOptions extends EngineOptions {
  workspace?: string;
  cwd?: string;
  engine?: Engine;
}

export interface TeardownResult {
  workspace: string;
  uuid: string | null;
  name: string | null;
  identityDeleted: boolean;
  reason?: string;
  removed: string[];
}

export async function teardown(options: TeardownOptions = {}): Promise<TeardownResult> {
  const workspace = await possiblyMissingWorkspace(options.workspace ?? '.', options.cwd ?? process.cwd());
  const engine = options.engine ?? (await createEngine({ from: await nearestExisting(workspace) }, options));
  const before = await engine.ledger.get(workspace);
  return withWorkspaceLock(
    engine.paths,
    workspace,
    async () => {
      const record = await engine.ledger.get(workspace);
      if (record === null) return notOurs(workspace);
      const event = { workspace, uuid: record.uuid, name: record.name, provider: record.provider };
      await recordEvent(engine.paths, { event: 'teardown.before', ...event });
      try {
        const settled = await reconcileRecord(engine, record, 'teardown');
        await recordEvent(engine.paths, {
          event: 'teardown.after',
          ...event,
          uuid: settled.uuid,
          ...(settled.identityDeleted
            ? {}
            : { detail: `identity not deleted: ${settled.reason ?? 'unknown'}` }),
        });
        return {
          workspace,
          uuid: settled.uuid,
          name: settled.name,
          identityDeleted: settled.identityDeleted,
          ...(settled.reason && !settled.identityDeleted ? { reason: settled.reason } : {}),
          removed: settled.removed,
        };
      } catch (error) {
        await recordEvent(engine.paths, {
          event: 'teardown.failed',
          ...event,
          detail: (error as Error).message,
        });
        throw error;
      }
    },
    { ownerDead: () => abandoned(before, engine.host) },
  );
}

/**
 * No ledger record: either nothing was ever provisioned here, or the config belongs to
 * someone else (copied by hand, another machine). We never delete an identity we did not
 * create, so a foreign config is reported and left in place.
 */
function notOurs(workspace: string): TeardownResult {
  let config: ReturnType<typeof readRaviConfig> = null;
  try {
    config = readRaviConfig(configPathOf(workspace));
  } catch {
    config = null;
  }
  if (config?.identity_uuid) {
    return {
      workspace,
      uuid: config.identity_uuid,
      name: config.identity_name ?? null,
      identityDeleted: false,
      reason: 'this identity was not created by ravi-hooks on this machine; left untouched',
      removed: [],
    };
  }
  return { workspace, uuid: null, name: null, identityDeleted: false, removed: [] };
}

async function nearestExisting(dir: string): Promise<string> {
  const { existsSync } = await import('node:fs');
  let current = dir;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}
