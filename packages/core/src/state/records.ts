import { z } from 'zod';

/**
 * A ledger record. It is written BEFORE the identity is created (state `pending`), so a
 * crash at any point leaves something `gc` can reconcile:
 *   pending  → intent recorded, identity maybe created (uuid unknown; matched by tag/name)
 *   created  → identity exists (uuid known), workspace config not written yet
 *   active   → workspace config written; the normal state
 */
export const recordSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  state: z.enum(['pending', 'created', 'active']),
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
});
export type LedgerRecord = z.infer<typeof recordSchema>;

/** An identity we created whose deletion is still owed. */
export const orphanSchema = z.object({
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
export type OrphanRecord = z.infer<typeof orphanSchema>;
