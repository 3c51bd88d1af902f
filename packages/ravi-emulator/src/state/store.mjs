/**
 * The emulated server's data: accounts, API keys and identities, one JSON file each under
 * the state directory. Uniqueness (primary keys, inbox addresses, phone numbers) is claimed
 * with exclusive file creation, so concurrent creates never need a lock.
 *
 *   accounts/<uuid>.json     identities/<uuid>.json     deleted/<uuid>.json (tombstones)
 *   keys/<sha256(key)>.json  reserved/<kind>/<value>    secrets/ passwords/ (see entries.mjs)
 */
import fs from 'node:fs';
import path from 'node:path';
import { createExclusive, listJson, readJson, writeJson } from './atomic.mjs';
import { apiKey, between, keyHash, uuid } from './random.mjs';

export const PLATFORM_DOMAIN = 'mail.ravi.test';

/**
 * @typedef {{ uuid: string, domain: string, is_platform: boolean, is_verified: boolean, created_dt: string }} Domain
 * @typedef {{ uuid: string, pk: number, email: string, first_name: string, last_name: string,
 *   plan: 'paid' | 'free', domains: Domain[], created_dt: string }} Account
 * @typedef {{ uuid: string, pk: number, account: string, name: string, inbox: string, phone: string,
 *   email_id: number, phone_id: number, created_dt: string, updated_dt: string }} IdentityRecord
 * @typedef {{ kind: 'management' | 'identity', account: string, identity: string | null, label: string, created_dt: string }} KeyRecord
 */

/** A DRF-style timestamp with microseconds: `2026-04-23T10:11:12.123456Z`. */
export function drfNow(/** @type {Date} */ date = new Date()) {
  const micro = String(Math.floor(Number(process.hrtime.bigint() % 1000n))).padStart(3, '0');
  let stamp = date.toISOString().replace(/\.(\d{3})Z$/, `.$1${micro}Z`);
  // NOTE: a database's insertion times never run backwards within one server process; the
  // random microseconds alone could, within one millisecond (messages sort by them)
  if (stamp <= lastStamp) stamp = nextMicro(lastStamp);
  lastStamp = stamp;
  return stamp;
}

let lastStamp = '';

/** `…T10:11:12.123456Z` plus one microsecond. */
function nextMicro(/** @type {string} */ stamp) {
  const [, head = '', ms = '0', micro = '0'] = /^(.*\.)(\d{3})(\d{3})Z$/.exec(stamp) ?? [];
  const total = Number(ms) * 1000 + Number(micro) + 1;
  if (total >= 1_000_000) return drfNow(new Date(Date.parse(stamp.slice(0, 19) + 'Z') + 1000));
  return `${head}${String(total).padStart(6, '0')}Z`;
}

const file = (/** @type {string} */ stateDir, /** @type {string} */ dir, /** @type {string} */ name) =>
  path.join(stateDir, dir, `${name}.json`);

/** Claims `value` in a uniqueness namespace. @returns {boolean} false if already taken */
export function reserve(
  /** @type {string} */ stateDir,
  /** @type {string} */ kind,
  /** @type {string} */ value,
) {
  return createExclusive(path.join(stateDir, 'reserved', kind, value), { pid: process.pid, time: drfNow() });
}

/** A unique positive integer id (the server's integer primary keys). */
export function allocatePk(/** @type {string} */ stateDir, /** @type {string} */ kind) {
  for (;;) {
    const pk = between(1000, 2_000_000_000);
    if (reserve(stateDir, `pk-${kind}`, String(pk))) return pk;
  }
}

/**
 * Creates an account and its management key (what `ravi auth login` leaves behind).
 * @param {string} stateDir
 * @param {{ email: string, firstName?: string, lastName?: string, plan?: 'paid' | 'free', domains?: string[] }} options
 */
