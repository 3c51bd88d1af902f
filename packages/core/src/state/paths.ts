/**
 * Where ravi-hooks keeps its own state. Never inside ~/.ravi: that directory belongs to
 * the ravi CLI (and `ravi auth logout` deletes it whole).
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** `RAVI_HOOKS_STATE_DIR`, else `$XDG_STATE_HOME/ravi-hooks`, else `~/.local/state/ravi-hooks`. */
export function resolveStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RAVI_HOOKS_STATE_DIR) return path.resolve(env.RAVI_HOOKS_STATE_DIR);
  if (env.XDG_STATE_HOME) return path.resolve(env.XDG_STATE_HOME, 'ravi-hooks');
  return path.join(homeDir(env), '.local', 'state', 'ravi-hooks');
}

export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOME && env.HOME.length > 0 ? env.HOME : os.homedir();
}

export interface StatePaths {
  root: string;
  /** One JSON record per workspace that holds (or is getting) an identity. */
  ledgerDir: string;
  /** Released leases (owed, retired, irrevocable), one file per lease id. */
  releasedDir: string;
  /** Owed deletions of ravi-hooks 0.1, read as owed leases. */
  orphansDir: string;
  locksDir: string;
  events: string;
  /** Private temp dirs (e.g. for minting ravi keys); wiped after use. */
  tmpDir: string;
  /** The `ravi` shim directory that `exec` puts first on PATH. */
  shimDir: string;
  /** The embedded local provider's store. */
  localDir: string;
}

export function statePaths(root: string): StatePaths {
  return {
    root,
    ledgerDir: path.join(root, 'ledger'),
    releasedDir: path.join(root, 'released'),
    orphansDir: path.join(root, 'orphans'),
    locksDir: path.join(root, 'locks'),
    events: path.join(root, 'events.jsonl'),
    tmpDir: path.join(root, 'tmp'),
    shimDir: path.join(root, 'shim'),
    localDir: path.join(root, 'local'),
  };
}

/** Stable file-name key for an absolute workspace path. */
export function workspaceKey(workspace: string): string {
  return createHash('sha256').update(workspace).digest('hex').slice(0, 32);
}
