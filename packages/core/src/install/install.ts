/**
 * `ravi-hooks init <adapter>`: gather the context, plan, then write (or, for a dry run,
 * only describe) the change; and the per-adapter status `init --list` shows.
 */
import path from 'node:path';
import type { Adapter } from '../adapters/types';
import { isRaviHooksError } from '../errors';
import { modeOf } from '../io/files';
import { adapterContext, type ContextOptions } from './context';
import { displayPath, type FileAction, planAdapter, readFiles, unifiedDiff } from './plan';
import { hookShellWarning } from './shell-check';
import { writePlanned } from './write';

export interface InstallOptions extends ContextOptions {
  /** Take our part out instead of putting it in. @default false */
  remove?: boolean;
  /** Plan and return the diffs, write nothing. @default false */
  dryRun?: boolean;
  /** The user's environment, to check the command in the orchestrator's shell (`Adapter.shell`). */
  env?: Record<string, string | undefined>;
}

export interface InstalledFile {
  /** Absolute path as the adapter names it. */
  path: string;
  /** Relative to the root when inside it, for display. */
  display: string;
  action: FileAction;
  /** Unified diff of the change ('' when unchanged). */
  diff: string;
}

export interface InstallResult {
  adapter: string;
  root: string;
  command: string;
  removed: boolean;
  dryRun: boolean;
  files: InstalledFile[];
  /** What the user must do next (after an install). */
  notes: string[];
  /** Things that will keep the install from working as is. */
  warnings: string[];
}

export async function installAdapter(adapter: Adapter, options: InstallOptions): Promise<InstallResult> {
  const context = await adapterContext(adapter, options);
  const removed = options.remove ?? false;
  const planned = await planAdapter(adapter, context, removed ? 'remove' : 'apply');
  const warnings: string[] = [];
  for (const item of planned) {
    const mode = item.before === null ? null : await modeOf(item.target);
    // NOTE: husky 9 runs .husky/<hook> with `sh -e`, so its hooks need no executable bit.
    const husky =
      context.git?.huskyDir !== undefined && path.dirname(item.file.path) === context.git.huskyDir;
    const executable = item.file.mode !== undefined && (item.file.mode & 0o111) !== 0;
    if (!removed && executable && !husky && mode !== null && (mode & 0o111) === 0) {
      warnings.push(
        `${item.file.path} is not executable, so it will not run: \`chmod +x\` it if you want it to`,
      );
    }
  }
  if (!removed && adapter.shell && options.env) {
    const warning = await hookShellWarning(adapter.shell, context.command, {
      env: options.env,
      home: context.home,
      orchestrator: adapter.name,
    });
    if (warning) warnings.push(warning);
  }
  if (!options.dryRun) await writePlanned(planned);
  return {
    adapter: adapter.name,
    root: context.root,
    command: context.command,
    removed,
    dryRun: options.dryRun ?? false,
    files: planned.map((item) => ({
      path: item.file.path,
      display: displayPath(item.file.path, context.root),
      action: item.action,
      diff: unifiedDiff(item, context.root),
    })),
    notes: removed ? [] : adapter.notes(context),
    warnings,
  };
}

export interface AdapterStatus {
  name: string;
  description: string;
  installed: boolean;
  files: Array<{ path: string; installed: boolean }>;
  /** Why the status could not be read (not a git repository, unreadable file…). */
  problem?: string;
}

export async function adapterStatus(adapter: Adapter, options: ContextOptions): Promise<AdapterStatus> {
  const status: AdapterStatus = {
    name: adapter.name,
    description: adapter.description,
    installed: false,
    files: [],
  };
  try {
    const context = await adapterContext(adapter, options);
    for (const item of await readFiles(adapter, context)) {
      status.files.push({
        path: item.file.path,
        installed: adapter.isInstalled(context, item.file, item.before),
      });
    }
    status.installed = status.files.length > 0 && status.files.every((file) => file.installed);
  } catch (error) {
    if (!isRaviHooksError(error)) throw error;
    status.problem = error.message;
  }
  return status;
}
