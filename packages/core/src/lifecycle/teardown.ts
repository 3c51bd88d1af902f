/**
 * teardown: take a workspace's identity away and remove the files we wrote there. Works when
 * the directory is already gone (the lease remembers which identity belonged to that path),
 * from a subdirectory (the enclosing workspace), and after a move (the lease follows the
 * config). Idempotent: an un-provisioned directory tears down to `uuid: null`. It reports
 * what really happened: deleted, retired (the provider cannot delete), owed or irrevocable.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { readRaviConfig } from '../resolve/ravi-config';
import { recordEvent } from '../state/events';
import { possiblyMissingWorkspace } from '../workspace/dir';
import { configPathOf } from '../workspace/files';
import { gitFacts } from '../workspace/git';
import { enclosingWorkspace, followMove } from './config-owner';
import { findMoved } from './move';
import { withWorkspace } from './session';
import { type SettleOutcome, settle } from './settle';

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
  /** What happened to the identity (`none`: there was none of ours here). */
  outcome: SettleOutcome;
  reason?: string;
  removed: string[];
}

export async function teardown(options: TeardownOptions = {}): Promise<TeardownResult> {
  let workspace = await possiblyMissingWorkspace(options.workspace ?? '.', options.cwd ?? process.cwd());
  if (existsSync(workspace))
    workspace = enclosingWorkspace(workspace, await gitFacts(workspace)) ?? workspace;
  const engine = options.engine ?? (await createEngine({ from: nearestExisting(workspace) }, options));
  return withWorkspace(engine, workspace, async (tx) => {
    let lease = await tx.current();
    if (lease === null && existsSync(workspace)) {
      // a workspace moved here brings its lease along; a foreign or dead config is reported below
      lease = await followMove(engine, tx);
    }
    if (lease === null) return notOurs(workspace);
    if (!existsSync(workspace)) {
      const movedTo = await findMoved(lease);
      if (movedTo !== null) {
        return {
          workspace,
          uuid: lease.uuid,
          name: lease.name,
          identityDeleted: false,
          outcome: 'none' as const,
          reason: `the workspace moved to ${movedTo}; its identity was kept (tear down there)`,
          removed: [],
        };
      }
    }
    const event = { workspace, uuid: lease.uuid, name: lease.name, provider: lease.provider };
    await recordEvent(engine.paths, { event: 'teardown.before', ...event });
    try {
      const settled = await settle(engine, tx, lease, 'teardown');
      await recordEvent(engine.paths, {
        event: 'teardown.after',
        ...event,
        uuid: settled.uuid,
        ...(settled.identityDeleted
          ? {}
          : { detail: `identity ${settled.outcome}: ${settled.reason ?? ''}` }),
      });
      return {
        workspace,
        uuid: settled.uuid,
        name: settled.name,
        identityDeleted: settled.identityDeleted,
        outcome: settled.outcome,
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
  });
}

/**
 * No lease: either nothing was ever provisioned here, or the config belongs to someone else
 * (copied by hand, another machine). We never delete an identity we did not create.
 */
function notOurs(workspace: string): TeardownResult {
  let config: ReturnType<typeof readRaviConfig> = null;
  try {
    config = readRaviConfig(configPathOf(workspace));
  } catch {
    config = null;
  }
  const base = { workspace, identityDeleted: false, outcome: 'none' as const, removed: [] };
  if (config?.identity_uuid) {
    return {
      ...base,
      uuid: config.identity_uuid,
      name: config.identity_name ?? null,
      reason: 'this identity was not created by ravi-hooks on this machine; left untouched',
    };
  }
  return { ...base, uuid: null, name: null };
}

function nearestExisting(dir: string): string {
  let current = dir;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}
