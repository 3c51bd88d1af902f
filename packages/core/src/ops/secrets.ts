/**
 * Secrets of the identity that applies in a directory: list them, or set one. Works through
 * the provider that created the identity, with the workspace's own (identity-scoped) key.
 * A workspace config that may not be ours (committed, symlinked, not in this machine's
 * ledger) is refused: `secrets set` would store into whoever's vault the clone shipped.
 */
import path from 'node:path';
import { createEngine, type Engine, type EngineOptions, providerFor } from '../engine';
import { InputError } from '../errors';
import type { Lease } from '../lifecycle/lease';
import { withWorkspace } from '../lifecycle/session';
import type { Identity, Provider, WorkspaceCredentials } from '../providers/types';
import { resolveIdentity } from '../resolve/which';
import { writeSecretsBlock } from '../workspace/env-local';
import { ensureExcluded } from '../workspace/exclude';
import { foreignConfigError, inspectWorkspaceConfig } from '../workspace/foreign';
import { gitFacts } from '../workspace/git';

export interface SecretsTarget {
  engine: Engine;
  record: Lease | null;
  workspace: string;
  identity: Identity;
  credentials: WorkspaceCredentials;
  provider: Provider;
}

/** The identity that applies in `dir` (a workspace or RAVI_CONFIG_DIR), its provider and key. */
export async function target(dir: string, options: EngineOptions): Promise<SecretsTarget> {
  const env = options.env ?? process.env;
  const resolution = resolveIdentity(dir, env);
  if (
    (resolution.source !== 'workspace' && resolution.source !== 'env') ||
    !resolution.uuid ||
    !resolution.baseDir
  ) {
    throw new InputError(`no workspace identity applies in ${dir}`, {
      hint: 'run `ravi-hooks provision` there first',
    });
  }
  const workspace = resolution.baseDir;
  const git = await gitFacts(workspace);
  const engine = await createEngine({ from: workspace, stopDir: git?.toplevel ?? workspace }, options);
  const record = await engine.ledger.get(workspace);
  // NOTE: RAVI_CONFIG_DIR is the user's own explicit choice; only a config found by walking
  // up the tree can have come with a clone
  if (resolution.source === 'workspace') {
    const problems = (await inspectWorkspaceConfig(workspace, git)).problems;
    if (record === null || record.uuid !== resolution.uuid)
      problems.push('not provisioned by ravi-hooks on this machine');
    if (problems.length > 0) throw foreignConfigError(workspace, problems);
  }
  const provider = record ? await providerFor(engine, record.provider) : engine.provider;
  const identity: Identity = {
    uuid: resolution.uuid,
    name: resolution.name ?? record?.name ?? '',
    email: record?.email ?? '',
    phone: record?.phone ?? null,
  };
  const credentials: WorkspaceCredentials = {};
  if (resolution.config?.identity_key) credentials.identity_key = resolution.config.identity_key;
  return { engine, record, workspace, identity, credentials, provider };
}

export async function listSecrets(
  dir: string,
  options: EngineOptions = {},
): Promise<{ workspace: string; uuid: string; secrets: Record<string, string> }> {
  const t = await target(path.resolve(dir), options);
  return {
    workspace: t.workspace,
    uuid: t.identity.uuid,
    secrets: await t.provider.secrets(t.identity, t.credentials),
  };
}

export async function setSecret(
  dir: string,
  key: string,
  value: string,
  options: EngineOptions = {},
): Promise<{ workspace: string; uuid: string; key: string }> {
  if (!/^[A-Z][A-Z0-9_]*$/.test(key)) {
    throw new InputError(`secret key "${key}" is invalid`, {
      hint: 'use upper-case letters, digits and underscores, starting with a letter',
    });
  }
  const t = await target(path.resolve(dir), options);
  await t.provider.setSecret(t.identity, t.credentials, key, value);
  // NOTE: a workspace that exports its secrets keeps .env.local in step with the vault
  if (t.record?.blocks.some((b) => path.basename(b) === '.env.local')) await exportSecrets(dir, options);
  return { workspace: t.workspace, uuid: t.identity.uuid, key };
}

/**
 * Writes the identity's secrets into a marked block of `<workspace>/.env.local` (0600,
 * git-excluded), recorded so teardown takes the block out again.
 */
export async function exportSecrets(
  dir: string,
  options: EngineOptions = {},
): Promise<{ workspace: string; uuid: string; file: string; keys: string[] }> {
  const t = await target(path.resolve(dir), options);
  if (t.record === null || t.record.uuid !== t.identity.uuid) {
    throw new InputError(`the identity in ${t.workspace} was not provisioned by ravi-hooks on this machine`, {
      hint: 'only workspaces ravi-hooks provisioned can export (teardown must be able to undo it)',
    });
  }
  const secrets = await t.provider.secrets(t.identity, t.credentials);
  const file = path.join(t.workspace, '.env.local');
  // NOTE: the block is recorded (under the workspace lock) before it is written, so teardown
  // always knows to take it out again
  await withWorkspace(t.engine, t.workspace, async (tx) => {
    const lease = await tx.current();
    if (lease === null || lease.uuid !== t.identity.uuid) {
      throw new InputError(`the identity in ${t.workspace} changed while exporting its secrets`, {
        hint: 'run the command again',
      });
    }
    if (!lease.blocks.includes(file)) await tx.save({ ...lease, blocks: [...lease.blocks, file] });
    await writeSecretsBlock(t.workspace, secrets);
  });
  const git = await gitFacts(t.workspace);
  if (git) await ensureExcluded(t.engine.paths, git.commonDir, ['.env.local']);
  return { workspace: t.workspace, uuid: t.identity.uuid, file, keys: Object.keys(secrets).sort() };
}
