/**
 * Finding the REAL `ravi` binary. Shared by the provider and the agents' `ravi` shim, so it
 * stays light (node:fs and node:path only). The ravi-hooks shim directory is never a
 * candidate: the shim re-points HOME at a workspace, which would defeat the provider's
 * private temp dirs, and finding itself would recurse.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Directories that hold a ravi-hooks shim: RAVI_HOOKS_SHIM_DIR and `<state>/shim`. */
export function shimDirs(env: NodeJS.ProcessEnv, stateDir: string): string[] {
  const dirs = [path.join(stateDir, 'shim')];
  if (env.RAVI_HOOKS_SHIM_DIR) dirs.push(env.RAVI_HOOKS_SHIM_DIR);
  return dirs.map(canonical);
}

/**
 * `bin` as an absolute path: a path (absolute or relative to `cwd`) is taken as given when
 * it is an executable file; a bare name is looked up on PATH minus `exclude`. Null when
 * nothing executable is found.
 */
export function findBinary(
  bin: string,
  env: NodeJS.ProcessEnv,
  exclude: string[],
  cwd = process.cwd(),
): string | null {
  if (bin.includes('/') || bin.includes(path.sep)) {
    const file = path.resolve(cwd, bin);
    return isExecutable(file) ? file : null;
  }
  const skip = new Set(exclude.map(canonical));
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '' || skip.has(canonical(dir))) continue;
    const file = path.join(path.resolve(cwd, dir), bin);
    if (isExecutable(file)) return file;
  }
  return null;
}

/** PATH without the shim directories, for the child of the shim. */
export function pathWithout(env: NodeJS.ProcessEnv, exclude: string[]): string {
  const skip = new Set(exclude.map(canonical));
  return (env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !skip.has(canonical(dir)))
    .join(path.delimiter);
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function canonical(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
