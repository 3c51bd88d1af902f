/**
 * `internal/config/config.go` v0.6.2: where the CLI reads and writes `config.json`.
 *
 * - Read: `<cwd>/.ravi/config.json` (exact cwd, no walking up), else `$HOME/.ravi/config.json`,
 *   else empty. The first file found wins entirely; nothing is merged.
 * - Write (`identity use`): the cwd file if it exists, else the global one; all five fields
 *   are omitempty and unknown fields are dropped.
 * - No environment variable other than HOME is ever consulted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { goMarshalIndent } from '../go/json.mjs';
import { goJsonSyntaxError } from '../go/json-syntax.mjs';
import { CliError } from './errors.mjs';

/** @typedef {{ management_key: string, identity_key: string, identity_uuid: string, identity_name: string, user_email: string }} Config */

const FIELDS = /** @type {const} */ ([
  'management_key',
  'identity_key',
  'identity_uuid',
  'identity_name',
  'user_email',
]);

const ERRNO_TEXT = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** A Go `*PathError` text: `open /x/config.json: permission denied`. */
export function goPathError(/** @type {string} */ op, /** @type {string} */ file, /** @type {any} */ error) {
  const text =
    /** @type {Record<string, string>} */ (ERRNO_TEXT)[error?.code] ?? String(error?.message ?? error);
  return `${op} ${file}: ${text}`;
}

/**
 * Go's `os.Getwd`: `$PWD` when it names the current directory (so symlinked paths survive),
 * else the kernel's answer.
 */
export function goGetwd(/** @type {NodeJS.ProcessEnv} */ env) {
  const real = process.cwd();
  const pwd = env.PWD;
  if (pwd && path.isAbsolute(pwd)) {
    try {
      const a = fs.statSync(pwd);
      const b = fs.statSync('.');
      if (a.dev === b.dev && a.ino === b.ino) return pwd;
    } catch {
      // fall through to the kernel's cwd
    }
  }
  return real;
}

/** Resolved locations for one invocation. */
export class ConfigLocations {
  constructor(/** @type {NodeJS.ProcessEnv} */ env, /** @type {(text: string) => void} */ warn) {
    this.cwd = goGetwd(env);
    this.home = env.HOME || null;
    this.warn = warn;
    this.localPath = path.join(this.cwd, '.ravi', 'config.json');
  }

  /** `config.Dir()`: prints a warning each time it is called without HOME. */
  globalDir() {
    if (!this.home) {
      this.warn('Warning: $HOME not set, using ./.ravi/ for config\n');
      return '.ravi';
    }
    return path.join(this.home, '.ravi');
  }

  /** Which file LoadConfig would read, without reading it (for the argv log). */
  peek() {
    if (fs.existsSync(this.localPath)) return this.localPath;
    if (this.home) {
      const global = path.join(this.home, '.ravi', 'config.json');
      if (fs.existsSync(global)) return global;
    }
    return null;
  }
}

/** `json.Unmarshal` into `config.Config`. @returns {Config} */
function parseConfig(/** @type {string} */ file, /** @type {string} */ text) {
  const syntax = goJsonSyntaxError(text);
  const fail = (/** @type {string} */ why) => new CliError(`parsing config file ${file}: ${why}`);
  if (syntax) throw fail(syntax);
  const raw = JSON.parse(text);
  /** @type {Config} */
  const cfg = { management_key: '', identity_key: '', identity_uuid: '', identity_name: '', user_email: '' };
  if (raw === null) return cfg;
  const kind = Array.isArray(raw)
    ? 'array'
    : typeof raw === 'object'
      ? 'object'
      : typeof raw === 'boolean'
        ? 'bool'
        : typeof raw;
  if (kind !== 'object') throw fail(`json: cannot unmarshal ${kind} into Go value of type config.Config`);
  for (const [key, value] of Object.entries(raw)) {
    const field = FIELDS.find((f) => f === key) ?? FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
    if (!field || value === null) continue;
    if (typeof value !== 'string') {
      const vkind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
      throw fail(`json: cannot unmarshal ${vkind} into Go struct field Config.${field} of type string`);
    }
    cfg[field] = value;
  }
  return cfg;
}

/** @returns {Config | null} null when the file does not exist */
function loadFile(/** @type {string} */ file, /** @type {string} */ label) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (/** @type {any} */ (error).code === 'ENOENT') return null;
    const op = /** @type {any} */ (error).code === 'EISDIR' ? 'read' : 'open';
    throw new CliError(`reading ${label} config ${file}: ${goPathError(op, file, error)}`);
  }
  try {
    return parseConfig(file, text);
  } catch (error) {
    throw new CliError(`reading ${label} config ${file}: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * `config.LoadConfig()`.
 * @returns {{ config: Config, path: string | null }}
 */
export function loadConfig(/** @type {ConfigLocations} */ where) {
  const local = loadFile(where.localPath, 'project');
  if (local) return { config: local, path: where.localPath };
  const globalPath = path.join(where.globalDir(), 'config.json');
  const global = loadFile(globalPath, 'global');
  if (global) return { config: global, path: globalPath };
  return {
    config: { management_key: '', identity_key: '', identity_uuid: '', identity_name: '', user_email: '' },
    path: null,
  };
}

/** `json.MarshalIndent(cfg, "", "  ")` with every field omitempty. */
export function encodeConfig(/** @type {Partial<Config>} */ cfg) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const field of FIELDS) if (cfg[field]) out[field] = /** @type {string} */ (cfg[field]);
  return goMarshalIndent(out, { escapeHTML: true });
}

/**
 * Go's `os.WriteFile(path, data, 0600)`: O_TRUNC in place, not atomic; the mode applies only
 * when the file is created, so an existing file keeps its mode (faithful to the real CLI).
 */
function goWriteFile(/** @type {string} */ file, /** @type {string} */ data) {
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC, 0o600);
  try {
    fs.writeSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `config.SaveConfig()`.
 * @returns {string} the file written
 */
export function saveConfig(/** @type {ConfigLocations} */ where, /** @type {Partial<Config>} */ cfg) {
  const data = encodeConfig(cfg);
  let localExists = false;
  try {
    fs.statSync(where.localPath);
    localExists = true;
  } catch (error) {
    if (/** @type {any} */ (error).code !== 'ENOENT') {
      throw new CliError(
        `checking project config ${where.localPath}: ${goPathError('stat', where.localPath, error)}`,
      );
    }
  }
  if (localExists) {
    try {
      goWriteFile(where.localPath, data);
    } catch (error) {
      throw new CliError(`writing project config: ${goPathError('open', where.localPath, error)}`);
    }
    return where.localPath;
  }
  return saveGlobalConfig(where, data);
}

function saveGlobalConfig(/** @type {ConfigLocations} */ where, /** @type {string} */ data) {
  const dir = where.globalDir();
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CliError(`creating config directory: ${goPathError('mkdir', dir, error)}`);
  }
  const file = path.join(dir, 'config.json');
  try {
    goWriteFile(file, data);
  } catch (error) {
    throw new CliError(`writing config file: ${goPathError('open', file, error)}`);
  }
  return file;
}

/** `config.ClearAll()`: `os.RemoveAll(~/.ravi)`, the whole global directory. */
export function clearAll(/** @type {ConfigLocations} */ where) {
  const dir = where.globalDir();
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch (error) {
    throw new CliError(
      `failed to clear credentials: removing config directory: ${goPathError('unlinkat', dir, error)}`,
    );
  }
}
