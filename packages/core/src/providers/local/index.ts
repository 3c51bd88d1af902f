/**
 * The embedded `local` provider: offline identities for trying ravi-hooks without a Ravi
 * account. Emails live under the reserved `.invalid` TLD and phone numbers in the
 * fictional 555-01XX range, so nothing here can ever reach a real person.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import path from 'node:path';
import { ProviderError } from '../../errors';
import { localInbox } from '../../inbox/store';
import type { Identity, Provider, ProviderContext } from '../types';
import { type LocalIdentity, LocalStore } from './store';
import { watchInbox } from './watch';

export const LOCAL_EMAIL_DOMAIN = 'ravi-local.invalid';

export function createLocalProvider(context: ProviderContext): Provider {
  const store = new LocalStore(path.join(context.stateDir, 'local'));
  const inbox = localInbox(context.stateDir);
  const toIdentity = (i: LocalIdentity): Identity => ({
    uuid: i.uuid,
    name: i.name,
    email: i.email,
    phone: i.phone,
    createdAt: i.createdAt,
    ...(i.tag === undefined ? {} : { tag: i.tag }),
  });
  const mustRead = async (uuid: string): Promise<LocalIdentity> => {
    const identity = await store.read(uuid);
    if (identity === null) throw new ProviderError('E_PROVIDER', `local identity ${uuid} does not exist`);
    return identity;
  };

  return {
    name: 'local',
    capabilities: { delete: true, list: true, secrets: true, tags: true, inbox: true },
    async status() {
      return {
        usable: true,
        checks: [{ label: 'local store', ok: true, value: store.dir }],
      };
    },
    async assertUsable() {},
    async create(request) {
      const uuid = randomUUID();
      const slug =
        request.name
          .normalize('NFKD')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 40) || 'agent';
      const identity: LocalIdentity = {
        uuid,
        name: request.name,
        email: `${slug}.${uuid.slice(0, 8)}@${LOCAL_EMAIL_DOMAIN}`,
        phone: request.phone ? await allocatePhone(store, uuid) : null,
        createdAt: new Date().toISOString(),
        tag: request.tag,
        key: `local_id_${randomBytes(18).toString('base64url')}`,
        secrets: {},
      };
      await store.write(identity);
      return toIdentity(identity);
    },
    async credentials(identity) {
      return { identity_key: (await mustRead(identity.uuid)).key };
    },
    async delete(uuid) {
      await store.remove(uuid);
      if (/^[0-9a-f-]{36}$/.test(uuid)) await inbox.remove(uuid);
      return { deleted: true };
    },
    async list() {
      return (await store.all()).map(toIdentity);
    },
    async get(uuid) {
      const identity = await store.read(uuid);
      return identity === null ? null : toIdentity(identity);
    },
    async secrets(identity) {
      return { ...(await mustRead(identity.uuid)).secrets };
    },
    async setSecret({ uuid }, _credentials, key, value) {
      // NOTE: a read-modify-write of one identity's own file; secrets are set by one
      // agent at a time per identity, not by the concurrent provisioning path.
      const identity = await mustRead(uuid);
      identity.secrets[key] = value;
      await store.write(identity);
    },
    messages(identity, _credentials, options) {
      return inbox.list(identity.uuid, options);
    },
    watchMessages(identity, onChange) {
      return watchInbox(inbox, identity.uuid, onChange);
    },
  };
}

/** A fictional number +1 NPA 555-01XX, claimed exclusively so no two identities share it. */
async function allocatePhone(store: LocalStore, uuid: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const npa = randomInt(201, 990);
    const line = randomInt(0, 100).toString().padStart(2, '0');
    const phone = `+1${npa}55501${line}`;
    if (await store.claimPhone(phone, uuid)) return phone;
  }
  throw new ProviderError('E_PROVIDER', 'no free fictional phone number left in the local provider');
}
