/**
 * provision: give a workspace its own identity.
 *
 * Order matters for crash safety: the ledger record (our intent) is written before the
 * identity is created, then updated with the uuid, then marked active after the workspace
 * files are written. A crash at any point leaves a record `gc` can reconcile, and any
 * failure after creation deletes the identity again (or records it as owed).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { WorkspaceFile, WorkspaceIdentity } from '../adapters/types';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { toRaviHooksError, WorkspaceError } from '../errors';
import type { Identity } from '../providers/types';
import { type RaviConfigFile, readRaviConfig } from '../resolve/ravi-config';
import { recordEvent } from '../state/events';
import { abandoned, withWorkspaceLock } from '../state/lock';
import type { LedgerRecord } from '../state/records';
import { existingWorkspace } from '../workspace/dir';
import { currentBranch, type GitFacts, gitFacts, repoRootOf } from '../workspace/git';
import { nameFromTemplate, sanitizeName, validateName } from '../workspace/names';
import { faultPoint } from './fault';
import { reconcileRecord } from './reconcile-record';
import { rollbackIdentity } from './rollback';
import { addMissingExtras } from './workspace-extras';
import { assertWorkspaceWritable, writeWorkspaceFiles } from './workspace-files';

export type ExtraFiles = (identity: WorkspaceIdentity) => WorkspaceFile[];

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
  const workspace = await existingWorkspace(options.workspace ?? '.', cwd);
  const explicitName = options.name === undefined ? undefined : validateName(options.name);
  // a malformed or foreign config is reported before anything else happens
  const existingBefore = readWorkspaceConfig(workspace);
  const git = options.git !== undefined ? options.git : await gitFacts(workspace);
  const engine =
    options.engine ?? (await createEngine({ from: workspace, stopDir: git?.toplevel ?? workspace }, options));
  const extraFiles = options.extraFiles ?? [];
  if (existingBefore?.identity_uuid) {
    if (extraFiles.length > 0) {
      await withWorkspaceLock(engine.paths, workspace, () =>
        addMissingExtras(engine, workspace, existingBefore, extraFiles, git),
      );
    }
    return existingResult(engine, workspace, existingBefore);
  }
  await assertWorkspaceWritable(engine, workspace);

  const name = explicitName ?? (await deriveName(engine, workspace, git, options.nameHint));
  await engine.provider.assertUsable();

  const before = await engine.ledger.get(workspace);
  const ownerDead = () => abandoned(before, engine.host);
  return withWorkspaceLock(
    engine.paths,
    workspace,
    async () => {
      const existing = readWorkspaceConfig(workspace);
      if (existing?.identity_uuid) {
        await addMissingExtras(engine, workspace, existing, extraFiles, git);
        return existingResult(engine, workspace, existing);
      }
      const stale = await engine.ledger.get(workspace);
      if (stale) await reconcileRecord(engine, stale, 'replaced by a new provision');
      return createFor(engine, { workspace, name, git, extraFiles });
    },
    { ownerDead },
  );
}

interface CreateInput {
  workspace: string;
  name: string;
  git: GitFacts | null;
  extraFiles: ExtraFiles[];
}

async function createFor(engine: Engine, input: CreateInput): Promise<ProvisionResult> {
  const { provider, ledger, paths, env } = engine;
  const now = new Date().toISOString();
  let record: LedgerRecord = {
    version: 1,
    id: randomUUID(),
    state: 'pending',
    workspace: input.workspace,
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
  };
  const event = { workspace: input.workspace, name: input.name, provider: provider.name };
  await ledger.put(record);
  await recordEvent(paths, { event: 'provision.before', uuid: null, ...event });

  let identity: Identity | null = null;
  try {
    faultPoint('before-create', env);
    identity = await provider.create({ name: input.name, tag: record.id, phone: engine.config.phone });
    record = {
      ...record,
      state: 'created',
      uuid: identity.uuid,
      email: identity.email,
      phone: identity.phone,
    };
    await ledger.put(record);
    faultPoint('after-create', env);
    const credentials = await provider.credentials(identity);
    faultPoint('after-credentials', env);
    const written = await writeWorkspaceFiles(engine, record, identity, credentials, input);
    record = { ...record, ...written, state: 'active', updatedAt: new Date().toISOString() };
    await ledger.put(record);
    faultPoint('after-write', env);
  } catch (error) {
    const err = toRaviHooksError(error);
    await rollbackIdentity(engine, record, identity, err);
    throw err;
  }
  await recordEvent(paths, { event: 'provision.after', uuid: identity.uuid, ...event });
  return {
    workspace: input.workspace,
    uuid: identity.uuid,
    name: identity.name,
    email: identity.email,
    phone: identity.phone,
    provider: provider.name,
    created: true,
  };
}

function readWorkspaceConfig(workspace: string): RaviConfigFile | null {
  const config = readRaviConfig(path.join(workspace, '.ravi', 'config.json'));
  if (config !== null && !config.identity_uuid) {
    throw new WorkspaceError(`${path.join(workspace, '.ravi', 'config.json')} has no identity_uuid`, {
      hint: 'remove that file or run `ravi-hooks teardown` first',
    });
  }
  return config;
}

async function existingResult(
  engine: Engine,
  workspace: string,
  config: RaviConfigFile,
): Promise<ProvisionResult> {
  const record = await engine.ledger.get(workspace);
  const ours = record?.uuid === config.identity_uuid ? record : null;
  return {
    workspace,
    uuid: config.identity_uuid!,
    name: ours?.name ?? config.identity_name ?? '',
    email: ours?.email ?? null,
    phone: ours?.phone ?? null,
    provider: ours?.provider ?? engine.provider.name,
    created: false,
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
