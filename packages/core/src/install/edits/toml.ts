/**
 * Our marked block inside a TOML string that holds a shell script (Codex's `[setup] script`,
 * Conductor's `[scripts] setup`). Multi-line strings get whole block lines; a one-line basic
 * string gets them as `\n`-escaped text. A missing key (or table) is added as a `'''` string
 * whose block says it was created, so removal takes the key (or table) out again. Every
 * insertion has an exact inverse; the caller re-parses the result to prove nothing else moved.
 */
import { isDeepStrictEqual } from 'node:util';
import { AdapterError } from '../../errors';
import { BLOCK_BEGIN, BLOCK_END, type Eol, eolOf, insertLines, removeSpan, renderBlock } from './text';
import { findKey, findTable, parseToml, type TomlString, type TomlTable } from './toml-find';

export { parseToml } from './toml-find';

export interface TomlScript {
  /** The adapter's name, quoted in the block's note. */
  adapter: string;
  table: string;
  key: string;
  /** Where our lines go in the script: teardown goes first, provisioning last. */
  at: 'start' | 'end';
  /** The block's lines after the note. */
  body: readonly string[];
  /** The file's name, for error messages. */
  file: string;
}

type Origin = 'added' | 'key' | 'table';

const NOTES: Record<Origin, string> = {
  added: '# Added by ravi-hooks: `ravi-hooks init {} --remove` takes this block out.',
  key: '# Created by ravi-hooks: `ravi-hooks init {} --remove` deletes this script.',
  table: '# Created by ravi-hooks: `ravi-hooks init {} --remove` deletes this table.',
};

function blockLines(spec: TomlScript, origin: Origin): string[] {
  return renderBlock([NOTES[origin].replace('{}', spec.adapter), ...spec.body]);
}

/** Our block inside a string value: where it is and which kind of insertion made it. */
interface Found {
  start: number;
  end: number;
  origin: Origin;
}

function findIn(text: string, value: TomlString): Found | null {
  const content = text.slice(value.contentStart, value.contentEnd);
  const begin = content.indexOf(BLOCK_BEGIN);
  const end = content.indexOf(BLOCK_END, begin);
  if (begin < 0 || end < 0) return null;
  const note = content.slice(begin + BLOCK_BEGIN.length, end);
  const origin: Origin = note.includes('deletes this table')
    ? 'table'
    : note.includes('deletes this script')
      ? 'key'
      : 'added';
  return {
    start: value.contentStart + begin,
    end: value.contentStart + end + BLOCK_END.length,
    origin,
  };
}

