/**
 * Just enough YAML, by whole lines, to put a marked block into lefthook's and pre-commit's
 * configs without re-serialising them (comments, order and quoting stay byte for byte).
 * Both are block-style mappings at the top level; anything else is refused, never rewritten.
 */
import { AdapterError, findBlock, type Line, lines } from '@ravi-hooks/core/adapter';

const BEGIN = /^([ \t]*)# >>> ravi-hooks >>>[ \t]*$/;

/** Our marked block, at whatever indentation it sits. */
export function findOurBlock(text: string) {
  const begin = lines(text).find((line) => BEGIN.test(line.text));
  return begin ? findBlock(text, BEGIN.exec(begin.text)?.[1] ?? '') : null;
}

const indentOf = (line: Line) => /^[ \t]*/.exec(line.text)?.[0] ?? '';
const isContent = (line: Line) => line.text.trim() !== '' && !line.text.trimStart().startsWith('#');

/** The top-level `key:` line; refuses `key: value` on one line (flow style we do not edit). */
export function topLevelKey(text: string, key: string, file: string, hint: string): Line | undefined {
  const line = lines(text).find((l) => l.text.startsWith(`${key}:`));
  if (line && !/^[^:]+:[ \t]*(#.*)?$/.test(line.text)) {
    throw new AdapterError(`${key}: in ${file} is written on one line; ravi-hooks only edits block style`, {
      hint,
    });
  }
  return line;
}

/** The content lines of the block under top-level `key` (indented lines, or `- ` items at column 0). */
export function blockLines(text: string, key: Line): Line[] {
  const all = lines(text);
  const out: Line[] = [];
  for (const line of all.slice(all.findIndex((l) => l.start === key.start) + 1)) {
    if (!isContent(line)) continue;
    if (indentOf(line) === '' && !/^-([ \t]|$)/.test(line.text)) break;
    out.push(line);
  }
  return out;
}

export { indentOf };

/** The file's indentation step: the first indented content line's indentation, else two spaces. */
export function indentStep(text: string): string {
  const first = lines(text).find((l) => isContent(l) && indentOf(l) !== '');
  return first ? indentOf(first) : '  ';
}

/** A YAML single-quoted scalar (the only escape is a doubled quote). */
export const yamlQuote = (value: string): string => `'${value.replace(/'/g, "''")}'`;
