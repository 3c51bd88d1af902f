/**
 * Every JSON shape of ravi v0.6.2 this provider reads (internal/api/types.go). Objects are
 * loose: the CLI re-serialises through Go structs, so extra keys would only appear in a
 * newer CLI, and they must not break us.
 */
import { z } from 'zod';

/** `ravi version` (≥0.6 prints JSON; ≤0.5 plain text). */
export const versionSchema = z.object({ message: z.string() });

/** One element of `identity list`, and the output of `identity create`. */
export const identitySchema = z.object({
  uuid: z.string().min(1),
  name: z.string(),
  /** The email address. */
  inbox: z.string(),
  /** "" when the identity has no number. */
  phone: z.string(),
  created_dt: z.string(),
  updated_dt: z.string().optional(),
});
export type RaviIdentity = z.infer<typeof identitySchema>;

/** Go prints `null` for an empty slice when the server sent no list. */
export const identityListSchema = z
  .array(identitySchema)
  .nullable()
  .transform((list) => list ?? []);

/** `identity use <uuid>`. */
export const identityUseSchema = z.object({
  identity_name: z.string(),
  identity_uuid: z.string().min(1),
  status: z.literal('active'),
});

/** `get email`. */
export const emailSchema = z.object({ id: z.number(), email: z.string(), created_dt: z.string() });

/** `get phone`. */
export const phoneSchema = z.object({
  id: z.number(),
  phone_number: z.string(),
  provider: z.string(),
  created_dt: z.string(),
});

/** One secret entry: `secrets set` prints it, `secrets list` prints an array of them. */
export const secretSchema = z.object({
  uuid: z.string(),
  key: z.string(),
  value: z.string(),
  notes: z.string().optional(),
  created_dt: z.string().optional(),
  updated_dt: z.string().optional(),
});

/** `secrets list`. */
export const secretsListSchema = z
  .array(secretSchema)
  .nullable()
  .transform((list) => list ?? []);

/** `auth status` (no server call; always exit 0). */
export const authStatusSchema = z.object({
  authenticated: z.boolean(),
  email: z.string().optional(),
  identity: z.string().optional(),
  identity_uuid: z.string().optional(),
  message: z.string().optional(),
  error: z.string().optional(),
});

/** The `.ravi/config.json` the CLI rewrites after `identity use` (only the part we read). */
export const mintedConfigSchema = z.object({
  identity_key: z.string().min(1),
  identity_uuid: z.string().min(1),
});

/** `{"error": "…"}` on stderr (runtime errors in JSON mode). */
export const stderrErrorSchema = z.object({ error: z.string() });
