/**
 * pre-commit: a `repo: local` hook with `stages: [post-checkout]` at the end of `repos:` in
 * .pre-commit-config.yaml, so `pre-commit install --hook-type post-checkout` keeps it.
 * pre-commit runs `entry` without a shell (shlex-split) and hands git's arguments over as
 * PRE_COMMIT_FROM_REF, PRE_COMMIT_TO_REF and PRE_COMMIT_CHECKOUT_TYPE, so the hook is
 * `sh` with args `-c` and our line (a literal block scalar: verbatim) reading those.
 *
 * Format read from pre-commit/pre-commit v4 (docs: repo: local, stages, post-checkout env vars).
 */
import {
  type AdapterContext,
  AdapterError,
  eolOf,
  type FileText,
  insertLines,
  removeSpan,
  renderBlock,
} from '@ravi-hooks/core/adapter';
import { postCheckoutLine } from './line';
import { blockLines, findOurBlock, indentOf, topLevelKey } from './yaml-lines';

const FILE = '.pre-commit-config.yaml';
const ARGS = {
  old: '"$PRE_COMMIT_FROM_REF"',
  new: '"$PRE_COMMIT_TO_REF"',
  flag: '"$PRE_COMMIT_CHECKOUT_TYPE"',
};

function item(command: string): string[] {
  return [
    '- repo: local',
    '  hooks:',
    '    - id: ravi-hooks',
    '      name: ravi-hooks (an identity for each new worktree)',
    '      entry: sh',
    '      args:',
    '        - -c',
    '        - |',
    `          ${postCheckoutLine(command, ARGS)}`,
    '      language: system',
    '      stages: [post-checkout]',
    '      always_run: true',
    '      pass_filenames: false',
  ];
}

const NOTE = '# Added by ravi-hooks: `ravi-hooks init git --remove` takes this block out.';

export function applyPreCommit(context: AdapterContext, current: FileText): string {
  if (current === null) throw new AdapterError(`${FILE} is gone`, { hint: 'run init again' });
  const text = removePreCommit(current) as string;
  const eol = eolOf(text);
  const hint = `add a local hook with stages: [post-checkout] yourself; \`ravi-hooks init git --dry-run\` on a copy shows it`;
  const repos = topLevelKey(text, 'repos', FILE, hint);
  if (!repos)
    return insertLines(text, text.length, renderBlock([NOTE, 'repos:', ...item(context.command)]), eol);
  const items = blockLines(text, repos);
  const last = items.at(-1);
  const dash = items.find((l) => /^[ \t]*- /.test(l.text));
  const indent = dash ? indentOf(dash) : '';
  return insertLines(
    text,
    last ? last.next : repos.next,
    renderBlock([NOTE, ...item(context.command)], indent),
    eol,
  );
}

export function removePreCommit(current: FileText): FileText {
  if (current === null) return null;
  const found = findOurBlock(current);
  return found ? removeSpan(current, found) : current;
}

export const hasPreCommit = (current: FileText): boolean =>
  current !== null && findOurBlock(current) !== null;
