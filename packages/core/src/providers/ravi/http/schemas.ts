/**
 * The JSON the Ravi API itself answers (what the CLI decodes in internal/api/types.go,
 * plus the newer fields it drops). Objects are loose: unknown keys are ignored. Lists are
 * accepted bare (what the CLI decodes) or DRF-paginated (`{results: [...]}`).
 */
import { z } from 'zod';

/** Go prints "" for no phone; the API itself may send null or leave it out. */
const maybeText = z
  .string()
  .nullish()
  .transform((v) => v ?? '');

export const apiIdentitySchema = z.object({
  uuid: z.string().min(1),
  name: z.string(),
  /** The email address. */
  inbox: maybeText,
  phone: maybeText,
  created_dt: maybeText,
  /** The identity's one-time key, returned on create by newer servers (CLI 0.7). */
  api_key: z.string().min(1).optional(),
});
export type ApiIdentity = z.output<typeof apiIdentitySchema>;

/** A bare array, `null`, or a DRF page. */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), z.object({ results: z.array(item) }), z.null()])
    .transform((v) => (v === null ? [] : Array.isArray(v) ? v : v.results));
}

export const identityListSchema = listOf(apiIdentitySchema);

/** `POST /api/auth/keys/identity/`. */
export const mintedKeySchema = z.object({ key: z.string().min(1), identity_uuid: z.string().optional() });

export const secretSchema = z.object({
  uuid: z.string().min(1),
  key: z.string(),
  value: z.string().nullish(),
});
export const secretListSchema = listOf(secretSchema);

/** `GET /api/email-messages/` (oldest first, cursor `created_after`). */
export const emailMessageSchema = z.object({
  id: z.union([z.number(), z.string()]),
  from_email: maybeText,
  to_email: maybeText,
  subject: z.string().nullish(),
  text_content: maybeText,
  direction: maybeText,
  created_dt: z.string(),
});

/** `GET /api/messages/` (SMS). */
export const smsMessageSchema = z.object({
  id: z.union([z.number(), z.string()]),
  from_number: maybeText,
  to_number: maybeText,
  body: maybeText,
  direction: maybeText,
  created_dt: z.string(),
});
