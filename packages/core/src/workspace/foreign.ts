/**
 * Whether a workspace's `.ravi/config.json` can be ours. A clone can ship one (committed,
 * or as a symlink into a tracked folder, or pointing at /dev/zero): adopting it would run
 * the agent as the attacker's identity and store secrets in the attacker's vault, and
 * writing our key through such a symlink would put it where `git add -A` commits it.
 * `provision` and `secrets` refuse a config with problems; `which`, `env` and `exec` flag it.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { WorkspaceError } from '../errors';
import { MAX_CONFIG_BYTES, type RaviConfigFile, readRaviConfig } from '../resolve/ravi-config';
import type { GitFacts } from './git';
import { trackedPaths } from './tracked';

export interface WorkspaceConfigInspection {
  /** The parsed config, when there is a regular file small enough to read; else null. */
  config: RaviConfigFile | null;
  /** Why it can't be trusted as ours, one short phrase each; empty when nothing is wrong. */
  problems: string[];
}

/** Inspects `<workspace>/.ravi/config.json` without following it anywhere it shouldn't go. */
export async function inspectWorkspaceConfig(
  workspace: string,
  /**
   * What git said about the workspace (null: not a repository, nothing can be tracked), or
   * 'ask' to let one `git ls-files` answer both questions: the hot paths (`which`, `env`)
   * save a `git rev-parse` process that way.
   */
  git: GitFacts | null | 'ask',
  /**
   * The uuid this machine's lease binds to the workspace, when the caller knows it: a
   * regular, private (0600) config naming it is the one we wrote, so git need not be asked
   * whether a clone shipped it (a clone cannot make our ledger name its uuid).
   */
  ownUuid?: string | null,
): Promise<WorkspaceConfigInspection> {
  const dir = path.join(workspace, '.ravi');
  const file = path.join(dir, 'config.json');
  const problems: string[] = [];
  const dirStat = await lstatOrNull(dir);
  if (dirStat === null) return { config: null, problems };
  if (dirStat.isSymbolicLink())
    problems.push(`reached through a symlink (.ravi -> ${await linkTarget(dir)})`);
  else if (!dirStat.isDirectory()) return { config: null, problems: ['.ravi is not a directory'] };
  const fileStat = await lstatOrNull(file);
  const ours =
    ownUuid &&
    !dirStat.isSymbolicLink() &&
    fileStat?.isFile() === true &&
    (fileStat.mode & 0o077) === 0 &&
    fileStat.size <= MAX_CONFIG_BYTES &&
    safeUuid(file) === ownUuid;
  if (git !== null && !ours) {
    // NOTE: through a symlinked .ravi git can only answer for .ravi itself
    const tracked = await trackedPaths(workspace, [dirStat.isSymbolicLink() ? '.ravi' : '.ravi/config.json']);
    if (tracked.length > 0) problems.push(`tracked by git (${tracked[0]})`);
  }
  if (fileStat === null) return { config: null, problems };
  if (fileStat.isSymbolicLink()) {
    problems.push(`a symlink (config.json -> ${await linkTarget(file)})`);
    return { config: null, problems };
  }
  if (!fileStat.isFile()) return { config: null, problems: [...problems, 'not a regular file'] };
  if (fileStat.size > MAX_CONFIG_BYTES)
    return { config: null, problems: [...problems, `larger than ${MAX_CONFIG_BYTES / 1024} KiB`] };
  try {
    return { config: readRaviConfig(file, { noFollow: true }), problems };
  } catch (error) {
    return { config: null, problems: [...problems, (error as Error).message.replace(`${file} is `, '')] };
  }
}

const REFUSE_HINT =
  'remove that .ravi (git rm -r --cached .ravi if it is committed), then run `ravi-hooks provision` there';

/** The error `provision` and `secrets` throw for a config with problems (exit 2). */
export function foreignConfigError(workspace: string, problems: readonly string[]): WorkspaceError {
  const file = path.join(workspace, '.ravi', 'config.json');
  return new WorkspaceError(`refusing ${file}: it is ${problems.join('; ')}, so it is not ours to use`, {
    hint: REFUSE_HINT,
  });
}

/** The one warning line `which`, `env` and `exec` print for a config with problems. */
export function foreignConfigWarning(workspace: string, problems: readonly string[]): string {
  const file = path.join(workspace, '.ravi', 'config.json');
  return `warning: ${file} is ${problems.join('; ')}: it may be someone else's identity (${REFUSE_HINT})`;
}

function safeUuid(file: string): string | undefined {
  try {
    return readRaviConfig(file, { noFollow: true })?.identity_uuid;
  } catch {
    return undefined;
  }
}

async function lstatOrNull(file: string) {
  try {
    return await fsp.lstat(file);
  } catch {
    return null;
  }
}

async function linkTarget(link: string): Promise<string> {
  return fsp.readlink(link).catch(() => '?');
}
