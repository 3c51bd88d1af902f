/**
 * Byte-for-byte reproductions of the Go `encoding/json` and `fmt` behaviours the ravi CLI
 * exposes: indented marshalling, HTML escaping, `%q` quoting and time formatting.
 */

const GO_ALWAYS_ESCAPED = /[\u2028\u2029]/g;
const GO_HTML_ESCAPED = /[<>&\u2028\u2029]/g;

/** `\uXXXX` with lowercase hex, as Go writes it. */
function unicodeEscape(/** @type {string} */ ch) {
  return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
}

/**
 * Go's `json.MarshalIndent(v, "", "  ")` (escapeHTML true) or an Encoder with
 * `SetEscapeHTML(false)` (the CLI's stdout). No trailing newline.
 * NOTE: `JSON.stringify` already matches Go for control characters (`\b \f \n \r \t`, else
 * `\u00xx`); Go additionally escapes U+2028/U+2029 always, and `< > &` unless told not to.
 * Those characters can only occur inside string literals, so a textual replace is safe.
 * @param {unknown} value plain JSON value, keys already in Go's order
 * @param {{ escapeHTML: boolean }} options
 */
export function goMarshalIndent(value, { escapeHTML }) {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return text.replace(escapeHTML ? GO_HTML_ESCAPED : GO_ALWAYS_ESCAPED, unicodeEscape);
}

/** Go's compact `json.Marshal` (escapeHTML true), used for request bodies and DRF-style error bodies. */
export function goMarshal(/** @type {unknown} */ value) {
  return (JSON.stringify(value) ?? 'null').replace(GO_HTML_ESCAPED, unicodeEscape);
}

/** An object whose keys are sorted, as Go marshals a `map[string]T`. */
export function goMap(/** @type {Record<string, unknown>} */ entries) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of Object.keys(entries).sort()) out[key] = entries[key];
  return out;
}

const SHORT_ESCAPES = new Map([
  [7, '\\a'],
  [8, '\\b'],
  [12, '\\f'],
  [10, '\\n'],
  [13, '\\r'],
  [9, '\\t'],
  [11, '\\v'],
]);
// Go's strconv.IsPrint is false for controls, format chars, separators other than ' ',
// surrogates and private use; \p{C} plus \p{Z} approximates it closely enough.
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Go's `%q` / `strconv.Quote`. */
export function goQuote(/** @type {string} */ s) {
  let out = '"';
  for (const ch of s) {
    const cp = /** @type {number} */ (ch.codePointAt(0));
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (SHORT_ESCAPES.has(cp)) out += SHORT_ESCAPES.get(cp);
    else if (ch === ' ' || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** Go's `quoteChar` used in JSON syntax errors: `'x'`, `'\''`, `'"'`. */
export function goQuoteChar(/** @type {string} */ ch) {
  if (ch === "'") return "'\\''";
  if (ch === '"') return "'\"'";
  const quoted = goQuote(ch);
  return "'" + quoted.slice(1, -1) + "'";
}

export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A server timestamp round-tripped through Go's `time.Time` JSON (RFC3339Nano): the
 * fraction loses its trailing zeros and a zero offset becomes `Z`.
 */
export function goTimeJSON(/** @type {string} */ value) {
  const m = RFC3339.exec(value);
  if (!m) return GO_ZERO_TIME;
  const fraction = (m[3] ?? '').slice(0, 9).replace(/0+$/, '');
  const zone = m[4] === '+00:00' || m[4] === '-00:00' ? 'Z' : m[4];
  return `${m[1]}T${m[2]}${fraction ? '.' + fraction : ''}${zone}`;
}

/** `%v` of a `time.Time`: `2026-04-23 10:11:12.123456 +0000 UTC`. */
export function goTimeString(/** @type {string} */ value) {
  const m = RFC3339.exec(goTimeJSON(value)) ?? RFC3339.exec(GO_ZERO_TIME);
  const [, date, clock, fraction, zone] = /** @type {RegExpExecArray} */ (m);
  const offset = zone === 'Z' ? '+0000 UTC' : `${zone.replace(':', '')} ${zone.replace(':', '')}`;
  return `${date} ${clock}${fraction ? '.' + fraction : ''} ${offset}`;
}
