/**
 * Every file an adapter plans must stay inside the directory its scope names, after
 * symlinks are resolved (husky refuses `..` the same way). A symlinked file is edited where
 * it points, so a dotfiles link survives instead of being replaced by a regular file.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { AdapterContext, AdapterFile } from '../adapters/types';
import { AdapterError } from '../errors';

export function scopeDir(file: AdapterFile, context: AdapterContext): string {
  if (file.scope === 'home') return context.home;
  if (file.scope === 'git') {
    const config = context.git?.configFile;
    if (!config)
      throw new AdapterError(`${file.path} is git's config, but ${context.root} is not in a git repository`);
    return path.dirname(config);
  }
  if (file.scope === 'hooks') {
    const dir = context.git?.huskyDir ?? context.git?.hooksDir;
    if (!dir)
      throw new AdapterError(`${file.path} is a git hook, but ${context.root} is not in a git repository`);
    return dir;
  }
  return context.root;
}

/** The real path to read and write for `file`; throws when it would leave its scope. */
export async function checkedPath(file: AdapterFile, context: AdapterContext): Promise<string> {
  const base = scopeDir(file, context);
  const refuse = (why: string) =>
    new AdapterError(`refusing to edit ${file.path}: ${why}`, { hint: `it must stay inside ${base}` });
  if (!path.isAbsolute(file.path) || file.path.split(/[\\/]/).includes('..'))
    throw refuse('not a plain absolute path');
  if (!isInside(base, file.path)) throw refuse(`it is outside ${base}`);
  const [realBase, realFile] = await Promise.all([realPathOf(base), realPathOf(file.path)]);
  if (!isInside(realBase, realFile)) throw refuse(`a symlink leads it to ${realFile}`);
  return realFile;
}

function isInside(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Resolves symlinks through the deepest part of `target` that exists. */
async function realPathOf(target: string): Promise<string> {
  const missing: string[] = [];
  for (let current = target; ; current = path.dirname(current)) {
    try {
      return path.join(await fsp.realpath(current), ...missing.reverse());
    } catch {
      if (path.dirname(current) === current) return target;
      missing.push(path.basename(current));
    }
  }
}
