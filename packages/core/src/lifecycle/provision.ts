/**
 * provision: give a workspace its own identity, exactly once.
 *
 * Order matters for crash safety: the lease (our intent) is written before the provider is
 * called, then given the uuid, then marked active after the workspace files are written.
 * Everything that changes a lease happens under the workspace lock; a run that finds a
 * pending lease left by a dead run finishes it (adopting the identity that run made, see
 * recover.ts) instead of creating a second one. Any failure after creation settles the
 * identity again (deleted, retired or owed).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { toRaviHooksError } from '../errors';
import { recordEvent } from '../state/events';
import { existingWorkspace } from '../workspace/dir';
import { addMissingExtras } from '../workspace/extras';
import { assertWorkspaceWritable, type ExtraFiles, writeWorkspaceFiles } from '../workspace/files';
import { currentBranch, type GitFacts, gitFacts, repoRootOf } from '../workspace/git';
import { nameFromTemplate, sanitizeName, validateName } from '../workspace/names';
import { adoptPending } from './adopt';
import { enclosingWorkspace, readWorkspaceConfig, resolveConfigOwner } from './config-owner';
import { faultPoint } from './fault';
import type { Lease } from './lease';
import { type WorkspaceTx, withWorkspace } from './session';
import { settle } from './settle';

export type { ExtraFiles } from '../workspace/files';

export interface ProvisionOptions extends EngineOptions {
  /** The workspace directory. @default the cwd */
  workspace?: string;
  cwd?: string;
  /** Exact identity name; rejected (exit 2) when it has characters that aren't allowed. */
  name?: string;
  /** Free text (an orchestrator's workspace name) cleaned up into a valid name. */
  nameHint?: string;
  /** Extra files to write into the workspace (adapters' `workspaceFiles`). */
  extraFiles?: ExtraFiles[];
  /** Reuse an engine (fleet); otherwise one is created for this workspace. */
  engine?: Engine;
  /** What git said about the workspace, when the caller already asked (the git hook). */
  git?: GitFacts | null;
  /**
   * Give a directory inside a provisioned workspace an identity of its own. Without it, the
   * enclosing workspace's identity is returned (`created: false`), as `which` would report.
   * @default false
   */
  nested?: boolean;
}

export interface ProvisionResult {
  workspace: string;
  uuid: string;
  name: string;
  email: string | null;
  phone: string | null;
  provider: string;
  created: boolean;
}

export async function provision(options: ProvisionOptions = {}): Promise<ProvisionResult> {
  const cwd = options.cwd ?? process.cwd();
  let workspace = await existingWorkspace(options.workspace ?? '.', cwd);
  const explicitName = options.name === undefined ? undefined : validateName(options.name);
  let git = options.git !== undefined ? options.git : await gitFacts(workspace);
  if (!options.nested) {
    const enclosing = enclosingWorkspace(workspace, git);
    if (enclosing !== null && enclosing !== workspace) {
      workspace = enclosing;
      git = await gitFacts(workspace);
    }
  }
  // a malformed config is reported before anything else happens
  const configBefore = readWorkspaceConfig(workspace);
  const engine =
    options.engine ?? (await createEngine({ from: workspace, stopDir: git?.toplevel ?? workspace }, options));
  const extraFiles = options.extraFiles ?? [];

  // NOTE: the common case (already provisioned) needs no lock and no provider
  const leaseBefore = await engine.ledger.get(workspace);
  if (
    configBefore?.identity_uuid &&
    leaseBefore?.state === 'active' &&
    leaseBefore.uuid === configBefore.identity_uuid
  ) {
    if (extraFiles.length > 0) {
      await withWorkspace(engine, workspace, (tx) =>
        addMissingExtras(engine, workspace, configBefore, extraFiles, git, tx),
      );
    }
    return resultOf(leaseBefore, false);
  }
  await assertWorkspaceWritable(engine, workspace);
  const name = explicitName ?? (await deriveName(engine, workspace, git, options.nameHint));
  await engine.provider.assertUsable();

  return withWorkspace(engine, workspace, async (tx) => {
    const owned = await resolveConfigOwner(engine, tx, git);
    if (owned !== null) {
      await addMissingExtras(engine, workspace, { identity_uuid: owned.uuid ?? '' }, extraFiles, git, tx);
      return resultOf(owned, false);
    }
    const lease = await tx.current();
    if (lease?.state === 'pending') {
      const adopted = await adoptPending(engine, tx, lease, { git, extraFiles });
      if (adopted !== null) return resultOf(adopted, true);
    } else if (lease !== null) {
      await settle(engine, tx, lease, 'replaced: the workspace config was removed');
    }
    return createFor(engine, tx, { name, git, extraFiles });
  });
}

