/**
 * Whose is the `.ravi/config.json` in a workspace? Provision and teardown ask before acting:
 *   - ours: the workspace's lease names its uuid;
 *   - moved: another path's lease names it and that path no longer does (`git worktree move`,
 *     `mv`): the lease follows the workspace (re-keyed), the identity is kept;
 *   - dead: its identity was retired or no longer exists: the config is removed and replaced;
 *   - foreign: an identity that exists but that no lease of this machine made: refused.
 */
import path from 'node:path';
import { type Engine, providerFor } from '../engine';
import { ConflictError, WorkspaceError } from '../errors';
import { removeFile } from '../io/files';
import { type RaviConfigFile, readRaviConfig } from '../resolve/ravi-config';
import { homeDir } from '../state/paths';
import { configNames, configPathOf } from '../workspace/files';
import { foreignConfigError, inspectWorkspaceConfig } from '../workspace/foreign';
import type { GitFacts } from '../workspace/git';
import { isBound, type Lease } from './lease';
import { rebound } from './move';
import { type WorkspaceTx, withWorkspace } from './session';

export function readWorkspaceConfig(workspace: string): RaviConfigFile | null {
  const file = configPathOf(workspace);
  const config = readRaviConfig(file);
  if (config !== null && !config.identity_uuid) {
    throw new WorkspaceError(`${file} has no identity_uuid`, {
      hint: 'remove that file or run `ravi-hooks teardown` first',
    });
  }
  return config;
}

/**
 * The nearest directory at or above `dir` holding `.ravi/config.json`, not above the git
 * top level (a worktree nested inside another checkout gets its own identity), nor at home.
 */
export function enclosingWorkspace(dir: string, git: GitFacts | null): string | null {
  const stop = git?.toplevel ?? null;
  const home = homeDir();
  for (let current = dir; ; current = path.dirname(current)) {
    if (current === home) return null;
    try {
      if (readRaviConfig(configPathOf(current)) !== null) return current;
    } catch {
      return current; // a malformed config still marks a workspace; provision reports it
    }
    if (current === stop || path.dirname(current) === current) return null;
  }
}

/**
 * Settles who owns the workspace's config, under its lock. Returns the active lease when the
 * workspace already has our identity (here or moved here); null when there is no config (any
 * dead one has been removed) and a new identity should be made.
 */
export async function resolveConfigOwner(
  engine: Engine,
  tx: WorkspaceTx,
  git: GitFacts | null,
): Promise<Lease | null> {
  const { workspace } = tx;
  // NOTE: a config a clone shipped (committed, symlinked, not a regular file) is never
  // adopted, replaced or written through: the user decides what to do with it
  const { problems } = await inspectWorkspaceConfig(workspace, git);
  if (problems.length > 0) throw foreignConfigError(workspace, problems);
  const config = readWorkspaceConfig(workspace);
  const uuid = config?.identity_uuid;
  if (!uuid) return null;
  const lease = await tx.current();
  if (lease !== null) {
    if (lease.uuid !== uuid) {
      throw new ConflictError(
        `${configPathOf(workspace)} names identity ${uuid}, but ravi-hooks recorded ${lease.uuid ?? 'none'} here`,
        { hint: 'run `ravi-hooks teardown` here, then provision again' },
      );
    }
    // NOTE: a run killed after writing the config but before marking the lease active
    return lease.state === 'active' ? lease : tx.save({ ...lease, state: 'active' });
  }
  const other = await engine.ledger.findByUuid(uuid);
  if (other !== null && isBound(other)) return moveInto(engine, tx, other);
  if (other === null) {
    const provider = await providerFor(engine, engine.provider.name);
    if ((await provider.get(uuid)) !== null) {
      throw new WorkspaceError(
        `${configPathOf(workspace)} names identity ${uuid}, which ravi-hooks did not create on this machine`,
        { hint: 'remove the .ravi directory to give this workspace its own identity' },
      );
    }
  }
  // NOTE: dead config: its identity was retired here, or does not exist at the provider
  await removeFile(configPathOf(workspace));
  return null;
}

/**
 * The lease of a workspace that moved here (its config names an identity whose lease is
 * bound to another path), re-keyed to this path; null when the config names no such lease.
 * Used by teardown, which must never touch a config that is not ours.
 */
export async function followMove(engine: Engine, tx: WorkspaceTx): Promise<Lease | null> {
  let uuid: string | undefined;
  try {
    uuid = readRaviConfig(configPathOf(tx.workspace))?.identity_uuid;
  } catch {
    return null;
  }
  if (!uuid) return null;
  const other = await engine.ledger.findByUuid(uuid);
  return other !== null && isBound(other) && other.workspace !== tx.workspace
    ? moveInto(engine, tx, other)
    : null;
}

/** Re-keys `lease` (bound to a path that no longer holds its config) to `tx`'s workspace. */
async function moveInto(engine: Engine, tx: WorkspaceTx, lease: Lease): Promise<Lease> {
  if (configNames(lease.workspace, lease.uuid)) {
    throw new WorkspaceError(`${configPathOf(tx.workspace)} is a copy of ${lease.workspace}'s identity`, {
      hint: 'remove the .ravi directory here; every workspace gets its own identity',
    });
  }
  return withWorkspace(
    engine,
    lease.workspace,
    async (old) => {
      const current = await old.current();
      if (current === null || current.id !== lease.id) {
        throw new ConflictError(`the identity recorded for ${lease.workspace} changed while moving it`, {
          hint: 'run the command again',
        });
      }
      const moved = await tx.save(rebound(current, tx.workspace));
      await old.drop();
      return moved;
    },
    // NOTE: never wait here while holding our own lock (two movers could wait on each other)
    { wait: false },
  );
}
