/**
 * Randomness. Identifiers and API keys always come from `crypto` (unique across parallel
 * processes). Everything a test might want to reproduce (generated names, passwords, fault
 * decisions) comes from `rng()`, which RAVI_EMU_SEED makes deterministic per invocation.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const uuid = () => randomUUID();

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `ravi_mk_…` / `ravi_id_…` followed by 40 base62 characters. */
export function apiKey(/** @type {'mk' | 'id'} */ kind) {
  const bytes = randomBytes(40);
  let body = '';
  for (const b of bytes) body += BASE62[b % 62];
  return `ravi_${kind}_${body}`;
}

/** Keys are stored by hash only, so the state directory never holds a usable key. */
export const keyHash = (/** @type {string} */ key) => createHash('sha256').update(key).digest('hex');

/** mulberry32: tiny, good enough for test data. */
function mulberry32(/** @type {number} */ seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Claims the next invocation number in `stateDir` (O_EXCL files, no lock), so seeded
 * sequential runs replay the same stream while parallel runs still differ.
 */
function claimSequence(/** @type {string} */ stateDir) {
  const dir = path.join(stateDir, 'seq');
  fs.mkdirSync(dir, { recursive: true });
  for (let n = fs.readdirSync(dir).length; ; n++) {
    try {
      fs.closeSync(fs.openSync(path.join(dir, String(n)), 'wx'));
      return n;
    } catch (error) {
      if (/** @type {any} */ (error).code !== 'EEXIST') throw error;
    }
  }
}

/** @type {() => number} */
let current = Math.random;

/**
 * Makes `rng()` deterministic for this process when a seed is given (RAVI_EMU_SEED).
 * @param {{ seed?: string, stateDir: string }} options
 */
export function seedRandom({ seed, stateDir }) {
  if (seed === undefined || seed === '') return;
  const n = claimSequence(stateDir);
  const digest = createHash('sha256').update(`${seed}:${n}`).digest();
  current = mulberry32(digest.readUInt32LE(0));
}

/** The invocation's random source in [0, 1). */
export const rng = () => current();

export const pick = (/** @type {readonly string[]} */ items) =>
  /** @type {string} */ (items[Math.floor(rng() * items.length)]);

const FIRST = [
  'Sarah',
  'James',
  'Maria',
  'David',
  'Emily',
  'Michael',
  'Olivia',
  'Daniel',
  'Sophia',
  'Lucas',
  'Ava',
  'Noah',
  'Grace',
  'Ethan',
  'Chloe',
  'Samuel',
  'Zoe',
  'Henry',
  'Isabel',
  'Leo',
];
const LAST = [
  'Johnson',
  'Smith',
  'Garcia',
  'Brown',
  'Miller',
  'Davis',
  'Martinez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'King',
  'Wright',
  'Scott',
  'Hill',
];

/** A human name such as "Sarah Johnson", like the server's auto-naming. */
export const humanName = () => `${pick(FIRST)} ${pick(LAST)}`;

/** Lowercase hex from `rng()`. */
export const hex = (/** @type {number} */ length) =>
  Array.from({ length }, () => Math.floor(rng() * 16).toString(16)).join('');

/** A random int in [min, max]. */
export const between = (/** @type {number} */ min, /** @type {number} */ max) =>
  min + Math.floor(rng() * (max - min + 1));