interface CreateInput {
  name: string;
  git: GitFacts | null;
  extraFiles: ExtraFiles[];
}

async function createFor(engine: Engine, tx: WorkspaceTx, input: CreateInput): Promise<ProvisionResult> {
  const { provider, paths, env } = engine;
  const { workspace } = tx;
  const now = new Date().toISOString();
  let lease = await tx.save({
    version: 2,
    id: randomUUID(),
    state: 'pending',
    workspace,
    repo: input.git ? repoRootOf(input.git) : null,
    worktree: input.git?.linkedWorktree ?? false,
    provider: provider.name,
    name: input.name,
    uuid: null,
    email: null,
    phone: null,
    files: [],
    blocks: [],
    createdAt: now,
    updatedAt: now,
    host: engine.host,
    pid: process.pid,
    attemptAt: now,
    attempts: 0,
    nextAttemptAt: null,
    reason: null,
  });
  const event = { workspace, name: input.name, provider: provider.name };
  await recordEvent(paths, { event: 'provision.before', uuid: null, ...event });
  try {
    faultPoint('before-create', env);
    const identity = await provider.create({ name: input.name, tag: lease.id, phone: engine.config.phone });
    lease = await tx.save({ ...lease, uuid: identity.uuid, email: identity.email, phone: identity.phone });
    faultPoint('after-create', env);
    const credentials = await provider.credentials(identity);
    faultPoint('after-credentials', env);
    const written = await writeWorkspaceFiles(engine, lease, identity, credentials, {
      workspace,
      git: input.git,
      extraFiles: input.extraFiles,
      save: (next) => tx.save(next),
    });
    lease = await tx.save({ ...lease, ...written, state: 'active' });
    faultPoint('after-write', env);
  } catch (error) {
    const err = toRaviHooksError(error);
    await rollback(engine, tx, err);
    throw err;
  }
  await recordEvent(paths, { event: 'provision.after', uuid: lease.uuid, ...event });
  return resultOf(lease, true);
}

/** Undoing a provision that failed part-way: no orphan identity, no half-written file. */
async function rollback(engine: Engine, tx: WorkspaceTx, error: Error): Promise<void> {
  const base = { workspace: tx.workspace, provider: engine.provider.name };
  const latest = await tx.current().catch(() => null);
  if (latest === null) return;
  const event = { ...base, name: latest.name };
  try {
    const settled = await settle(engine, tx, latest, 'rollback');
    await recordEvent(engine.paths, {
      event: 'provision.rollback',
      uuid: settled.uuid,
      ...event,
      detail: settled.identityDeleted
        ? 'identity deleted'
        : `identity ${settled.outcome}: ${settled.reason ?? ''}`,
    });
  } catch (rollbackError) {
    // NOTE: the lease stays pending, so the next provision or gc finishes what we could not.
    await recordEvent(engine.paths, {
      event: 'provision.rollback',
      uuid: latest.uuid,
      ...event,
      detail: `left for gc: ${(rollbackError as Error).message}`,
    }).catch(() => undefined);
  }
  await recordEvent(engine.paths, {
    event: 'provision.failed',
    uuid: latest.uuid,
    ...event,
    detail: error.message,
  }).catch(() => undefined);
}

export function resultOf(lease: Lease, created: boolean): ProvisionResult {
  return {
    workspace: lease.workspace,
    uuid: lease.uuid ?? '',
    name: lease.name,
    email: lease.email,
    phone: lease.phone,
    provider: lease.provider,
    created,
  };
}

async function deriveName(
  engine: Engine,
  workspace: string,
  git: GitFacts | null,
  hint?: string,
): Promise<string> {
  if (hint !== undefined) {
    const cleaned = sanitizeName(hint);
    if (cleaned !== null) return cleaned;
  }
  const needsBranch = engine.config.name.includes('{branch}');
  return nameFromTemplate(engine.config.name, {
    dir: path.basename(workspace),
    branch: needsBranch && git ? await currentBranch(workspace) : null,
    repo: git ? path.basename(repoRootOf(git)) : null,
  });
}
