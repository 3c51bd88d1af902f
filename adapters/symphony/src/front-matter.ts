/**
 * WORKFLOW.md's YAML front matter, found the way Symphony finds it (elixir/lib/symphony_elixir/
 * workflow.ex): the first line is exactly `---` and the front matter runs to the next line that
 * is exactly `---`. Everything else in the file is the prompt and is never touched.
 */
import { AdapterError, eolOf, lines } from '@ravi-hooks/core/adapter';
import { type Document, isMap, parseDocument } from 'yaml';

export const FILE = 'WORKFLOW.md';
export const HINT = 'fix the front matter of WORKFLOW.md, then run `ravi-hooks init symphony` again';

/** The comment line of a front matter we add to a file that had none. */
export const CREATED_COMMENT =
  '# Front matter added by ravi-hooks: `ravi-hooks init symphony --remove` takes it out.';

export interface FrontMatter {
  /** Offset of the YAML's first character (just after the opening `---` line). */
  start: number;
  /** Offset of the closing `---` line. */
  end: number;
  doc: Document;
}

export function findFrontMatter(text: string): FrontMatter | null {
  const all = lines(text);
  const open = all[0];
  if (open?.text !== '---') return null;
  const close = all.slice(1).find((line) => line.text === '---');
  if (!close) {
    throw new AdapterError(`${FILE} opens its front matter with \`---\` but never closes it`, { hint: HINT });
  }
  const doc = parseDocument(text.slice(open.next, close.start));
  const error = doc.errors[0];
  if (error) {
    throw new AdapterError(`${FILE} front matter is not valid YAML: ${error.message.split('\n')[0]}`, {
      hint: HINT,
    });
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new AdapterError(`${FILE} front matter must be a mapping (tracker:, hooks:, …)`, { hint: HINT });
  }
  return { start: open.next, end: close.start, doc };
}

/** Gives a file without front matter an empty one, marked so removal can take it out again. */
export function withFrontMatter(text: string): string {
  if (findFrontMatter(text)) return text;
  const eol = eolOf(text);
  return `---${eol}${CREATED_COMMENT}${eol}---${eol}${text}`;
}

/** Takes out a front matter we added once nothing but our comment is left in it. */
export function withoutCreatedFrontMatter(text: string): string {
  const front = findFrontMatter(text);
  if (!front || text.slice(front.start, front.end).trimEnd() !== CREATED_COMMENT) return text;
  const closing = lines(text).find((line) => line.start === front.end);
  return text.slice(closing?.next ?? front.end);
}

/** The document's indentation step (its first indented line), two spaces by default. */
export function indentStep(text: string, front: FrontMatter): string {
  return /\n( +)[^\s#]/.exec(text.slice(front.start - 1, front.end))?.[1] ?? '  ';
}
