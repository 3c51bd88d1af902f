import { z } from 'zod';

/**
 * A lease: one identity this machine created (or is creating) and what it owes the world.
 * It is written BEFORE the provider is called, so a crash at any point leaves a lease that
 * recovery can finish (HashiCorp Vault's lease manager is the model):
 *
 *   pending      intent recorded; the identity may or may not exist yet (uuid null until the
 *                provider answered); files may be half written
 *   active       identity exists, workspace files written: the normal state
 *   owed         deletion failed transiently; retried with bounded, jittered backoff
 *   retired      the provider cannot delete it: the workspace key is gone locally, the
 *                identity is let go (it stays in the provider's account) and kept here for audit
 *   irrevocable  retries exhausted: shown and counted, cleared only by `ravi-hooks forget`
 *
 * Deleted leases disappear. pending and active leases are bound to a workspace; owed,
 * retired and irrevocable ones are released from it.
 */
export const leaseStates = ['pending', 'active', 'owed', 'retired', 'irrevocable'] as const;
export type LeaseState = (typeof leaseStates)[number];

export const leaseSchema = z.object({
  version: z.literal(2),
  /** The lease id; also the tag a provider that stores tags keeps on the identity. */
  id: z.string().min(1),
  state: z.enum(leaseStates),
  workspace: z.string().min(1),
  repo: z.string().nullable(),
  /** Whether the workspace was a linked git worktree when provisioned. */
  worktree: z.boolean(),
  provider: z.string().min(1),
  name: z.string().min(1),
  uuid: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Files we wrote in the workspace (absolute), removed again on teardown. */
  files: z.array(z.string()),
  /** Files where we own only a marked block (e.g. `.env.local`); teardown strips the block. */
  blocks: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  host: z.string(),
  pid: z.number().int(),
  /** When the provider's create was called: the start of the window recovery may match in. */
  attemptAt: z.string(),
  /** Deletion attempts so far (owed, irrevocable). */
  attempts: z.number().int().min(0),
  /** Earliest time the next deletion attempt is due (owed). */
  nextAttemptAt: z.string().nullable(),
  /** Why the lease is owed, retired or irrevocable (redacted, one line). */
  reason: z.string().nullable(),
});
export type Lease = z.infer<typeof leaseSchema>;

/** Ledger records and orphans of ravi-hooks 0.1, read so an upgrade loses nothing. */
const legacyRecord = leaseSchema
  .omit({ attemptAt: true, attempts: true, nextAttemptAt: true, reason: true })
  .extend({ version: z.literal(1), state: z.enum(['pending', 'created', 'active']) });
const legacyOrphan = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  provider: z.string().min(1),
  uuid: z.string().min(1),
  name: z.string(),
  workspace: z.string(),
  reason: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Parses a stored lease of any version; null when it is not one. */
export function parseLease(value: unknown): Lease | null {
  const current = leaseSchema.safeParse(value);
  if (current.success) return current.data;
  const record = legacyRecord.safeParse(value);
  if (record.success) {
    const r = record.data;
    return {
      ...r,
      version: 2,
      state: r.state === 'active' ? 'active' : 'pending',
      attemptAt: r.createdAt,
      attempts: 0,
      nextAttemptAt: null,
      reason: null,
    };
  }
  const orphan = legacyOrphan.safeParse(value);
  if (orphan.success) {
    const o = orphan.data;
    return {
      version: 2,
      id: o.id,
      state: 'owed',
      workspace: o.workspace || '(unknown)',
      repo: null,
      worktree: false,
      provider: o.provider,
      name: o.name || '(unknown)',
      uuid: o.uuid,
      email: null,
      phone: null,
      files: [],
      blocks: [],
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      host: '',
      pid: 0,
      attemptAt: o.createdAt,
      attempts: o.attempts,
      nextAttemptAt: null,
      reason: o.reason,
    };
  }
  return null;
}

export function isBound(lease: Lease): boolean {
  return lease.state === 'pending' || lease.state === 'active';
}
