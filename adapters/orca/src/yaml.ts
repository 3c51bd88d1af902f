/**
 * `orca.yaml` as Orca reads it: not with a YAML library but line by line (src/main/hooks.ts
 * `parseOrcaYaml`): a top-level `scripts:` line, keys indented exactly two spaces
 * (`  setup: |`, `  archive: |`), script lines indented four or more spaces, until the next
 * top-level key. We edit by whole lines in that same grammar, so Orca and a YAML parser agree.
 */
import {
  AdapterError,
  BLOCK_BEGIN,
  BLOCK_END,
  eolOf,
  findBlocks,
  insertLines,
  type Line,
  lines,
  removeSpan,
  replaceSpan,
} from '@ravi-hooks/core/adapter';

export const FILE = 'orca.yaml';
export type Key = 'setup' | 'archive';

export interface OrcaHook {
  key: Key;
  /** After the user's script (`end`) or before it (`start`). */
  at: 'start' | 'end';
  comment: string;
  run: string;
}

const TOP = /^[A-Za-z][A-Za-z0-9_-]*:/;
const tag = (what: string) => `# ravi-hooks ${what}: \`ravi-hooks init orca --remove\` takes this out.`;
const blockOf = (text: string, what: string) => findBlocks(text).find((b) => b.body[0] === tag(what));

/** The `scripts:` section: its header line and the lines up to the next top-level key. */
function scriptsSection(all: Line[]): { header: Line; body: Line[] } | undefined {
  const at = all.findIndex((line) => /^scripts:\s*$/.test(line.text));
  if (at < 0) return undefined;
  const rest = all.slice(at + 1);
  const end = rest.findIndex((line) => TOP.test(line.text));
  return { header: all[at]!, body: end < 0 ? rest : rest.slice(0, end) };
}

function refuse(why: string): never {
  throw new AdapterError(`${FILE}: ${why}`, {
    hint: 'write the scripts as `scripts:` with `  setup: |` and `  archive: |` blocks below it (as Orca documents), then run `ravi-hooks init orca` again',
  });
}

function fresh(lines: string[], indent: string, what: string): string[] {
  return [BLOCK_BEGIN, tag(what), ...lines, BLOCK_END].map((line) => indent + line);
}

export function installHooks(current: string, hooks: readonly OrcaHook[]): string {
  const eol = eolOf(current);
  let text = current;
  const whole = blockOf(text, 'scripts');
  if (whole || !scriptsSection(lines(text))) {
    const body = ['scripts:', ...hooks.flatMap((h) => [`  ${h.key}: |`, `    ${h.comment}`, `    ${h.run}`])];
    const block = fresh(body, '', 'scripts');
    if (whole) return replaceSpan(text, whole, block, eol);
    if (/^scripts\s*:/m.test(text)) refuse('`scripts:` must stand alone on its line');
    return insertLines(text, text.length, block, eol);
  }
  for (const hook of hooks) {
    const ours = blockOf(text, hook.key);
    if (ours) {
      const indent = /^ */.exec(text.slice(ours.start))?.[0] ?? '';
      const created = indent === '';
      const body = created
        ? [`  ${hook.key}: |`, `    ${hook.comment}`, `    ${hook.run}`]
        : [hook.comment, hook.run];
      text = replaceSpan(text, ours, fresh(body, created ? '' : '    ', hook.key), eol);
      continue;
    }
    const section = scriptsSection(lines(text))!;
    const keyAt = section.body.findIndex((line) => new RegExp(`^  ${hook.key}:`).test(line.text));
    if (keyAt < 0) {
      const last = section.body.filter((line) => line.text.trim() !== '').at(-1) ?? section.header;
      const block = fresh([`  ${hook.key}: |`, `    ${hook.comment}`, `    ${hook.run}`], '', hook.key);
      text = insertLines(text, last.next, block, eol);
      continue;
    }
    const keyLine = section.body[keyAt]!;
    if (!new RegExp(`^  ${hook.key}:\\s*\\|\\s*$`).test(keyLine.text)) {
      refuse(`scripts.${hook.key} is a one-line command, not a \`|\` block`);
    }
    const after = section.body.slice(keyAt + 1);
    const next = after.findIndex((line) => /^ {2}\S/.test(line.text));
    const content = (next < 0 ? after : after.slice(0, next)).filter((line) => line.text.startsWith('    '));
    const at = hook.at === 'start' ? keyLine.next : (content.at(-1) ?? keyLine).next;
    text = insertLines(text, at, fresh([hook.comment, hook.run], '    ', hook.key), eol);
  }
  return text;
}

export function uninstallHooks(current: string, keys: readonly Key[]): string {
  let text = current;
  for (const what of ['scripts', ...keys]) {
    const found = blockOf(text, what);
    if (found) text = removeSpan(text, found);
  }
  return text;
}

export function hasHooks(current: string, keys: readonly Key[]): boolean {
  return (
    blockOf(current, 'scripts') !== undefined || keys.every((key) => blockOf(current, key) !== undefined)
  );
}
