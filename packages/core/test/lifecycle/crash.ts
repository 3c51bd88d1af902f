/**
 * A provision that died part-way, reproduced in-process with the lifecycle's own pieces: the
 * lease is written through `withWorkspace` (as provision writes it), the provider is called
 * as provision calls it, and then nothing more happens, as if the process had been killed.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Engine } from '../../src/engine';
import type { Lease } from '../../src/lifecycle/lease';
import { provision } from '../../src/lifecycle/provision';
import { withWorkspace } from '../../src/lifecycle/session';

/**
 *   before-create  the lease is pending, the provider was never called
 *   after-create   the provider made the identity; the lease does not know its uuid yet
 *   after-uuid     the lease holds the uuid; no credentials, no files
 *   after-write    everything written, the lease never marked active
 */
export type CrashPoint = 'before-create' | 'after-create' | 'after-uuid' | 'after-write';

export interface CrashOptions {
  /** @default 'crashed-agent' */
  name?: string;
  /** Shifts the attempt's recorded start (ms) relative to now. @default 0 */
  attemptInMs?: number;
}

/** Leaves `workspace` as a run killed at `point` would; returns the uuid it made, if any. */
export async function crashedAttempt(
  engine: Engine,
  workspace: string,
  point: CrashPoint,
  options: CrashOptions = {},
): Promise<string | null> {
  if (point === 'after-write') {
    const { uuid } = await provision({ workspace, engine });
    await withWorkspace(engine, workspace, async (tx) => {
      const lease = await tx.current();
      if (lease === null) throw new Error('provision left no lease');
      await tx.save({ ...lease, state: 'pending' });
    });
    return uuid;
  }
  const now = new Date();
  const lease = pendingLease(workspace, engine.provider.name, options.name ?? 'crashed-agent', now, options);
  await withWorkspace(engine, workspace, (tx) => tx.save(lease));
  if (point === 'before-create') return null;
  const identity = await engine.provider.create({ name: lease.name, tag: lease.id });
  if (point === 'after-uuid') {
    await withWorkspace(engine, workspace, (tx) =>
      tx.save({ ...lease, uuid: identity.uuid, email: identity.email, phone: identity.phone }),
    );
  }
  return identity.uuid;
}

function pendingLease(
  workspace: string,
  provider: string,
  name: string,
  now: Date,
  options: CrashOptions,
): Lease {
  const at = now.toISOString();
  return {
    version: 2,
    id: randomUUID(),
    state: 'pending',
    workspace,
    repo: null,
    worktree: false,
    provider,
    name,
    uuid: null,
    email: null,
    phone: null,
    files: [],
    blocks: [],
    createdAt: at,
    updatedAt: at,
    host: hostname(),
    // NOTE: a pid that is not running: the attempt's process is gone
    pid: 2 ** 22 + 1,
    attemptAt: new Date(now.getTime() + (options.attemptInMs ?? 0)).toISOString(),
    attempts: 0,
    nextAttemptAt: null,
    reason: null,
  };
}
