/**
 * Run-time switches that live in the state directory, so a test can flip them while
 * emulator processes and the HTTP server are running.
 */
import path from 'node:path';
import { readJson, writeJson } from './state/atomic.mjs';

/** @typedef {'ok' | 'refuse' | 'missing' | 'not-allowed'} DeleteMode */
const DELETE_MODES = ['ok', 'refuse', 'missing', 'not-allowed'];

const settingsFile = (/** @type {string} */ stateDir) => path.join(stateDir, 'settings', 'delete-mode.json');

/**
 * How `DELETE /api/identities/<uuid>/` behaves: `ok` (204), `refuse` (403), `missing`
 * (404 HTML, as if the server had no such route) or `not-allowed` (405: a server that never
 * deletes identities, which is what Ravi's docs suggest: "identities are permanent").
 * @param {string} stateDir
 * @param {DeleteMode} mode
 */
export function setDeleteMode(stateDir, mode) {
  if (!DELETE_MODES.includes(mode))
    throw new TypeError(`ravi-emulator: unknown delete mode ${JSON.stringify(mode)}`);
  writeJson(settingsFile(stateDir), { mode });
}

/**
 * The file-backed mode; else env RAVI_EMU_DELETE; else `ok`.
 * @returns {DeleteMode}
 */
export function getDeleteMode(/** @type {string} */ stateDir, env = process.env) {
  const fromFile = readJson(settingsFile(stateDir))?.mode;
  const mode = fromFile ?? env.RAVI_EMU_DELETE ?? 'ok';
  return DELETE_MODES.includes(mode) ? /** @type {DeleteMode} */ (mode) : 'ok';
}