function escapeFor(kind: TomlString['kind'], line: string): string {
  if (kind === 'ml-literal') return line;
  const escaped = line.replace(/\\/g, '\\\\');
  return kind === 'ml-basic' ? escaped.replace(/"""/g, '""\\"') : escaped.replace(/"/g, '\\"');
}

function locate(
  text: string,
  spec: TomlScript,
): { table: TomlTable | null; key: ReturnType<typeof findKey> } {
  const table = findTable(text, spec.table);
  return {
    table,
    key: table ? findKey(text, table, spec.key, `${spec.table}.${spec.key} in ${spec.file}`) : null,
  };
}

export function hasTomlScript(text: string | null, spec: TomlScript): boolean {
  if (text === null) return false;
  const { key } = locate(text, spec);
  return key !== null && findIn(text, key.value) !== null;
}

/** Installs our block (or rewrites it in place with the current command). */
export function installTomlScript(text: string, spec: TomlScript): string {
  const eol = eolOf(text);
  const { table, key } = locate(text, spec);
  if (!table) {
    const added = [`[${spec.table}]`, `${spec.key} = '''`, ...blockLines(spec, 'table'), "'''"];
    return insertLines(text, text.length, text === '' ? added : ['', ...added], eol);
  }
  if (!key) {
    const last = [...table.body].reverse().find((line) => line.text.trim() !== '') ?? table.header;
    return insertLines(text, last.next, [`${spec.key} = '''`, ...blockLines(spec, 'key'), "'''"], eol);
  }
  const { value } = key;
  const found = findIn(text, value);
  const lines = blockLines(spec, found?.origin ?? 'added').map((line) => escapeFor(value.kind, line));
  if (value.kind === 'literal') {
    throw new AdapterError(
      `${spec.table}.${spec.key} in ${spec.file} is a one-line literal string ('…'), which cannot hold more lines`,
      {
        hint: `write it as a multi-line string ('''…''' or """…"""), then run \`ravi-hooks init ${spec.adapter}\` again`,
      },
    );
  }
  const join = value.kind === 'basic' ? '\\n' : eol;
  const block = lines.join(join);
  if (found) return text.slice(0, found.start) + block + text.slice(found.end);
  if (value.kind === 'basic') {
    const at = spec.at === 'end' ? value.contentEnd : value.contentStart;
    return text.slice(0, at) + (spec.at === 'end' ? join + block : block + join) + text.slice(at);
  }
  return insertMultiline(text, value, block, spec.at, eol);
}

function insertMultiline(
  text: string,
  value: TomlString,
  block: string,
  at: 'start' | 'end',
  eol: Eol,
): string {
  const content = text.slice(value.contentStart, value.contentEnd);
  if (at === 'start') {
    // NOTE: TOML drops a newline right after the opening delimiter. Content that starts on
    // the delimiter's line gets an empty first line too, so removal can tell the two apart.
    const leading = content.startsWith(eol) ? eol.length : 0;
    const insert = leading ? block + eol : eol + eol + block + eol;
    const where = value.contentStart + leading;
    return text.slice(0, where) + insert + text.slice(where);
  }
  const lastBreak = content.lastIndexOf('\n');
  const tail = content.slice(lastBreak + 1);
  if (lastBreak >= 0 && tail.trim() === '') {
    const where = value.contentStart + lastBreak + 1;
    return text.slice(0, where) + block + eol + text.slice(where);
  }
  return text.slice(0, value.contentEnd) + eol + block + text.slice(value.contentEnd);
}

/** Takes our block out again: the exact inverse of {@link installTomlScript}. */
export function uninstallTomlScript(text: string, spec: TomlScript): string {
  const { table, key } = locate(text, spec);
  if (!table || !key) return text;
  const found = findIn(text, key.value);
  if (!found) return text;
  const { value } = key;
  if (found.origin !== 'added') {
    const end = text.indexOf('\n', value.close);
    const span = { start: key.line.start, end: end < 0 ? text.length : end + 1 };
    const others = table.body.filter(
      (line) => (line.start < span.start || line.start >= span.end) && line.text.trim() !== '',
    );
    if (found.origin === 'table' && others.length === 0) {
      const before = text.slice(0, table.header.start);
      const blank = /(?:^|\n)\r?\n$/.test(before) && before.length > 0;
      span.start = blank ? before.lastIndexOf('\n', before.length - 2) + 1 : table.header.start;
    }
    return removeSpan(text, span);
  }
  const newline = value.kind === 'basic' ? '\\n' : eolOf(text);
  if (text.startsWith(newline, found.end)) {
    const doubled =
      spec.at === 'start' &&
      value.kind !== 'basic' &&
      text.slice(value.contentStart, found.start) === newline + newline;
    const start = doubled ? value.contentStart : found.start;
    return text.slice(0, start) + text.slice(found.end + newline.length);
  }
  return text.slice(0, found.start - newline.length) + text.slice(found.end);
}

/**
 * Installs every script's block into a TOML file after checking it parses, then proves the
 * edit changed nothing but those strings (the parsed files agree once they are set aside).
 */
export function applyTomlScripts(text: string, specs: readonly TomlScript[], hint: string): string {
  const file = specs[0]?.file ?? 'the file';
  const before = parseToml(text, file, hint);
  let after = text;
  for (const spec of specs) after = installTomlScript(after, spec);
  return verified(before, after, specs, hint);
}

/** Takes every script's block out again (refusing a file that does not parse). */
export function removeTomlScripts(text: string, specs: readonly TomlScript[], hint: string): string {
  const file = specs[0]?.file ?? 'the file';
  const before = parseToml(text, file, hint);
  let after = text;
  for (const spec of [...specs].reverse()) after = uninstallTomlScript(after, spec);
  return verified(before, after, specs, hint);
}

function verified(
  before: Record<string, unknown>,
  text: string,
  specs: readonly TomlScript[],
  hint: string,
): string {
  const file = specs[0]?.file ?? 'the file';
  const after = parseToml(text, file, hint);
  if (!isDeepStrictEqual(withoutScripts(before, specs), withoutScripts(after, specs))) {
    throw new AdapterError(`could not edit ${file} without changing other settings`, {
      hint: 'please report this with a copy of the file; nothing was written',
    });
  }
  return text;
}

/** The parsed file with our scripts' keys (and tables left empty by them) set aside. */
function withoutScripts(parsed: Record<string, unknown>, specs: readonly TomlScript[]): unknown {
  const copy = structuredClone(parsed);
  for (const spec of specs) {
    const table = copy[spec.table];
    if (table === null || typeof table !== 'object' || Array.isArray(table)) continue;
    delete (table as Record<string, unknown>)[spec.key];
    if (Object.keys(table).length === 0) delete copy[spec.table];
  }
  return copy;
}
