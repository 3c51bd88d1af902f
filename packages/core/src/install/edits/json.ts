/**
 * Splicing edits for JSON files read by Go's encoding/json (amux, Claude Squad): strict
 * parsing, and insertions that each have an exact inverse. We locate nodes with jsonc-parser
 * but write by splicing text, because re-serialising (or jsonc-parser's own `modify`) would
 * reflow arrays and re-escape strings the user wrote (Go writes `&` as `\u0026`).
 */
import { isDeepStrictEqual } from 'node:util';
// NOTE: the ESM build, named explicitly: bundlers pick jsonc-parser's UMD `main`, whose lazy
// `require('./impl/format')` breaks once bundled into the CLI.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import { AdapterError } from '../../errors';
import type { Eol } from './text';

export type JsonNode = Node;

/** Deeper than any orchestrator file has reason to be; the parser recurses once per level. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses JSON as strictly as Go does: no comments, no trailing commas, no empty file.
 * Nesting deeper than {@link MAX_JSON_DEPTH} is refused naming the file, before the
 * recursive parser could overflow the stack.
 */
export function parseStrictJson(text: string, file: string, hint: string): Node {
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new AdapterError(`${file} is nested more than ${MAX_JSON_DEPTH} levels deep`, { hint });
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    const where =
      first === undefined ? '' : ` (${printParseErrorCode(first.error)} at ${position(text, first.offset)})`;
    throw new AdapterError(`${file} is not valid JSON${where}`, { hint });
  }
  if (root.type !== 'object') throw new AdapterError(`${file} must hold a JSON object`, { hint });
  return root;
}

/** The deepest `[`/`{` nesting outside strings (a scan, so no depth can overflow it). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth -= 1;
  }
  return max;
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/**
 * The property node `"key": value` of an object node. NOTE: the LAST one when a key is
 * repeated: Go's encoding/json (amux, Claude Squad) and JSON.parse both let the last
 * duplicate win, so editing the first would change nothing the orchestrator reads.
 */
export function propertyOf(object: Node, key: string): Node | undefined {
  return object.children?.findLast((p) => p.children?.[0]?.value === key);
}

/** The value node of `object[key]`. */
export function propertyValue(object: Node, key: string): Node | undefined {
  return propertyOf(object, key)?.children?.[1];
}

export function rawOf(text: string, node: Node): string {
  return text.slice(node.offset, node.offset + node.length);
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** One level of indentation as the file writes it (its first indented line); two spaces by default. */
export function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/**
 * Appends `raw` (already JSON) as the last element or property of `container`, in the
 * container's own layout: on a new line below a multi-line container's last child, after
 * `, ` in an inline one. An empty array gets it inline, an empty object on its own line.
 */
export function appendChild(text: string, container: Node, raw: string, eol: Eol): string {
  const children = container.children ?? [];
  const last = children.at(-1);
  if (last === undefined) {
    const at = container.offset + 1;
    const insert =
      container.type === 'array' ? raw : eol + lineIndent(text, container.offset) + indentUnit(text) + raw;
    return text.slice(0, at) + insert + text.slice(at);
  }
  const at = last.offset + last.length;
  const multiline = text.slice(container.offset, last.offset).includes('\n');
  const separator = multiline ? `,${eol}${lineIndent(text, last.offset)}` : ', ';
  return text.slice(0, at) + separator + raw + text.slice(at);
}

/** Removes one child (element or property) with its separator; the inverse of {@link appendChild}. */
export function removeChild(text: string, container: Node, child: Node): string {
  const children = container.children ?? [];
  const index = children.indexOf(child);
  const end = child.offset + child.length;
  const previous = children[index - 1];
  const next = children[index + 1];
  if (next !== undefined) return text.slice(0, child.offset) + text.slice(next.offset);
  const start = previous === undefined ? container.offset + 1 : previous.offset + previous.length;
  return text.slice(0, start) + text.slice(end);
}

/** A JSON string literal's text between its quotes, as written (escapes untouched). */
export function stringBody(text: string, node: Node): string {
  return text.slice(node.offset + 1, node.offset + node.length - 1);
}

/** Replaces a string node's body; `body` is raw JSON string content (already escaped). */
export function replaceStringBody(text: string, node: Node, body: string): string {
  return text.slice(0, node.offset + 1) + body + text.slice(node.offset + node.length - 1);
}

/** Escapes `value` for use inside a JSON string literal. */
export function jsonEscape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * The offset in a string literal's raw body (escapes as written) of the `decoded`-th
 * character of its value, so an edit located in the value lands at the right raw spot.
 */
export function rawOffset(body: string, decoded: number): number {
  let raw = 0;
  for (let seen = 0; seen < decoded && raw < body.length; seen += 1) {
    raw += body[raw] !== '\\' ? 1 : body[raw + 1] === 'u' ? 6 : 2;
  }
  return raw;
}

/** Re-parses an edited file and checks it holds exactly the value we meant to write. */
export function assertJsonValue(text: string, expected: unknown, file: string): string {
  if (!isDeepStrictEqual(JSON.parse(text), expected)) {
    throw new AdapterError(`could not edit ${file} without changing other settings`, {
      hint: 'please report this with a copy of the file; nothing was written',
    });
  }
  return text;
}
