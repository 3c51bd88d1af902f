/**
 * Account-level endpoints: identities, identity keys, domains.
 * Creation validates everything first and only then claims unique values, so a rejected
 * request changes nothing.
 */
import { between, hex, humanName, uuid } from '../state/random.mjs';
import {
  allocatePk,
  deleteIdentity,
  drfNow,
  getIdentity,
  listIdentities,
  mintKey,
  PLATFORM_DOMAIN,
  reserve,
  saveIdentity,
} from '../state/store.mjs';
import { ApiError, detailError, fieldError, json, noContent, notFound } from './respond.mjs';

/** @typedef {import('../state/store.mjs').Account} Account */
/** @typedef {import('../state/store.mjs').IdentityRecord} IdentityRecord */

/** The server's JSON for an identity (the CLI's `Identity` struct keys). */
export const identityJson = (/** @type {IdentityRecord} */ i) => ({
  uuid: i.uuid,
  name: i.name,
  inbox: i.inbox,
  phone: i.phone,
  created_dt: i.created_dt,
  updated_dt: i.updated_dt,
});

export const listIdentitiesRoute = (/** @type {string} */ stateDir, /** @type {Account} */ account) =>
  json(200, listIdentities(stateDir, account.uuid).map(identityJson));

function slug(/** @type {string} */ name) {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return s || 'agent';
}

const LOCAL_PART = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

/** Resolves `--email` (local part, full address, or nothing) to a claimed inbox address. */
function claimInbox(
  /** @type {string} */ stateDir,
  /** @type {Account} */ account,
  /** @type {string} */ name,
  /** @type {unknown} */ email,
) {
  if (email === undefined || email === null || email === '') {
    for (;;) {
      const address = `${slug(name)}-${hex(4)}@${PLATFORM_DOMAIN}`;
      if (reserve(stateDir, 'inbox', address)) return address;
    }
  }
  if (typeof email !== 'string') throw fieldError('email', 'Not a valid string.');
  const lower = email.trim().toLowerCase();
  const [local = '', domain = PLATFORM_DOMAIN, ...extra] = lower.split('@');
  if (extra.length > 0 || !LOCAL_PART.test(local)) throw fieldError('email', 'Enter a valid email address.');
  if (!account.domains.some((d) => d.domain === domain && d.is_verified)) {
    throw fieldError('email', `Domain "${domain}" is not a verified domain of this account.`);
  }
  const address = `${local}@${domain}`;
  if (!reserve(stateDir, 'inbox', address)) throw fieldError('email', 'This email address is already taken.');
  return address;
}

/** A unique number in the fictional NANP range NXX-555-01XX. */
function claimPhone(/** @type {string} */ stateDir) {
  for (;;) {
    let npa = between(201, 989);
    if (npa % 100 === 11) npa += 1;
    const number = `+1${npa}55501${String(between(0, 99)).padStart(2, '0')}`;
    if (reserve(stateDir, 'phone', number)) return number;
  }
}

/**
 * `POST /api/identities/` with `{name?, email?, provision_phone?}`. With `apiKeyOnCreate`
 * (newer servers), the answer also holds the identity's one-time key as `api_key`.
 */
export function createIdentityRoute(
  /** @type {string} */ stateDir,
  /** @type {Account} */ account,
  /** @type {any} */ body,
  apiKeyOnCreate = false,
) {
  const input = body && typeof body === 'object' ? body : {};
  if (input.name !== undefined && typeof input.name !== 'string')
    throw fieldError('name', 'Not a valid string.');
  if (typeof input.name === 'string' && input.name.length > 100) {
    throw fieldError('name', 'Ensure this field has no more than 100 characters.');
  }
  const provisionPhone = input.provision_phone === true;
  if (provisionPhone && account.plan !== 'paid') {
    throw new ApiError(402, {
      detail: 'Phone provisioning requires an active subscription.',
      code: 'subscription_required',
    });
  }
  const name = input.name?.trim() || humanName();
  const inbox = claimInbox(stateDir, account, name, input.email);
  const phone = provisionPhone ? claimPhone(stateDir) : '';
  const now = drfNow();
  /** @type {IdentityRecord} */
  const identity = {
    uuid: uuid(),
    pk: allocatePk(stateDir, 'identity'),
    account: account.uuid,
    name,
    inbox,
    phone,
    email_id: allocatePk(stateDir, 'email'),
    phone_id: phone ? allocatePk(stateDir, 'phone') : 0,
    created_dt: now,
    updated_dt: now,
  };
  saveIdentity(stateDir, identity);
  if (!apiKeyOnCreate) return json(201, identityJson(identity));
  const key = mintKey(stateDir, {
    kind: 'identity',
    account: account.uuid,
    identity: identity.uuid,
    label: 'api',
  });
  return json(201, { ...identityJson(identity), api_key: key });
}

/** `GET /api/identities/<uuid>/`: 404 for unknown uuids and other accounts' identities. */
export function identityDetailRoute(
  /** @type {string} */ stateDir,
  /** @type {Account} */ account,
  /** @type {string} */ id,
) {
  const identity = getIdentity(stateDir, id);
  if (!identity || identity.account !== account.uuid) throw notFound();
  return json(200, identityJson(identity));
}

/** `DELETE /api/identities/<uuid>/`: 404 for unknown uuids and other accounts' identities. */
export function deleteIdentityRoute(
  /** @type {string} */ stateDir,
  /** @type {Account} */ account,
  /** @type {string} */ id,
) {
  const identity = getIdentity(stateDir, id);
  if (!identity || identity.account !== account.uuid) throw notFound();
  if (!deleteIdentity(stateDir, id)) throw notFound();
  return noContent();
}

/** `POST /api/auth/keys/identity/` with `{identity_uuid, label}`: mints a new identity key. */
export function mintIdentityKeyRoute(
  /** @type {string} */ stateDir,
  /** @type {Account} */ account,
  /** @type {any} */ body,
) {
  const id = typeof body?.identity_uuid === 'string' ? body.identity_uuid : '';
  if (!id) throw fieldError('identity_uuid', 'This field is required.');
  const identity = getIdentity(stateDir, id);
  if (!identity || identity.account !== account.uuid) throw detailError(404, 'Identity not found.');
  const label = typeof body.label === 'string' ? body.label : '';
  const key = mintKey(stateDir, { kind: 'identity', account: account.uuid, identity: id, label });
  return json(201, { key, identity_uuid: id, label });
}

export const domainsRoute = (/** @type {Account} */ account) => json(200, account.domains);
