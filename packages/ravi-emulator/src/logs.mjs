/**
 * Append-only JSON-lines logs in the state directory: `argv.log` (one line per `ravi`
 * invocation) and `http.log` (one line per HTTP request). Each line is one O_APPEND write,
 * so parallel writers never interleave. Key material is masked, never logged.
 */
import fs from 'node:fs';
import path from 'node:path';

const KEY_PATTERN = /ravi_(mk|id)_[A-Za-z0-9]+/g;

/** Masks anything shaped like a Ravi API key. */
export const redact = (/** @type {string} */ text) => text.replace(KEY_PATTERN, 'ravi_$1_***');

/** @param {string} stateDir @param {'argv.log' | 'http.log'} name @param {Record<string, unknown>} entry */
export function appendLog(stateDir, name, entry) {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.appendFileSync(path.join(stateDir, name), redact(JSON.stringify(entry)) + '\n');
}

/** @returns {any[]} the parsed lines ([] when the log does not exist yet) */
export function readLog(/** @type {string} */ stateDir, /** @type {'argv.log' | 'http.log'} */ name) {
  let text;
  try {
    text = fs.readFileSync(path.join(stateDir, name), 'utf8');
  } catch (error) {
    if (/** @type {any} */ (error).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}
