/**
 * Secrets and passwords, grouped by scope (an identity uuid, or `account-<uuid>` for
 * entries made with a management key in the "account" scope mode).
 *
 *   secrets/<scope>/<KEY>.json     one file per key: exclusive creation is the unique index
 *   passwords/<scope>/<uuid>.json
 *
 * Updates and deletes are read-modify-write, so they hold a per-entry lock; otherwise a
 * PATCH racing a DELETE could resurrect the entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createExclusive, listJson, withLock, writeJson } from './atomic.mjs';

/** @typedef {'secrets' | 'passwords'} Kind */
/** @typedef {Record<string, any> & { uuid: string, created_dt: string }} Entry */

const byCreated = (/** @type {Entry} */ a, /** @type {Entry} */ b) =>
  a.created_dt === b.created_dt ? (a.uuid < b.uuid ? -1 : 1) : a.created_dt < b.created_dt ? -1 : 1;

/** Every entry in the given scopes, oldest first. @returns {Entry[]} */
export function listEntries(
  /** @type {string} */ stateDir,
  /** @type {Kind} */ kind,
  /** @type {string[]} */ scopes,
) {
  return scopes.flatMap((scope) => listJson(path.join(stateDir, kind, scope))).sort(byCreated);
}

/** @returns {{ entry: Entry, file: string } | null} */
function locate(
  /** @type {string} */ stateDir,
  /** @type {Kind} */ kind,
  /** @type {string[]} */ scopes,
  /** @type {string} */ id,
) {
  for (const scope of scopes) {
    const dir = path.join(stateDir, kind, scope);
    const entry = listJson(dir).find((e) => e.uuid === id);
    if (entry) return { entry, file: path.join(dir, fileName(kind, entry)) };
  }
  return null;
}

const fileName = (/** @type {Kind} */ kind, /** @type {Entry} */ entry) =>
  kind === 'secrets' ? `${entry.key}.json` : `${entry.uuid}.json`;

/** @returns {Entry | null} */
export const getEntry = (
  /** @type {string} */ stateDir,
  /** @type {Kind} */ kind,
  /** @type {string[]} */ scopes,
  /** @type {string} */ id,
) => locate(stateDir, kind, scopes, id)?.entry ?? null;

/**
 * Stores a new entry. For secrets the key is unique per scope.
 * @returns {boolean} false when a secret with that key already exists
 */
export function createEntry(
  /** @type {string} */ stateDir,
  /** @type {Kind} */ kind,
  /** @type {string} */ scope,
  /** @type {Entry} */ entry,
) {
  return createExclusive(path.join(stateDir, kind, scope, fileName(kind, entry)), entry);
}

const lockFor = (/** @type {string} */ stateDir, /** @type {string} */ id) =>
  path.join(stateDir, 'locks', `entry-${id}`);

/** Applies `patch` under the entry's lock. @returns {Entry | null} null when not found */
export function updateEntry(
  /** @type {string} */ stateDir,
  /** @type {Kind} */ kind,
  /** @type {string[]} */ scopes,
  /** @type {string} */ id,
  /** @type {Record<string, unknown>} */ patch,
) {
  return withLock(lockFor(stateDir, id), () => {
    const found = locate(stateDir, kind, scopes, id);
    if (!found) return null;
    const updated = { ...found.entry, ...patch };
    writeJson(found.file, updated);
    return updated;
  });
}

/** @returns {boolean} false when not found */
export function deleteEntry(
  /** @type {string} */ stateDir,
  /** @type {Kind} */ kind,
  /** @type {string[]} */ scopes,
  /** @type {string} */ id,
) {
  return withLock(lockFor(stateDir, id), () => {
    const found = locate(stateDir, kind, scopes, id);
    if (!found) return false;
    fs.rmSync(found.file, { force: true });
    return true;
  });
}
