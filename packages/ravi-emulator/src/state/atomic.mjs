/**
 * File primitives that stay correct under ~100 concurrent emulator processes:
 * - every entity is one JSON file, replaced by rename (readers never see a torn file);
 * - "create if absent" is `link(tmp, final)`, which fails atomically with EEXIST;
 * - a mkdir lock with stale recovery guards the few read-modify-write updates.
 * Temp files start with "." so directory listings skip them.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const tmpName = (/** @type {string} */ file) =>
  path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );

function writeTmp(/** @type {string} */ file, /** @type {string} */ data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tmpName(file);
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  return tmp;
}

/** Atomically create or replace `file` with JSON. */
export function writeJson(/** @type {string} */ file, /** @type {unknown} */ value) {
  const tmp = writeTmp(file, JSON.stringify(value, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

/**
 * Atomically create `file` only if it does not exist yet (content complete on appearance).
 * @returns {boolean} false when it already existed
 */
export function createExclusive(/** @type {string} */ file, /** @type {unknown} */ value) {
  const tmp = writeTmp(file, JSON.stringify(value, null, 2) + '\n');
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (error) {
    if (/** @type {any} */ (error).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** @returns {any} the parsed file, or null when it does not exist */
export function readJson(/** @type {string} */ file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (/** @type {any} */ (error).code === 'ENOENT' || /** @type {any} */ (error).code === 'ENOTDIR')
      return null;
    throw error;
  }
}

/** Every entity in a directory (skips temp files and entries deleted mid-listing). */
export function listJson(/** @type {string} */ dir) {
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if (/** @type {any} */ (error).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => readJson(path.join(dir, name)))
    .filter((value) => value !== null);
}

/** Subdirectory names of `dir` ([] when absent). */
export function listDirs(/** @type {string} */ dir) {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch (error) {
    if (/** @type {any} */ (error).code === 'ENOENT') return [];
    throw error;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the (single-purpose, short-lived) process; fine in a CLI, never in a server. */
export const sleepSync = (/** @type {number} */ ms) => Atomics.wait(sleeper, 0, 0, ms);

const STALE_MS = 10_000;

function isStale(/** @type {string} */ lock) {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(lock, 'owner'), 'utf8'));
    try {
      process.kill(owner.pid, 0);
    } catch (error) {
      if (/** @type {any} */ (error).code === 'ESRCH') return true;
    }
    return Date.now() - owner.time > STALE_MS;
  } catch {
    // Owner file not written yet (or lock just released): judge by the directory's age.
    try {
      return Date.now() - fs.statSync(lock).mtimeMs > STALE_MS;
    } catch {
      return false;
    }
  }
}

/**
 * Runs `fn` while holding a mkdir lock; a lock whose owner died, or older than 10 s, is
 * broken. Only for read-modify-write of one entity.
 * @template T
 * @param {string} lock directory path used as the lock
 * @param {() => T} fn
 * @returns {T}
 */
export function withLock(lock, fn) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 3 * STALE_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (/** @type {any} */ (error).code !== 'EEXIST') throw error;
      if (isStale(lock)) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`ravi-emulator: timed out waiting for lock ${lock}`);
      else sleepSync(Math.min(5 + attempt * 5, 50));
    }
  }
  try {
    fs.writeFileSync(path.join(lock, 'owner'), JSON.stringify({ pid: process.pid, time: Date.now() }));
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
