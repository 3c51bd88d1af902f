/**
 * Finding one string value (`[table] key = "…"`) in a TOML file as text, so it can be edited
 * without re-serialising the file (which would drop comments and reflow strings). A small
 * lexer tells which lines begin inside a multi-line string, so a `[` or `key =` inside a
 * script is never taken for a table header or a key. The whole file is parsed with smol-toml
 * first: we only ever edit what a real TOML parser accepts.
 */
import { parse, TomlError } from 'smol-toml';
import { AdapterError } from '../../errors';
import { type Line, lines } from './text';

export type TomlStringKind = 'basic' | 'literal' | 'ml-basic' | 'ml-literal';

export interface TomlString {
  kind: TomlStringKind;
  /** Offset of the opening delimiter. */
  open: number;
  /** The value's raw text (escapes as written) lies in [contentStart, contentEnd). */
  contentStart: number;
  contentEnd: number;
  /** Offset just past the closing delimiter. */
  close: number;
}

export interface TomlTable {
  header: Line;
  /** The lines after the header up to the next table header. */
  body: TomlLine[];
}

export interface TomlLine extends Line {
  /** The line starts inside a multi-line string. */
  inString: boolean;
}

/** Parses the text; throws an AdapterError naming the line when it is not valid TOML. */
export function parseToml(text: string, file: string, hint: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    const where = error instanceof TomlError ? ` (line ${error.line}, column ${error.column})` : '';
    throw new AdapterError(`${file} is not valid TOML${where}`, { hint, cause: error });
  }
}

/** Every line, marked when it begins inside a multi-line string (skipping comments). */
function tomlLines(text: string): TomlLine[] {
  return markStringLines(text, lines(text));
}

function markStringLines(text: string, all: Line[]): TomlLine[] {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i += 1;
    } else if (text[i] === '"' || text[i] === "'") {
      const value = readString(text, i);
      if (!value) break;
      if (value.kind.startsWith('ml-')) spans.push([value.open, value.close]);
      i = value.close - 1;
    }
  }
  return all.map((line) => ({
    ...line,
    inString: spans.some(([open, close]) => line.start > open && line.start < close),
  }));
}

/** Reads the string starting at `open` (a quote); null when it never closes. */
export function readString(text: string, open: number): TomlString | null {
  const quote = text[open] === "'" ? "'" : '"';
  const triple = text.startsWith(quote === '"' ? '"""' : "'''", open);
  const basic = quote === '"';
  const kind: TomlStringKind = triple ? (basic ? 'ml-basic' : 'ml-literal') : basic ? 'basic' : 'literal';
  const contentStart = open + (triple ? 3 : 1);
  const delimiter = triple ? quote.repeat(3) : quote;
  for (let j = contentStart; j < text.length; j += 1) {
    if (basic && text[j] === '\\') {
      j += 1;
    } else if (!triple && text[j] === '\n') {
      return null;
    } else if (text.startsWith(delimiter, j)) {
      let end = j;
      // NOTE: `''''` / `""""` end a multi-line string whose content ends in one or two quotes.
      while (triple && end - j < 2 && text[end + 3] === quote) end += 1;
      return { kind, open, contentStart, contentEnd: end, close: end + delimiter.length };
    }
  }
  return null;
}

const bare = (name: string) => `(?:${name}|"${name}"|'${name}')`;

export function findTable(text: string, name: string): TomlTable | null {
  const all = tomlLines(text);
  const header = new RegExp(`^\\s*\\[\\s*${bare(name)}\\s*\\]\\s*(?:#.*)?$`);
  const index = all.findIndex((line) => !line.inString && header.test(line.text));
  if (index < 0) return null;
  const body: TomlLine[] = [];
  for (const line of all.slice(index + 1)) {
    if (!line.inString && /^\s*\[/.test(line.text)) break;
    body.push(line);
  }
  return { header: all[index]!, body };
}

/** The line assigning `key` in the table and its string value. Throws when it is not a string. */
export function findKey(
  text: string,
  table: TomlTable,
  key: string,
  where: string,
): { line: Line; value: TomlString } | null {
  const pattern = new RegExp(`^\\s*${bare(key)}\\s*=\\s*`);
  const line = table.body.find((candidate) => !candidate.inString && pattern.test(candidate.text));
  if (!line) return null;
  const at = line.start + (pattern.exec(line.text)?.[0].length ?? 0);
  const value = text[at] === '"' || text[at] === "'" ? readString(text, at) : null;
  if (!value) throw new AdapterError(`${where} must be a string (a shell script)`);
  return { line, value };
}
