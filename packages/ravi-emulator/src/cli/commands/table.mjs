/** The CLI's `truncate` helper for human tables (byte-based, like Go's `len`). */
export function truncate(/** @type {string} */ s, /** @type {number} */ max) {
  const limit = Math.max(max, 4);
  return s.length <= limit ? s : `${s.slice(0, limit - 3)}...`;
}
