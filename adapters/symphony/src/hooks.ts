/**
 * Our marked block inside a `hooks.<key>: |` script of WORKFLOW.md's front matter. We find
 * things with the `yaml` parser and write by splicing whole lines, so every byte outside the
 * block (comments, key order, quoting, the prompt) stays as it was.
 */
import {
  AdapterError,
  eolOf,
  findBlock,
  insertLines,
  lines,
  removeSpan,
  renderBlock,
  replaceSpan,
} from '@ravi-hooks/core/adapter';
import { isMap, isScalar, type Pair, Scalar, type YAMLMap } from 'yaml';
import { FILE, type FrontMatter, findFrontMatter, HINT, indentStep } from './front-matter';

export type HookKey = 'after_create' | 'before_remove';

export interface HookSpec {
  key: HookKey;
  /** Our lines go after the user's script (`end`) or before it (`start`). */
  at: 'end' | 'start';
  body: readonly string[];
}

interface Script {
  /** Offset of the line holding the key. */
  keyLine: number;
  /** Offsets of the script's first line and just past its last non-blank line. */
  start: number;
  end: number;
  /** The script's indentation. */
  indent: string;
}

function hooksOf(front: FrontMatter): { map: YAMLMap; pair: Pair } | undefined {
  const root = front.doc.contents;
  const pair = isMap(root)
    ? root.items.find((item) => isScalar(item.key) && item.key.value === 'hooks')
    : undefined;
  if (!pair) return undefined;
  if (!isMap(pair.value) || pair.value.flow) {
    throw new AdapterError(`hooks: in ${FILE} must be a block mapping (hooks: with indented keys below it)`, {
      hint: HINT,
    });
  }
  return { map: pair.value, pair };
}

function lineAt(text: string, offset: number) {
  const line = lines(text).find((l) => l.start <= offset && offset <= l.end);
  if (!line) throw new AdapterError(`could not locate offset ${offset} in ${FILE}`);
  return line;
}

/** The literal block script of `pair`; anything else is refused rather than rewritten. */
function scriptOf(text: string, front: FrontMatter, pair: Pair): Script {
  const key = String((pair.key as Scalar).value);
  const node = pair.value;
  if (!isScalar(node) || node.value === null || String(node.value).trim() === '') {
    throw new AdapterError(`hooks.${key} in ${FILE} is empty`, {
      hint: 'give it a command or delete the key, then run init again',
    });
  }
  if (node.type !== Scalar.BLOCK_LITERAL || !node.range) {
    throw new AdapterError(`hooks.${key} in ${FILE} is not a literal block script (\`${key}: |\`)`, {
      hint: `rewrite it as \`${key}: |\` with its commands on the indented lines below, then run init again; ravi-hooks only adds lines, it never rewrites yours`,
    });
  }
  const keyLine = lineAt(text, front.start + ((pair.key as Scalar).range?.[0] ?? 0));
  const header = lineAt(text, front.start + node.range[0]);
  const filled = lines(text).filter(
    (l) => l.start >= header.next && l.start < front.start + node.range![1] && l.text.trim() !== '',
  );
  const explicit = /^[|>][+-]?([1-9])|^[|>]([1-9])/.exec(text.slice(front.start + node.range[0], header.end));
  const column = front.start + ((pair.key as Scalar).range?.[0] ?? 0) - keyLine.start;
  const digit = explicit?.[1] ?? explicit?.[2];
  const indent = digit ? ' '.repeat(column + Number(digit)) : (/^ */.exec(filled[0]?.text ?? '')?.[0] ?? '');
  return { keyLine: keyLine.start, start: header.next, end: filled.at(-1)?.next ?? header.next, indent };
}

function ourBlock(text: string, script: Script) {
  const found = findBlock(text.slice(script.start, script.end), script.indent);
  return found && { start: script.start + found.start, end: script.start + found.end };
}

/** Adds (or refreshes) our block in `hooks.<key>`, creating the key and `hooks:` as needed. */
export function installHook(text: string, spec: HookSpec): string {
  const front = findFrontMatter(text);
  if (!front) throw new AdapterError(`${FILE} has no front matter`);
  const eol = eolOf(text);
  const hooks = hooksOf(front);
  const pair = hooks?.map.items.find((item) => isScalar(item.key) && item.key.value === spec.key);
  if (pair) {
    const script = scriptOf(text, front, pair);
    const rendered = renderBlock(spec.body, script.indent);
    const found = ourBlock(text, script);
    if (found) return replaceSpan(text, found, rendered, eol);
    return insertLines(text, spec.at === 'end' ? script.end : script.start, rendered, eol);
  }
  const step = indentStep(text, front);
  if (!hooks) return insertLines(text, front.end, ['hooks:', ...keyLines(spec, step, step)], eol);
  const first = hooks.map.items[0]?.key as Scalar | undefined;
  const firstLine = lineAt(text, front.start + (first?.range?.[0] ?? 0));
  const indent = text.slice(firstLine.start, front.start + (first?.range?.[0] ?? 0));
  const end = front.start + (hooks.map.range?.[1] ?? 0);
  const last = lines(text)
    .filter((l) => l.start < end && l.text.trim() !== '')
    .at(-1);
  return insertLines(text, last?.next ?? end, keyLines(spec, indent, step), eol);
}

function keyLines(spec: HookSpec, indent: string, step: string): string[] {
  return [`${indent}${spec.key}: |`, ...renderBlock(spec.body, indent + step)];
}

/** Takes our block out of `hooks.<key>`, and the key (and `hooks:`) when only ours was there. */
export function uninstallHook(text: string, key: HookKey): string {
  const front = findFrontMatter(text);
  const hooks = front && hooksOf(front);
  const pair = hooks?.map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!front || !hooks || !pair || !isScalar(pair.value) || pair.value.type !== Scalar.BLOCK_LITERAL)
    return text;
  const script = scriptOf(text, front, pair);
  const found = ourBlock(text, script);
  if (!found) return text;
  const alone =
    text.slice(script.start, found.start).trim() === '' && text.slice(found.end, script.end).trim() === '';
  if (!alone) return removeSpan(text, found);
  const onlyKey = hooks.map.items.length === 1;
  const start = onlyKey
    ? lineAt(text, front.start + ((hooks.pair.key as Scalar).range?.[0] ?? 0)).start
    : script.keyLine;
  return removeSpan(text, { start, end: found.end });
}

export function hasHook(text: string, key: HookKey): boolean {
  const front = findFrontMatter(text);
  const pair =
    front && hooksOf(front)?.map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!front || !pair || !isScalar(pair.value) || pair.value.type !== Scalar.BLOCK_LITERAL) return false;
  return ourBlock(text, scriptOf(text, front, pair)) !== null;
}
