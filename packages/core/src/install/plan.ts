/**
 * Planning an install: read each file the adapter edits (through its checked real path),
 * ask the adapter for the new text, and describe the change, as a unified diff for dry runs.
 */
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Adapter, AdapterContext, AdapterFile, FileText } from '../adapters/types';
import { readTextIfExists } from '../io/files';
import { checkedPath } from './paths';

export type FileAction = 'create' | 'update' | 'delete' | 'unchanged';

export interface PlannedFile {
  file: AdapterFile;
  /** The real path read and written (symlinks resolved, checked inside its scope). */
  target: string;
  before: FileText;
  after: FileText;
  action: FileAction;
}

export type CurrentFile = Pick<PlannedFile, 'file' | 'target' | 'before'>;

/** Each file the adapter edits, with its checked real path and current text. */
export async function readFiles(adapter: Adapter, context: AdapterContext): Promise<CurrentFile[]> {
  const current: CurrentFile[] = [];
  for (const file of adapter.files(context)) {
    const target = await checkedPath(file, context);
    current.push({ file, target, before: await readTextIfExists(target) });
  }
  return current;
}

export async function planAdapter(
  adapter: Adapter,
  context: AdapterContext,
  mode: 'apply' | 'remove',
): Promise<PlannedFile[]> {
  return (await readFiles(adapter, context)).map(({ file, target, before }) => {
    const after =
      mode === 'apply' ? adapter.apply(context, file, before) : adapter.remove(context, file, before);
    return { file, target, before, after, action: actionOf(before, after) };
  });
}

function actionOf(before: FileText, after: FileText): FileAction {
  if (before === after) return 'unchanged';
  if (before === null) return 'create';
  return after === null ? 'delete' : 'update';
}

/** `git diff`-style patch of one planned change; paths relative to `root` when inside it. */
export function unifiedDiff(planned: PlannedFile, root: string): string {
  if (planned.action === 'unchanged') return '';
  const name = displayPath(planned.file.path, root);
  const side = (prefix: string) => (path.isAbsolute(name) ? name : `${prefix}/${name}`);
  return createTwoFilesPatch(
    planned.before === null ? '/dev/null' : side('a'),
    planned.after === null ? '/dev/null' : side('b'),
    planned.before ?? '',
    planned.after ?? '',
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^(?:Index: .*\n)?=+\n/, '');
}

export function displayPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
