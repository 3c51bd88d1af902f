/**
 * Finishing a provision that a dead run left pending: the identity that run made (known by
 * uuid, or proved by recover.ts) is adopted — credentials minted, files written, lease
 * active — instead of creating a second identity. Only an attempt that made nothing is
 * dropped, so the next create starts clean. Runs under the workspace lock.
 */
import { randomUUID } from 'node:crypto';
import { type Engine, providerFor } from '../engine';
import type { Identity } from '../providers/types';
import { recordEvent } from '../state/events';
import { type ExtraFiles, removeWorkspaceFiles, writeWorkspaceFiles } from '../workspace/files';
import type { GitFacts } from '../workspace/git';
import type { Lease } from './lease';
import { attemptWindowClosed, attemptWindowEnd, findAttemptIdentities, WATCHING } from './recover';
import { releasedAs, revoke } from './revoke';
import type { WorkspaceTx } from './session';

export async function adoptPending(
  engine: Engine,
  tx: WorkspaceTx,
  lease: Lease,
  input: { git: GitFacts | null; extraFiles: ExtraFiles[] },
): Promise<Lease | null> {
  const provider = await providerFor(engine, lease.provider);
  let identity: Identity | null = null;
  if (lease.uuid) identity = await provider.get(lease.uuid);
  else {
    const [first, ...extra] = await findAttemptIdentities(engine, lease);
    identity = first ?? null;
    // NOTE: more than one identity from one attempt (should not happen): keep the first,
    // settle the others under leases of their own
    for (const other of extra) {
      const revocation = await revoke(engine, lease, other.uuid);
      if (revocation.outcome !== 'deleted') {
        await tx.keep(releasedAs({ ...lease, id: randomUUID() }, other.uuid, revocation, 'recovery'));
      }
    }
  }
  await removeWorkspaceFiles(lease);
  if (identity === null) {
    // NOTE: without tags, a create the dead run sent may still land at the server after this
    // look; the attempt is watched (released, uuid unknown) until its window closes, and gc
    // settles whatever shows up in it, so nothing created is ever left unrecorded
    if (!lease.uuid && !provider.capabilities.tags && !attemptWindowClosed(lease)) {
      await tx.keep({ ...lease, state: 'owed', nextAttemptAt: attemptWindowEnd(lease), reason: WATCHING });
    }
    await tx.drop();
    return null;
  }
  let adopted = await tx.save({
    ...lease,
    uuid: identity.uuid,
    email: identity.email,
    phone: identity.phone,
  });
  const credentials = await provider.credentials(identity);
  const written = await writeWorkspaceFiles(engine, adopted, identity, credentials, {
    workspace: tx.workspace,
    git: input.git,
    extraFiles: input.extraFiles,
    save: (next) => tx.save(next),
  });
  adopted = await tx.save({ ...adopted, ...written, state: 'active' });
  await recordEvent(engine.paths, {
    event: 'provision.after',
    workspace: tx.workspace,
    uuid: identity.uuid,
    name: lease.name,
    provider: lease.provider,
    detail: 'adopted the identity a crashed run created',
  });
  return adopted;
}