export function createAccount(stateDir, options) {
  const created = drfNow();
  /** @type {Account} */
  const account = {
    uuid: uuid(),
    pk: allocatePk(stateDir, 'account'),
    email: options.email,
    first_name: options.firstName ?? 'Test',
    last_name: options.lastName ?? 'Owner',
    plan: options.plan ?? 'paid',
    domains: [PLATFORM_DOMAIN, ...(options.domains ?? [])].map((domain) => ({
      uuid: uuid(),
      domain,
      is_platform: domain === PLATFORM_DOMAIN,
      is_verified: true,
      created_dt: created,
    })),
    created_dt: created,
  };
  writeJson(file(stateDir, 'accounts', account.uuid), account);
  const managementKey = mintKey(stateDir, {
    kind: 'management',
    account: account.uuid,
    identity: null,
    label: 'cli',
  });
  return { account, managementKey };
}

/** @returns {Account | null} */
export const getAccount = (/** @type {string} */ stateDir, /** @type {string} */ id) =>
  readJson(file(stateDir, 'accounts', id));

/** Stores a new key by hash and returns its only plaintext copy. */
export function mintKey(/** @type {string} */ stateDir, /** @type {Omit<KeyRecord, 'created_dt'>} */ record) {
  const key = apiKey(record.kind === 'management' ? 'mk' : 'id');
  writeJson(file(stateDir, 'keys', keyHash(key)), { ...record, created_dt: drfNow() });
  return key;
}

/**
 * The key's record, or null when unknown or when its identity was deleted (its keys stop
 * working with it).
 * @returns {KeyRecord | null}
 */
export function resolveKey(/** @type {string} */ stateDir, /** @type {string} */ key) {
  if (!/^ravi_(mk|id)_[A-Za-z0-9]+$/.test(key)) return null;
  /** @type {KeyRecord | null} */
  const record = readJson(file(stateDir, 'keys', keyHash(key)));
  if (!record) return null;
  if (record.identity && !getIdentity(stateDir, record.identity)) return null;
  return record;
}

/** @returns {IdentityRecord | null} */
export const getIdentity = (/** @type {string} */ stateDir, /** @type {string} */ id) =>
  /^[0-9a-f-]{36}$/.test(id) ? readJson(file(stateDir, 'identities', id)) : null;

/** An account's live identities, oldest first. @returns {IdentityRecord[]} */
export function listIdentities(/** @type {string} */ stateDir, /** @type {string | null} */ account = null) {
  /** @type {IdentityRecord[]} */
  const all = listJson(path.join(stateDir, 'identities'));
  return all
    .filter((identity) => account === null || identity.account === account)
    .sort((a, b) =>
      a.created_dt === b.created_dt ? (a.uuid < b.uuid ? -1 : 1) : a.created_dt < b.created_dt ? -1 : 1,
    );
}

/** Identities removed through `DELETE /api/identities/<uuid>/`. @returns {IdentityRecord[]} */
export const listDeletedIdentities = (/** @type {string} */ stateDir) =>
  listJson(path.join(stateDir, 'deleted'));

/** Persists a fully built identity; the uuid is fresh, so a plain atomic write suffices. */
export const saveIdentity = (/** @type {string} */ stateDir, /** @type {IdentityRecord} */ identity) =>
  writeJson(file(stateDir, 'identities', identity.uuid), identity);

/**
 * Moves the identity to `deleted/` (one atomic rename, so a concurrent delete gets 404)
 * and drops its secrets and passwords.
 * @returns {boolean} false when it did not exist
 */
export function deleteIdentity(/** @type {string} */ stateDir, /** @type {string} */ id) {
  fs.mkdirSync(path.join(stateDir, 'deleted'), { recursive: true });
  try {
    fs.renameSync(file(stateDir, 'identities', id), file(stateDir, 'deleted', id));
  } catch (error) {
    if (/** @type {any} */ (error).code === 'ENOENT') return false;
    throw error;
  }
  for (const kind of ['secrets', 'passwords'])
    fs.rmSync(path.join(stateDir, kind, id), { recursive: true, force: true });
  return true;
}
