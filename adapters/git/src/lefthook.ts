/**
 * lefthook: a `ravi-hooks` command under `post-checkout: commands:` in lefthook.yml, so
 * `lefthook install` (run by its npm postinstall) keeps it. lefthook runs `run:` with `sh -c`
 * and puts git's arguments in for `{1}` `{2}` `{3}`.
 *
 * NOTE: lefthook reads its config in the worktree git runs the hook in, so a new worktree
 * gets the hook only when lefthook.yml (with our command) is committed on its branch.
 *
 * Format read from evilmartians/lefthook v2.2 (docs/configuration: commands, run, {N} templates).
 */
import path from 'node:path';
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
import { blockLines, findOurBlock, indentOf, indentStep, topLevelKey, yamlQuote } from './yaml-lines';

const KEY = 'post-checkout';
const ARGS = { old: '"{1}"', new: '"{2}"', flag: '"{3}"' };
const hintFor = (command: string) =>
  `add under post-checkout: commands: a command "ravi-hooks" with run: ${yamlQuote(postCheckoutLine(command, ARGS))}`;

const note = (created: boolean) =>
  created
    ? '# Created by ravi-hooks: `ravi-hooks init git --remove` deletes this file.'
    : '# Added by ravi-hooks: `ravi-hooks init git --remove` takes this block out.';

/** NOTE: a literal block scalar keeps the shell line verbatim, whatever quotes it holds. */
function entry(command: string, step: string): string[] {
  return ['ravi-hooks:', `${step}run: |`, `${step}${step}${postCheckoutLine(command, ARGS)}`];
}

export function applyLefthook(context: AdapterContext, file: string, current: FileText): string {
  if (!/\.ya?ml$/.test(file)) {
    throw new AdapterError(`ravi-hooks edits lefthook's YAML config, not ${path.basename(file)}`, {
      hint: hintFor(context.command),
    });
  }
  const created = current === null || isCreated(current);
  const text = current === null ? '' : strip(current);
  const eol = eolOf(text);
  const step = indentStep(text);
  const key = topLevelKey(text, KEY, path.basename(file), hintFor(context.command));
  if (!key) {
    const body = [
      KEY + ':',
      ...[`commands:`, ...entry(context.command, step).map((l) => step + l)].map((l) => step + l),
    ];
    return insertLines(text, text.length, renderBlock([note(created), ...body]), eol);
  }
  const children = blockLines(text, key);
  const childIndent = children[0] ? indentOf(children[0]) : step;
  const commands = children.find(
    (l) => indentOf(l) === childIndent && /^[ \t]*commands:[ \t]*(#.*)?$/.test(l.text),
  );
  if (commands) {
    const inner = children.find((l) => l.start > commands.start && indentOf(l).length > childIndent.length);
    const indent = inner ? indentOf(inner) : childIndent + step;
    return insertLines(
      text,
      commands.next,
      renderBlock([note(false), ...entry(context.command, step)], indent),
      eol,
    );
  }
  const body = ['commands:', ...entry(context.command, step).map((l) => step + l)];
  return insertLines(text, key.next, renderBlock([note(false), ...body], childIndent), eol);
}

function isCreated(text: string): boolean {
  return findOurBlock(text)?.body[0]?.startsWith('# Created by ravi-hooks') ?? false;
}

function strip(text: string): string {
  const found = findOurBlock(text);
  return found ? removeSpan(text, found) : text;
}

/** Takes our block out; a file we created and nobody changed is deleted (null). */
export function removeLefthook(current: FileText): FileText {
  if (current === null) return null;
  const rest = strip(current);
  return isCreated(current) && rest === '' ? null : rest;
}

export const hasLefthook = (current: FileText): boolean => current !== null && findOurBlock(current) !== null;
