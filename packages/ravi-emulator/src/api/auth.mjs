/**
 * Who is calling, and what they may see.
 *
 * - No `Authorization` header: 401 "Authentication credentials were not provided." [CONFIRMED
 *   text via the CLI's `API error: <detail>`].
 * - Unknown or revoked key (including every key of a deleted identity): 401 "Invalid API key."
 *   [INFERRED wording].
 * - Management endpoints with an identity key: 403 [INFERRED].
 * - Identity-scoped endpoints with a management key (the CLI falls back to it when the config
 *   has no identity_key): what the real server does is [NOT FOUND]. Default `reject` answers
 *   403 so a missing identity key is loud in tests; `account` (RAVI_EMU_MANAGEMENT_SCOPE)
 *   serves the account-wide, "unscoped" view instead.
 */
import { getAccount, resolveKey } from '../state/store.mjs';
import { detailError } from './respond.mjs';

/**
 * @typedef {{ kind: 'none' } | { kind: 'invalid' } |
 *   { kind: 'management' | 'identity', account: import('../state/store.mjs').Account, identity: string | null }} Caller
 * @typedef {{ account: import('../state/store.mjs').Account, identity: string | null }} Scope
 */

/** @returns {Caller} */
export function identifyCaller(
  /** @type {string} */ stateDir,
  /** @type {string | undefined} */ authorization,
) {
  if (!authorization) return { kind: 'none' };
  const match = /^Bearer (\S+)$/.exec(authorization);
  const record = match ? resolveKey(stateDir, /** @type {string} */ (match[1])) : null;
  const account = record ? getAccount(stateDir, record.account) : null;
  if (!record || !account) return { kind: 'invalid' };
  return { kind: record.kind, account, identity: record.identity };
}

export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';
export const INVALID_KEY = 'Invalid API key.';
export const NO_PERMISSION = 'You do not have permission to perform this action.';
export const NEEDS_IDENTITY_KEY =
  'This endpoint requires an identity-scoped API key. Run `ravi identity use <uuid>`.';

function authenticated(/** @type {Caller} */ caller) {
  if (caller.kind === 'none') throw detailError(401, NOT_AUTHENTICATED);
  if (caller.kind === 'invalid') throw detailError(401, INVALID_KEY);
  return caller;
}

/** Account-level endpoints (`identity list|create|use`, `domains`, identity delete). */
export function requireManagement(/** @type {Caller} */ caller) {
  const ok = authenticated(caller);
  if (ok.kind !== 'management') throw detailError(403, NO_PERMISSION);
  return ok.account;
}

/**
 * Identity-scoped endpoints. @returns {Scope}
 * @param {Caller} caller
 * @param {'reject' | 'account'} managementScope
 */
export function requireScope(caller, managementScope) {
  const ok = authenticated(caller);
  if (ok.kind === 'identity') return { account: ok.account, identity: ok.identity };
  if (managementScope !== 'account') throw detailError(403, NEEDS_IDENTITY_KEY);
  return { account: ok.account, identity: null };
}
