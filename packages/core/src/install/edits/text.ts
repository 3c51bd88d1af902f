/**
 * Pure text helpers the adapters share: line endings, and the `# >>> ravi-hooks >>>` …
 * `# <<< ravi-hooks <<<` blocks we add to shell scripts. Every insertion has an exact
 * inverse, so `remove(apply(x)) === x` byte for byte, even for files without a final newline.
 */

export const BLOCK_BEGIN = '# >>> ravi-hooks >>>';
export const BLOCK_END = '# <<< ravi-hooks <<<';

export type Eol = '\n' | '\r\n';

/** The file's line ending (its first one); `\n` for files with none. */
export function eolOf(text: string | null): Eol {
  const match = text?.match(/\r?\n/);
  return match?.[0] === '\r\n' ? '\r\n' : '\n';
}

export interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's text (before its line ending). */
  end: number;
  /** Offset just past the line ending (`end` on a last line without one). */
  next: number;
  text: string;
}

export function lines(text: string): Line[] {
  const out: Line[] = [];
  const pattern = /([^\r\n]*)(\r?\n|$)/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const body = match[1] ?? '';
    const ending = match[2] ?? '';
    out.push({
      start: match.index,
      end: match.index + body.length,
      next: match.index + match[0].length,
      text: body,
    });
    if (ending === '') break;
  }
  return out;
}

export interface MarkedBlock {
  /** Offset of the begin marker line. */
  start: number;
  /** Offset past the end marker line, including its line ending when it has one. */
  end: number;
  /** The lines between the markers with `indent` taken off. */
  body: string[];
}

/** Finds the first block whose marker lines read `indent + marker` (trailing blanks allowed). */
export function findBlock(text: string, indent = ''): MarkedBlock | null {
  let begin: Line | null = null;
  const body: string[] = [];
  for (const line of lines(text)) {
    const bare = line.text.trimEnd();
    if (begin === null) {
      if (bare === indent + BLOCK_BEGIN) begin = line;
    } else if (bare === indent + BLOCK_END) {
      return { start: begin.start, end: line.next, body };
    } else {
      body.push(line.text.startsWith(indent) ? line.text.slice(indent.length) : line.text.trimStart());
    }
  }
  return null;
}

/** The marker lines around `body`, each prefixed with `indent` (blank lines stay blank). */
export function renderBlock(body: readonly string[], indent = ''): string[] {
  return [BLOCK_BEGIN, ...body, BLOCK_END].map((line) => (line === '' ? '' : indent + line));
}

/**
 * Inserts whole lines at `at`, which must be the start of a line or the end of the text.
 * At the end of a text that lacks a final newline the lines go after a new line ending and
 * the text still ends without one, so {@link removeSpan} can take exactly them out again.
 */
export function insertLines(
  text: string,
  at: number,
  added: readonly string[],
  eol: Eol = eolOf(text),
): string {
  const joined = added.join(eol);
  const unterminated = at === text.length && text.length > 0 && !text.endsWith('\n');
  const insert = unterminated ? eol + joined : joined + eol;
  return text.slice(0, at) + insert + text.slice(at);
}

/** Removes a span of whole lines found by {@link findBlock}; the inverse of {@link insertLines}. */
export function removeSpan(text: string, span: { start: number; end: number }): string {
  const unterminated = span.end === text.length && !text.endsWith('\n');
  if (unterminated && span.start > 0) {
    const before = text.slice(0, span.start);
    const eolLength = before.endsWith('\r\n') ? 2 : 1;
    return before.slice(0, -eolLength);
  }
  return text.slice(0, span.start) + text.slice(span.end);
}

/** Replaces a span of whole lines with `replacement`, keeping whether it ended with a newline. */
export function replaceSpan(
  text: string,
  span: { start: number; end: number },
  replacement: readonly string[],
  eol: Eol = eolOf(text),
): string {
  const terminated = /\n$/.test(text.slice(span.start, span.end));
  return text.slice(0, span.start) + replacement.join(eol) + (terminated ? eol : '') + text.slice(span.end);
}

/** Every marked block, at any indentation, with its lines trimmed (for files holding several). */
export function findBlocks(text: string): MarkedBlock[] {
  const out: MarkedBlock[] = [];
  let begin: Line | null = null;
  let body: string[] = [];
  for (const line of lines(text)) {
    const bare = line.text.trim();
    if (begin === null && bare === BLOCK_BEGIN) {
      begin = line;
      body = [];
    } else if (begin !== null && bare === BLOCK_END) {
      out.push({ start: begin.start, end: line.next, body });
      begin = null;
    } else if (begin !== null) body.push(bare);
  }
  return out;
}
