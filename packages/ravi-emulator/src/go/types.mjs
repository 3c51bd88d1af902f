/**
 * The Go structs of `internal/api/types.go` (v0.6.2). The real CLI decodes every server
 * response into these structs and re-encodes them, so only these keys ever reach stdout,
 * in this order, with zero values for anything missing.
 *
 * A field is `[jsonName, type, 'omitempty'?]`; a type is a scalar name, a struct shape, or
 * `{ slice: type }`.
 */
import { GO_ZERO_TIME, goTimeJSON } from './json.mjs';

/** @typedef {'string' | 'int' | 'bool' | 'time'} Scalar */
/** @typedef {{ name: string, fields: Array<[string, GoType] | [string, GoType, 'omitempty']> }} Shape */
/** @typedef {Scalar | Shape | { slice: GoType }} GoType */

/** @returns {Shape} */
const struct = (/** @type {string} */ name, /** @type {Shape['fields']} */ fields) => ({ name, fields });

export const Identity = struct('Identity', [
  ['uuid', 'string'],
  ['name', 'string'],
  ['inbox', 'string'],
  ['phone', 'string'],
  ['created_dt', 'string'],
  ['updated_dt', 'string'],
]);
export const EmailDomain = struct('EmailDomain', [
  ['uuid', 'string'],
  ['domain', 'string'],
  ['is_platform', 'bool'],
  ['is_verified', 'bool'],
  ['created_dt', 'string'],
]);
export const CreateIdentityKeyResponse = struct('CreateIdentityKeyResponse', [
  ['key', 'string'],
  ['identity_uuid', 'string'],
  ['label', 'string'],
]);
export const Email = struct('Email', [
  ['id', 'int'],
  ['email', 'string'],
  ['created_dt', 'time'],
]);
export const Phone = struct('Phone', [
  ['id', 'int'],
  ['phone_number', 'string'],
  ['provider', 'string'],
  ['created_dt', 'time'],
]);
export const Owner = struct('Owner', [
  ['first_name', 'string'],
  ['last_name', 'string'],
]);
export const SecretEntry = struct('SecretEntry', [
  ['uuid', 'string'],
  ['identity', 'int', 'omitempty'],
  ['key', 'string'],
  ['value', 'string'],
  ['notes', 'string'],
  ['created_dt', 'string'],
  ['updated_dt', 'string'],
]);
export const PasswordEntry = struct('PasswordEntry', [
  ['uuid', 'string'],
  ['identity', 'int', 'omitempty'],
  ['domain', 'string'],
  ['username', 'string'],
  ['password', 'string'],
  ['notes', 'string'],
  ['created_dt', 'string'],
  ['updated_dt', 'string'],
]);
export const GeneratedPassword = struct('GeneratedPassword', [['password', 'string']]);
export const EmailThread = struct('EmailThread', [
  ['thread_id', 'string'],
  ['subject', 'string'],
  ['preview', 'string'],
  ['from_email', 'string'],
  ['inbox', 'string'],
  ['message_count', 'int'],
  ['unread_count', 'int'],
  ['latest_message_dt', 'time'],
  ['oldest_message_dt', 'time'],
]);
export const SMSConversation = struct('SMSConversation', [
  ['conversation_id', 'string'],
  ['from_number', 'string'],
  ['phone', 'string'],
  ['phone_number', 'string'],
  ['preview', 'string'],
  ['message_count', 'int'],
  ['unread_count', 'int'],
  ['latest_message_dt', 'time'],
]);
export const PhoneMessage = struct('PhoneMessage', [
  ['id', 'int'],
  ['url', 'string'],
  ['from_number', 'string'],
  ['to_number', 'string'],
  ['body', 'string'],
  ['message_sid', 'string'],
  ['phone', 'string'],
  ['direction', 'string'],
  ['is_read', 'bool'],
  ['created_dt', 'time'],
]);
export const Attachment = struct('Attachment', [
  ['uuid', 'string'],
  ['filename', 'string'],
  ['content_type', 'string'],
  ['size', 'int'],
  ['is_inline', 'bool'],
  ['download_url', 'string', 'omitempty'],
]);
export const EmailMessageDetail = struct('EmailMessageDetail', [
  ['id', 'int'],
  ['url', 'string'],
  ['from_email', 'string'],
  ['to_email', 'string'],
  ['cc', 'string'],
  ['subject', 'string'],
  ['text_content', 'string'],
  ['html_content', 'string'],
  ['direction', 'string'],
  ['is_read', 'bool'],
  ['attachments', { slice: Attachment }],
  ['message_id', 'string'],
  ['thread_id', 'string'],
  ['created_dt', 'time'],
]);
export const ContactEntry = struct('ContactEntry', [
  ['uuid', 'string'],
  ['email', 'string'],
  ['phone_number', 'string'],
  ['display_name', 'string'],
  ['nickname', 'string'],
  ['is_trusted', 'bool'],
  ['source', 'string'],
  ['interaction_count', 'int'],
  ['last_interaction_dt', 'string'],
  ['created_dt', 'string'],
  ['updated_dt', 'string'],
]);
export const SSOTokenResponse = struct('SSOTokenResponse', [
  ['token', 'string'],
  ['expires_at', 'string'],
]);

/** `{ slice: T }`: the CLI's `[]T`. */
export const sliceOf = (/** @type {GoType} */ type) => ({ slice: type });

/** The zero value of a Go type (nil for slices). */
function zero(/** @type {GoType} */ type) {
  if (type === 'string') return '';
  if (type === 'int') return 0;
  if (type === 'bool') return false;
  if (type === 'time') return GO_ZERO_TIME;
  if (typeof type === 'object' && 'slice' in type) return null;
  return decode(type, {});
}

/**
 * `json.Unmarshal` into the Go type: unknown keys dropped, key match case-insensitive
 * (exact match preferred), missing or mistyped values left at zero.
 * @param {GoType} type
 * @param {unknown} raw
 * @returns {any}
 */
export function decode(type, raw) {
  if (type === 'string') return typeof raw === 'string' ? raw : '';
  if (type === 'int') return typeof raw === 'number' ? Math.trunc(raw) : 0;
  if (type === 'bool') return typeof raw === 'boolean' ? raw : false;
  if (type === 'time') return typeof raw === 'string' ? goTimeJSON(raw) : GO_ZERO_TIME;
  if ('slice' in type) return Array.isArray(raw) ? raw.map((item) => decode(type.slice, item)) : null;
  const source = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const keys = Object.keys(source);
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [name, fieldType] of type.fields) {
    const key = keys.includes(name) ? name : keys.findLast((k) => k.toLowerCase() === name.toLowerCase());
    out[name] = key === undefined ? zero(fieldType) : decode(fieldType, /** @type {any} */ (source)[key]);
  }
  return out;
}

/** The JSON value Go would encode for a decoded value (applies `omitempty`). */
export function encode(/** @type {GoType} */ type, /** @type {any} */ value) {
  if (typeof type === 'string') return value;
  if ('slice' in type)
    return value === null ? null : value.map((/** @type {any} */ item) => encode(type.slice, item));
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [name, fieldType, omit] of type.fields) {
    const v = value[name];
    if (omit && (v === 0 || v === '' || v === false || v === null)) continue;
    out[name] = encode(fieldType, v);
  }
  return out;
}
