/**
 * Minting a workspace's credentials: `ravi identity use <uuid>` run in a private dir whose
 * config holds the management key. The CLI mints a fresh identity-scoped key and rewrites
 * THAT config (`<cwd>/.ravi/config.json`, never the global one); the identity key read back
 * from it is all the workspace gets.
 *
 * NOTE: each call mints a new key server-side; ravi has no way to revoke the old ones, so a
 * retried `identity use` may leave an unused key behind (harmless, but not nothing).
 */
import path from 'node:path';
import { readTextIfExists } from '../../io/files';
import type { Identity, WorkspaceCredentials } from '../types';
import { outputError, safeJson } from './failure';
import { type RetryPolicy, retrying } from './retry';
import { type CallTarget, call } from './runner';
import { identityUseSchema, mintedConfigSchema } from './schemas';

export async function mintCredentials(
  target: CallTarget,
  policy: RetryPolicy,
  identity: Identity,
  managementKey: string,
): Promise<WorkspaceCredentials> {
  const args = ['identity', 'use', identity.uuid];
  const used = await retrying(policy, () => call(target, args, identityUseSchema));
  if (used.identity_uuid !== identity.uuid)
    throw outputError('identity use', 'activated a different identity');
  const text = await readTextIfExists(path.join(target.dir, '.ravi', 'config.json'));
  const minted = mintedConfigSchema.safeParse(text === null ? undefined : safeJson(text));
  if (!minted.success || minted.data.identity_uuid !== identity.uuid) {
    throw outputError('identity use', 'did not write an identity key into its config');
  }
  if (minted.data.identity_key === managementKey) {
    throw outputError('identity use', 'wrote the management key where the identity key belongs');
  }
  return { identity_key: minted.data.identity_key };
}
