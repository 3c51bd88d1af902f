/**
 * Our entries in JSON arrays of shell commands (Superset's and Daintree's `setup` and
 * `teardown`): provisioning is appended after the user's commands, teardown put in front of
 * theirs, each found again whatever command it was installed with. Everything is spliced into
 * the text, so the user's layout and escapes stay as written; a re-parse proves nothing else moved.
 */
import path from 'node:path';
import type { Adapter, AdapterContext, FileText } from '../../adapters/types';
import { AdapterError } from '../../errors';
import { invokedCommand } from './invocation';
import {
  appendChild,
  assertJsonValue,
  indentUnit,
  type JsonNode,
  jsonEscape,
  lineIndent,
  parseStrictJson,
  propertyOf,
  propertyValue,
  removeChild,
  replaceStringBody,
} from './json';
import { hookStep, hookStepPattern } from './steps';
import { type Eol, eolOf } from './text';

type StepContext = Pick<AdapterContext, 'command' | 'strict'>;

export interface CommandEntry {
  /** The array's key (`setup`, `teardown`). */
  key: string;
  /** After the user's commands (`end`) or before them (`start`). */
  at: 'start' | 'end';
  /** Our entry, calling ravi-hooks the way the context says. */
  render(context: StepContext): string;
  /** The ravi-hooks command an entry of ours calls; undefined for anyone else's entry. */
  commandOf(value: string): string | undefined;
  /**
   * Entries that follow ours when we create the key ourselves (e.g. keeping a script the tool
   * would otherwise have fallen back to); removal takes the key out only when it holds exactly these.
   */
  alongside?: readonly string[];
}

export interface CommandFile {
  /** The file, relative to the root (`.superset/config.json`); also its name in errors. */
  file: string;
  hint: string;
  entries: readonly CommandEntry[];
}

const isOurs = (entry: CommandEntry, value: unknown): value is string =>
  typeof value === 'string' && entry.commandOf(value) !== undefined;

function arrayOf(text: string, spec: CommandFile, key: string): { root: JsonNode; array?: JsonNode } {
  const root = parseStrictJson(text, spec.file, spec.hint);
  const array = propertyValue(root, key);
  if (array && (array.type !== 'array' || array.children?.some((item) => item.type !== 'string'))) {
    throw new AdapterError(`"${key}" in ${spec.file} must be an array of command strings`, {
      hint: spec.hint,
    });
  }
  return { root, array };
}

/** Inserts `raw` as the first element of a non-empty array, in its layout; `removeChild` undoes it. */
function prependChild(text: string, array: JsonNode, raw: string, eol: Eol): string {
  const first = array.children?.[0];
  if (first === undefined) return appendChild(text, array, raw, eol);
  const multiline = text.slice(array.offset, first.offset).includes('\n');
  const separator = multiline ? `,${eol}${lineIndent(text, first.offset)}` : ', ';
  return text.slice(0, first.offset) + raw + separator + text.slice(first.offset);
}

const created = (entry: CommandEntry, context: StepContext) => [
  entry.render(context),
  ...(entry.alongside ?? []),
];

/**
 * An entry running `ravi-hooks <args>` as a step (see `hookStep`), in parentheses: the tools
 * join the array with `&&`, and `|| true` must not swallow the status of the user's commands.
 */
export function stepEntry(
  key: string,
  at: 'start' | 'end',
  args: readonly string[],
  consequence: string,
  alongside?: readonly string[],
): CommandEntry {
  const pattern = hookStepPattern(args.join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    key,
    at,
    render: (context) => `(${hookStep(context, args, consequence)})`,
    commandOf: (value) => {
      const inner = /^\((.*)\)$/.exec(value)?.[1];
      return inner === undefined ? undefined : invokedCommand(pattern, inner);
    },
    ...(alongside ? { alongside } : {}),
  };
}

