/**
 * The local provider's inbox: one file per message under `<state>/local/inbox/<uuid>/`,
 * named `<receivedAt ms>-<id>.json`, so listing newest first (or only what arrived after a
 * cursor) is a sort of file names, and concurrent deliveries never touch the same file.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ensureDir, readTextFiles, removeTree, SECRET_DIR_MODE, writeSecretFile } from '../io/files';
import { safeJson } from '../providers/local/store';
import type { InboxMessage } from '../providers/types';

export const inboxMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  from: z.string(),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  receivedAt: z.string(),
});

/** What a delivery supplies; the store adds `id` and `receivedAt`. */
export type NewMessage = Omit<InboxMessage, 'id' | 'receivedAt'>;

const FILE = /^(\d{13})-([A-Za-z0-9_-]+)\.json$/;
const UUID = /^[0-9a-f-]{36}$/;

/** The local provider's inboxes in a state directory. */
export function localInbox(stateDir: string): InboxStore {
  return new InboxStore(path.join(stateDir, 'local', 'inbox'));
}

export class InboxStore {
  /** `root` is `<state>/local/inbox`. */
  constructor(readonly root: string) {}

  dirOf(uuid: string): string {
    if (!UUID.test(uuid)) throw new Error(`not an identity uuid: ${uuid}`);
    return path.join(this.root, uuid);
  }

  /** Stores one message for `uuid` (0600, atomically) and returns it as stored. */
  async add(uuid: string, message: NewMessage, now = new Date()): Promise<InboxMessage> {
    const stored: InboxMessage = {
      id: `msg_${randomBytes(9).toString('base64url')}`,
      ...message,
      receivedAt: now.toISOString(),
    };
    const name = `${String(now.getTime()).padStart(13, '0')}-${stored.id}.json`;
    await writeSecretFile(path.join(this.dirOf(uuid), name), `${JSON.stringify(stored, null, 2)}\n`);
    return stored;
  }

  /** Messages newest first; `since` (ISO-8601, inclusive) and `limit` filter by file name only. */
  async list(uuid: string, options: { since?: string; limit?: number } = {}): Promise<InboxMessage[]> {
    const dir = this.dirOf(uuid);
    let names: string[];
    try {
      names = await fsp.readdir(dir);
    } catch {
      return [];
    }
    const since = options.since === undefined ? 0 : Date.parse(options.since);
    const picked = names
      .map((name) => ({ name, match: FILE.exec(name) }))
      .filter(({ match }) => match !== null && Number(match[1]) >= since)
      .map(({ name }) => name)
      .sort()
      .reverse()
      .slice(0, options.limit ?? Number.POSITIVE_INFINITY);
    const texts = await readTextFiles(picked.map((name) => path.join(dir, name)));
    return texts.flatMap((text) => {
      const parsed = text === null ? null : inboxMessageSchema.safeParse(safeJson(text));
      return parsed?.success ? [parsed.data] : [];
    });
  }

  /** Makes sure the inbox directory exists, so it can be watched before the first message. */
  async ensure(uuid: string): Promise<string> {
    const dir = this.dirOf(uuid);
    await ensureDir(this.root, SECRET_DIR_MODE);
    await ensureDir(dir, SECRET_DIR_MODE);
    return dir;
  }

  /** Removes the identity's whole inbox (with the identity). */
  async remove(uuid: string): Promise<void> {
    await removeTree(this.dirOf(uuid));
  }
}
