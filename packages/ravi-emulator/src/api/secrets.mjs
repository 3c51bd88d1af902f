/**
 * `/api/secrets/`. The server upper-cases keys and validates `^[A-Z][A-Z0-9_]*$` [DOC], and a
 * key is unique per identity [INFERRED]. The `?key=` filter is an exact, case-sensitive match
 * [INFERRED], which reproduces the contract's warning: `ravi secrets set foo x` looks up
 * "foo", misses, then POSTs and the server stores "FOO" (or fails if FOO already exists).
 */
import { createEntry, deleteEntry, getEntry, listEntries, updateEntry } from '../state/entries.mjs';
import { uuid } from '../state/random.mjs';
import { drfNow, getIdentity, listIdentities } from '../state/store.mjs';
import { fieldError, json, noContent, notFound } from './respond.mjs';

/** @typedef {import('./auth.mjs').Scope} Scope */

/** Scope directories a caller can read (account scope: everything in the account). */
export function readScopes(/** @type {string} */ stateDir, /** @type {Scope} */ scope) {
  if (scope.identity !== null) return [scope.identity];
  return [
    ...listIdentities(stateDir, scope.account.uuid).map((i) => i.uuid),
    `account-${scope.account.uuid}`,
  ];
}

/** Where a caller's new entries go, and the integer `identity` they carry (null: none). */
export function writeScope(/** @type {string} */ stateDir, /** @type {Scope} */ scope) {
  if (scope.identity === null) return { dir: `account-${scope.account.uuid}`, identityPk: null };
  return { dir: scope.identity, identityPk: getIdentity(stateDir, scope.identity)?.pk ?? null };
}

const KEY = /^[A-Z][A-Z0-9_]*$/;

/** @returns {string} the normalised key */
function validKey(/** @type {unknown} */ key) {
  if (typeof key !== 'string' || key === '') throw fieldError('key', 'This field may not be blank.');
  const upper = key.toUpperCase();
  if (upper.length > 128) throw fieldError('key', 'Ensure this field has no more than 128 characters.');
  if (!KEY.test(upper)) {
    throw fieldError('key', 'Key must start with a letter and contain only letters, digits and underscores.');
  }
  return upper;
}

function validValue(/** @type {unknown} */ value) {
  if (typeof value !== 'string' || value === '') throw fieldError('value', 'This field may not be blank.');
  return value;
}

/** The server's JSON for an entry (drops storage-only fields). */
const secretJson = (/** @type {Record<string, any>} */ e) => ({
  uuid: e.uuid,
  identity: e.identity,
  key: e.key,
  value: e.value,
  notes: e.notes,
  created_dt: e.created_dt,
  updated_dt: e.updated_dt,
});

/** `GET /api/secrets/[?key=K]`. */
export function listSecretsRoute(
  /** @type {string} */ stateDir,
  /** @type {Scope} */ scope,
  /** @type {URLSearchParams} */ query,
) {
  const key = query.get('key');
  const entries = listEntries(stateDir, 'secrets', readScopes(stateDir, scope));
  return json(200, entries.filter((e) => key === null || e.key === key).map(secretJson));
}

/** `POST /api/secrets/`. */
export function createSecretRoute(
  /** @type {string} */ stateDir,
  /** @type {Scope} */ scope,
  /** @type {any} */ body,
) {
  const key = validKey(body?.key);
  const value = validValue(body?.value);
  const { dir, identityPk } = writeScope(stateDir, scope);
  const now = drfNow();
  const entry = {
    uuid: uuid(),
    identity: identityPk,
    key,
    value,
    notes: String(body?.notes ?? ''),
    created_dt: now,
    updated_dt: now,
  };
  if (!createEntry(stateDir, 'secrets', dir, entry))
    throw fieldError('key', 'A secret with this key already exists.');
  return json(201, secretJson(entry));
}

/** `GET|PATCH|DELETE /api/secrets/<uuid>/`. */
export function secretDetailRoute(
  /** @type {string} */ stateDir,
  /** @type {Scope} */ scope,
  /** @type {string} */ method,
  /** @type {string} */ id,
  /** @type {any} */ body,
) {
  const scopes = readScopes(stateDir, scope);
  if (method === 'GET') {
    const entry = getEntry(stateDir, 'secrets', scopes, id);
    if (!entry) throw notFound();
    return json(200, secretJson(entry));
  }
  if (method === 'DELETE') {
    if (!deleteEntry(stateDir, 'secrets', scopes, id)) throw notFound();
    return noContent();
  }
  /** @type {Record<string, unknown>} */
  const patch = { updated_dt: drfNow() };
  if (body && 'value' in body) patch.value = validValue(body.value);
  if (body && 'notes' in body) patch.notes = String(body.notes ?? '');
  const updated = updateEntry(stateDir, 'secrets', scopes, id, patch);
  if (!updated) throw notFound();
  return json(200, secretJson(updated));
}
