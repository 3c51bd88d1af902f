/**
 * Turning a user-supplied DIR into a checked absolute workspace path.
 */
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { WorkspaceError } from '../errors';
import { probeWritable } from '../io/files';

/** For provision: DIR must exist, be a directory, and be writable. Returns its real path. */
export async function existingWorkspace(dir: string, cwd: string): Promise<string> {
  const abs = path.resolve(cwd, dir);
  let stat: Awaited<ReturnType<typeof fsp.stat>>;
  try {
    stat = await fsp.stat(abs);
  } catch {
    throw new WorkspaceError(`workspace ${abs} does not exist`, { hint: 'create the directory first' });
  }
  if (!stat.isDirectory()) {
    throw new WorkspaceError(`workspace ${abs} is not a directory`, { hint: 'pass the workspace directory' });
  }
  // NOTE: access(W_OK) says yes to root even on read-only mounts and immutable dirs, so
  // probe with a real (empty, immediately removed) directory before creating anything.
  try {
    await fsp.access(abs, constants.W_OK | constants.X_OK);
    await probeWritable(abs);
  } catch {
    throw new WorkspaceError(`workspace ${abs} is not writable`, { hint: 'fix its permissions' });
  }
  return fsp.realpath(abs);
}

/**
 * For teardown: DIR may already be gone (orchestrators often delete first). Resolves the
 * deepest existing ancestor through symlinks so the path matches what provision recorded.
 */
export async function possiblyMissingWorkspace(dir: string, cwd: string): Promise<string> {
  const abs = path.resolve(cwd, dir);
  const missing: string[] = [];
  let current = abs;
  for (;;) {
    try {
      const real = await fsp.realpath(current);
      return path.join(real, ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return abs;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
