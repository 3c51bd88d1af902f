/**
 * What an adapter gets to know about the place it installs into. Git facts come from asking
 * git (`--git-path hooks` honours core.hooksPath and linked worktrees), never from reading
 * `.git` ourselves.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Adapter, AdapterContext } from '../adapters/types';
import { UsageError } from '../errors';
import { exists } from '../io/files';
import { tryGit } from '../io/process';
import { hookManager } from './managers';

export interface ContextOptions {
  /** The directory `init` was pointed at (`--repo`, else the cwd). */
  dir: string;
  /** The user's home directory. */
  home: string;
  /** How installed hooks call ravi-hooks, already shell-quoted. */
  command: string;
  /** `init --strict`: installed steps fail when provisioning fails. @default false */
  strict?: boolean;
}

export async function adapterContext(adapter: Adapter, options: ContextOptions): Promise<AdapterContext> {
  const dir = await existingDirectory(options.dir);
  const out = await tryGit(
    ['rev-parse', '--path-format=absolute', '--show-toplevel', '--git-path', 'hooks', '--git-path', 'config'],
    dir,
  );
  const [toplevel, hooks, config] = (out ?? '').split('\n').map((line) => line.trim());
  const git = toplevel && hooks ? gitFacts(path.resolve(dir, hooks)) : undefined;
  if (git && config) git.configFile = path.resolve(dir, config);
  const root = adapter.root === 'directory' || !toplevel ? dir : await fsp.realpath(toplevel);
  const manager =
    git && !git.huskyDir ? await hookManager(await fsp.realpath(toplevel!), git.hooksDir) : undefined;
  if (git && manager) git.manager = manager;
  const context: AdapterContext = {
    root,
    home: options.home,
    command: options.command,
    ...(options.strict ? { strict: true } : {}),
    ...(git ? { git } : {}),
  };
  const probed = adapter.probe?.(context) ?? [];
  if (probed.length === 0) return context;
  const present = await Promise.all(probed.map(async (file) => ((await exists(file)) ? [file] : [])));
  return { ...context, present: new Set(present.flat()) };
}

/** husky (v9) points core.hooksPath at `.husky/_`, whose stubs run `.husky/<hook>`. */
function gitFacts(hooksDir: string): NonNullable<AdapterContext['git']> {
  const parent = path.dirname(hooksDir);
  const husky = path.basename(hooksDir) === '_' && path.basename(parent) === '.husky';
  return husky ? { hooksDir, huskyDir: parent } : { hooksDir };
}

async function existingDirectory(dir: string): Promise<string> {
  try {
    const real = await fsp.realpath(dir);
    if ((await fsp.stat(real)).isDirectory()) return real;
  } catch {
    // reported below
  }
  throw new UsageError(`${dir} is not a directory`, {
    hint: 'pass --repo with the repository (or workspace) directory',
  });
}
