/**
 * The embedded local provider's store: one file per identity under `<state>/local/`, so
 * concurrent processes never read-modify-write a shared file. Unique resources (phone
 * numbers) are claimed with O_EXCL files.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  createExclusive,
  readTextFiles,
  readTextIfExists,
  removeFile,
  writeSecretFile,
} from '../../io/files';

export const localIdentitySchema = z.object({
  uuid: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  createdAt: z.string(),
  tag: z.string().optional(),
  /** The identity-scoped key handed to its workspace. */
  key: z.string(),
  secrets: z.record(z.string(), z.string()),
});
export type LocalIdentity = z.infer<typeof localIdentitySchema>;

export class LocalStore {
  constructor(readonly dir: string) {}

  private file(uuid: string): string {
    return path.join(this.dir, 'identities', `${uuid}.json`);
  }

  async read(uuid: string): Promise<LocalIdentity | null> {
    if (!/^[0-9a-f-]{36}$/.test(uuid)) return null;
    const text = await readTextIfExists(this.file(uuid));
    if (text === null) return null;
    const parsed = localIdentitySchema.safeParse(safeJson(text));
    return parsed.success ? parsed.data : null;
  }

  async write(identity: LocalIdentity): Promise<void> {
    await writeSecretFile(this.file(identity.uuid), `${JSON.stringify(identity, null, 2)}\n`);
  }

  async remove(uuid: string): Promise<boolean> {
    const identity = await this.read(uuid);
    const removed = await removeFile(this.file(uuid));
    if (identity?.phone) await removeFile(this.phoneFile(identity.phone));
    return removed;
  }

  async all(): Promise<LocalIdentity[]> {
    let names: string[];
    try {
      names = await fsp.readdir(path.join(this.dir, 'identities'));
    } catch {
      return [];
    }
    const uuids = names.filter((n) => /^[0-9a-f-]{36}\.json$/.test(n)).map((n) => n.slice(0, -5));
    const texts = await readTextFiles(uuids.map((uuid) => this.file(uuid)));
    return texts.flatMap((text) => {
      const parsed = text === null ? null : localIdentitySchema.safeParse(safeJson(text));
      return parsed?.success ? [parsed.data] : [];
    });
  }

  /** Claims a phone number for `uuid`; false when another identity already holds it. */
  claimPhone(phone: string, uuid: string): Promise<boolean> {
    return createExclusive(this.phoneFile(phone), uuid);
  }

  private phoneFile(phone: string): string {
    return path.join(this.dir, 'phones', phone.replace(/[^0-9]/g, ''));
  }
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
