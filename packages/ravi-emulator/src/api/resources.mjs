/**
 * Identity-scoped read endpoints: assigned email and phone, the account owner, the
 * (always empty) inboxes and message lists, contacts, and SSO tokens.
 */

import { randomBytes } from 'node:crypto';
import { listIdentities } from '../state/store.mjs';
import { ApiError, detailError, json, notFound } from './respond.mjs';

/** @typedef {import('./auth.mjs').Scope} Scope */

/** The identities a scope covers: one, or (account scope) all of the account's. */
function scopeIdentities(/** @type {string} */ stateDir, /** @type {Scope} */ scope) {
  const all = listIdentities(stateDir, scope.account.uuid);
  return scope.identity === null ? all : all.filter((i) => i.uuid === scope.identity);
}

/** `GET /api/email/`: `[{id, email, created_dt}]`. */
export const emailRoute = (/** @type {string} */ stateDir, /** @type {Scope} */ scope) =>
  json(
    200,
    scopeIdentities(stateDir, scope).map((i) => ({
      id: i.email_id,
      email: i.inbox,
      created_dt: i.created_dt,
    })),
  );

/** `GET /api/phone/`: `[{id, phone_number, provider, created_dt}]`, empty without a phone. */
export const phoneRoute = (/** @type {string} */ stateDir, /** @type {Scope} */ scope) =>
  json(
    200,
    scopeIdentities(stateDir, scope)
      .filter((i) => i.phone)
      .map((i) => ({ id: i.phone_id, phone_number: i.phone, provider: 'twilio', created_dt: i.created_dt })),
  );

/** `GET /api/master/`. */
export const ownerRoute = (/** @type {Scope} */ scope) =>
  json(200, { first_name: scope.account.first_name, last_name: scope.account.last_name });

/**
 * Inboxes, messages and contacts hold nothing in the emulator: lists are `[]`, a specific
 * thread, conversation, message or contact is 404.
 */
export const emptyCollectionRoute = (/** @type {string | undefined} */ itemId) => {
  if (itemId) throw notFound();
  return json(200, []);
};

/** `POST /api/sso/token/`: identity key and a paid plan required. */
export function ssoTokenRoute(/** @type {Scope} */ scope) {
  if (scope.identity === null) throw detailError(403, 'SSO tokens require an identity-scoped API key.');
  if (scope.account.plan !== 'paid') {
    throw new ApiError(402, {
      detail: 'SSO requires an active subscription.',
      code: 'subscription_required',
    });
  }
  const expires = new Date(Date.now() + 5 * 60_000).toISOString();
  return json(201, { token: `rvt_${randomBytes(24).toString('base64url')}`, expires_at: expires });
}
