/**
 * `/api/passwords/` and the server-side generator. The server normalises domains
 * (`app.example.com` → `example.com`) [DOC] and defaults an empty username to the identity's
 * email [INFERRED from the flag help].
 */
import { createEntry, deleteEntry, getEntry, listEntries, updateEntry } from '../state/entries.mjs';
import { rng, uuid } from '../state/random.mjs';
import { drfNow, getIdentity } from '../state/store.mjs';
import { detailError, fieldError, json, noContent, notFound } from './respond.mjs';
import { readScopes, writeScope } from './secrets.mjs';

/** @typedef {import('./auth.mjs').Scope} Scope */

const SETS = {
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  digits: '0123456789',
  special: '!@#$%^&*()-_=+[]{};:,.<>?',
};

/** `GET /api/passwords/generate-password/?length=&digits=false&special=false&exclude_chars=`. */
export function generatePasswordRoute(/** @type {URLSearchParams} */ query) {
  const length = query.has('length') ? Number(query.get('length')) : 16;
  if (!Number.isInteger(length)) throw fieldError('length', 'A valid integer is required.');
  if (length < 8) throw fieldError('length', 'Ensure this value is greater than or equal to 8.');
  if (length > 128) throw fieldError('length', 'Ensure this value is less than or equal to 128.');
  const exclude = new Set(query.get('exclude_chars') ?? '');
  const pools = Object.entries(SETS)
    .filter(([name]) => query.get(name) !== 'false')
    .map(([, chars]) => [...chars].filter((c) => !exclude.has(c)).join(''))
    .filter((chars) => chars.length > 0);
  if (pools.length === 0) throw detailError(400, 'No characters available to generate a password.');
  const draw = (/** @type {string} */ chars) => chars[Math.floor(rng() * chars.length)];
  const all = pools.join('');
  const chars = [...pools.map(draw), ...Array.from({ length: length - pools.length }, () => draw(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return json(200, { password: chars.join('') });
}

const TWO_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu']);

/** `https://app.example.com/login` → `example.com`; `shop.example.co.uk` → `example.co.uk`. */
export function normalizeDomain(/** @type {string} */ input) {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || !host.includes('.')) return host;
  const labels = host.split('.');
  const keep =
    labels.length >= 3 && TWO_LEVEL.has(/** @type {string} */ (labels.at(-2))) && labels.at(-1)?.length === 2
      ? 3
      : 2;
  return labels.slice(-keep).join('.');
}

const passwordJson = (/** @type {Record<string, any>} */ e) => ({
  uuid: e.uuid,
  identity: e.identity,
  domain: e.domain,
  username: e.username,
  password: e.password,
  notes: e.notes,
  created_dt: e.created_dt,
  updated_dt: e.updated_dt,
});

function required(/** @type {unknown} */ value, /** @type {string} */ field) {
  if (typeof value !== 'string' || value.trim() === '')
    throw fieldError(field, 'This field may not be blank.');
  return value;
}

/** `GET /api/passwords/`. */
export const listPasswordsRoute = (/** @type {string} */ stateDir, /** @type {Scope} */ scope) =>
  json(200, listEntries(stateDir, 'passwords', readScopes(stateDir, scope)).map(passwordJson));

/** `POST /api/passwords/`. */
export function createPasswordRoute(
  /** @type {string} */ stateDir,
  /** @type {Scope} */ scope,
  /** @type {any} */ body,
) {
  const domain = normalizeDomain(required(body?.domain, 'domain'));
  const password = required(body?.password, 'password');
  const { dir, identityPk } = writeScope(stateDir, scope);
  const defaultUser = scope.identity
    ? (getIdentity(stateDir, scope.identity)?.inbox ?? '')
    : scope.account.email;
  const now = drfNow();
  const entry = {
    uuid: uuid(),
    identity: identityPk,
    domain,
    username: typeof body.username === 'string' && body.username !== '' ? body.username : defaultUser,
    password,
    notes: String(body.notes ?? ''),
    created_dt: now,
    updated_dt: now,
  };
  createEntry(stateDir, 'passwords', dir, entry);
  return json(201, passwordJson(entry));
}

/** `GET|PATCH|DELETE /api/passwords/<uuid>/`. */
export function passwordDetailRoute(
  /** @type {string} */ stateDir,
  /** @type {Scope} */ scope,
  /** @type {string} */ method,
  /** @type {string} */ id,
  /** @type {any} */ body,
) {
  const scopes = readScopes(stateDir, scope);
  if (method === 'GET') {
    const entry = getEntry(stateDir, 'passwords', scopes, id);
    if (!entry) throw notFound();
    return json(200, passwordJson(entry));
  }
  if (method === 'DELETE') {
    if (!deleteEntry(stateDir, 'passwords', scopes, id)) throw notFound();
    return noContent();
  }
  /** @type {Record<string, unknown>} */
  const patch = { updated_dt: drfNow() };
  if (body && 'domain' in body) patch.domain = normalizeDomain(required(body.domain, 'domain'));
  if (body && 'username' in body) patch.username = String(body.username ?? '');
  if (body && 'password' in body) patch.password = required(body.password, 'password');
  if (body && 'notes' in body) patch.notes = String(body.notes ?? '');
  const updated = updateEntry(stateDir, 'passwords', scopes, id, patch);
  if (!updated) throw notFound();
  return json(200, passwordJson(updated));
}