/** The file we write when there is none. */
function createdFile(spec: CommandFile, context: StepContext): string {
  const keys = spec.entries.map((entry) => {
    const items = created(entry, context).map((line) => `    ${JSON.stringify(line)}`);
    return `  "${entry.key}": [\n${items.join(',\n')}\n  ]`;
  });
  return `{\n${keys.join(',\n')}\n}\n`;
}

export function applyCommands(spec: CommandFile, context: StepContext, current: FileText): string {
  if (current === null) return createdFile(spec, context);
  const eol = eolOf(current);
  let text = current;
  for (const entry of spec.entries) {
    const { root, array } = arrayOf(text, spec, entry.key);
    const value = entry.render(context);
    const mine = array?.children?.find((node) => isOurs(entry, node.value));
    if (mine) {
      if (mine.value !== value) text = replaceStringBody(text, mine, jsonEscape(value));
    } else if (array) {
      const raw = JSON.stringify(value);
      text = entry.at === 'end' ? appendChild(text, array, raw, eol) : prependChild(text, array, raw, eol);
    } else {
      const last = root.children?.at(-1);
      const unit = indentUnit(text);
      const indent = last ? lineIndent(text, last.offset) : lineIndent(text, root.offset) + unit;
      const items = created(entry, context).map((line) => `${indent}${unit}${JSON.stringify(line)}`);
      text = appendChild(text, root, `"${entry.key}": [${eol}${items.join(`,${eol}`)}${eol}${indent}]`, eol);
    }
  }
  return verified(current, text, spec, context);
}

export function removeCommands(spec: CommandFile, current: FileText): FileText {
  if (current === null) return null;
  let text = current;
  for (const entry of [...spec.entries].reverse()) {
    const { root, array } = arrayOf(text, spec, entry.key);
    const mine = array?.children?.find((node) => isOurs(entry, node.value));
    const command = mine && entry.commandOf(String(mine.value));
    if (!array || !mine || command === undefined) continue;
    const context = { command, strict: !String(mine.value).endsWith(' || true)') };
    if (current === createdFile(spec, context)) return null;
    const values = array.children?.map((node) => node.value);
    const whole = JSON.stringify(values) === JSON.stringify(created(entry, context));
    text = whole ? removeChild(text, root, propertyOf(root, entry.key)!) : removeChild(text, array, mine);
  }
  return text;
}

export function hasCommands(spec: CommandFile, current: FileText): boolean {
  if (current === null) return false;
  return spec.entries.every((entry) =>
    arrayOf(current, spec, entry.key).array?.children?.some((node) => isOurs(entry, node.value)),
  );
}

/** A safety net: the edit must change nothing but our entries (never expected to fire). */
function verified(before: string, after: string, spec: CommandFile, context: StepContext): string {
  const expected = JSON.parse(before) as Record<string, unknown>;
  for (const entry of spec.entries) {
    const list = expected[entry.key] as unknown[] | undefined;
    const mine = entry.render(context);
    if (!list) expected[entry.key] = created(entry, context);
    else if (list.some((value) => isOurs(entry, value)))
      expected[entry.key] = list.map((value) => (isOurs(entry, value) ? mine : value));
    else expected[entry.key] = entry.at === 'end' ? [...list, mine] : [mine, ...list];
  }
  return assertJsonValue(after, expected, spec.file);
}

/** An adapter whose whole job is our entries in one JSON file of command arrays at the root. */
export function jsonCommandsAdapter(options: {
  name: string;
  description: string;
  spec: CommandFile;
  notes(context: AdapterContext): string[];
}): Adapter {
  const { spec } = options;
  return {
    name: options.name,
    description: options.description,
    files: (context) => [{ path: path.join(context.root, spec.file), scope: 'root' }],
    apply: (context, _file, current) => applyCommands(spec, context, current),
    remove: (_context, _file, current) => removeCommands(spec, current),
    isInstalled: (_context, _file, current) => hasCommands(spec, current),
    notes: options.notes,
  };
}
