/**
 * Pulls runnable shell out of the README: the fenced ```sh blocks of one section, so the
 * README test runs exactly what a reader would copy.
 */

export interface Section {
  heading: string;
  /** The section's own text, up to the next heading of the same or a higher level. */
  body: string;
}

const fenceLine = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const headingLine = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

/** CommonMark: a closing fence is the same character, at least as long, with no info string. */
function closes(line: string, marker: string): boolean {
  const f = fenceLine.exec(line);
  return (
    f !== null && f[1]?.[0] === marker[0] && (f[1]?.length ?? 0) >= marker.length && line.trim() === f[1]
  );
}

/** Walks the lines, telling for each whether it is inside fenced code (and the fence's info). */
function* walk(markdown: string): Generator<{ line: string; code: string | null; edge: boolean }> {
  let marker: string | null = null;
  let info = '';
  for (const line of markdown.split(/\r?\n/)) {
    if (marker === null) {
      const f = fenceLine.exec(line);
      if (f) {
        marker = f[1] ?? '```';
        info = f[2] ?? '';
        yield { line, code: info, edge: true };
      } else yield { line, code: null, edge: false };
    } else if (closes(line, marker)) {
      yield { line, code: info, edge: true };
      marker = null;
    } else yield { line, code: info, edge: false };
  }
}

/** The sections at `level` (## is 2), each ending where a heading of that level or higher starts. */
export function sections(markdown: string, level: number): Section[] {
  const out: Section[] = [];
  let current: Section | null = null;
  for (const { line, code } of walk(markdown)) {
    const h = code === null ? headingLine.exec(line) : null;
    const depth = h?.[1]?.length ?? 0;
    if (h && depth <= level) {
      current = depth === level ? { heading: h[2] ?? '', body: '' } : null;
      if (current) out.push(current);
    } else if (current) current.body += `${line}\n`;
  }
  return out;
}

/** The section under the heading `title` at `level`; throws when the README lost it. */
export function section(markdown: string, title: string, level = 2): Section {
  const found = sections(markdown, level).find((s) => s.heading === title);
  if (!found) throw new Error(`README has no "${'#'.repeat(level)} ${title}" section`);
  return found;
}

/** The fenced blocks tagged sh, bash or shell in `text`, in order, each ending in a newline. */
export function shBlocks(text: string): string[] {
  const blocks: string[] = [];
  let lines: string[] | null = null;
  for (const { line, code, edge } of walk(text)) {
    const sh = code !== null && ['sh', 'bash', 'shell'].includes(code);
    if (edge && lines === null && sh) lines = [];
    else if (edge && lines !== null) {
      blocks.push(`${lines.join('\n')}\n`);
      lines = null;
    } else if (lines !== null) lines.push(line);
  }
  return blocks;
}
