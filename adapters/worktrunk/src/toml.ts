/**
 * Our hooks in worktrunk's TOML config, edited as whole marked lines; smol-toml only reads
 * the file (the core's smol-toml check), to learn each hook's shape and to check that what
 * we write still parses.
 *
 * A hook key takes three shapes (worktrunk's docs, "Hook forms"): a string (one command), a
 * table (named commands run concurrently) or an array of tables (`[[hook]]`, a pipeline). We
 * add a named command `ravi-hooks = "…"` under an existing `[hook]` header, a `[[hook]]` step
 * after an existing pipeline, or a new `[hook]` table at the end of the file.
 */
import {
  AdapterError,
  BLOCK_BEGIN,
  BLOCK_END,
  eolOf,
  findBlocks,
  insertLines,
  lines,
  parseToml,
  removeSpan,
} from '@ravi-hooks/core/adapter';

export const KEY = 'ravi-hooks';

export interface TomlHook {
  /** `pre-start`, `pre-remove`. */
  hook: string;
  /** One comment line saying what the command does. */
  comment: string;
  /** The ravi-hooks command line, worktrunk template variables included. */
  run: string;
}

/** Fix the file first: worktrunk would refuse it too. */
export const hintFor = (file: string) =>
  `fix ${file} (worktrunk would refuse it too), then run \`ravi-hooks init worktrunk\` again`;

const tag = (hook: string) => `# ravi-hooks ${hook}: \`ravi-hooks init worktrunk --remove\` takes this out.`;
const blockOf = (text: string, hook: string) => findBlocks(text).find((b) => b.body[0] === tag(hook));

function headerPattern(hook: string, array: boolean): RegExp {
  const name = `(?:${hook}|"${hook}"|'${hook}')`;
  return array
    ? new RegExp(`^\\s*\\[\\[\\s*${name}\\s*\\]\\]\\s*(#.*)?$`)
    : new RegExp(`^\\s*\\[\\s*${name}\\s*\\](\\s*#.*)?$`);
}

function refuse(file: string, hook: string, why: string): never {
  throw new AdapterError(
    `${hook} in ${file} is ${why}: ravi-hooks only adds lines, it never rewrites yours`,
    {
      hint: `make it a table (\`[${hook}]\` with one \`name = "command"\` line per command), then run \`ravi-hooks init worktrunk\` again`,
    },
  );
}

/** Adds (or refreshes) our command for one hook. */
export function installHook(text: string, spec: TomlHook, file: string): string {
  const eol = eolOf(text);
  const entry = `${KEY} = ${JSON.stringify(spec.run)}`;
  const existing = blockOf(text, spec.hook);
  if (existing) {
    const header = existing.body.find((line) => line.startsWith('['));
    const fresh = [BLOCK_BEGIN, tag(spec.hook), spec.comment, ...(header ? [header] : []), entry, BLOCK_END];
    const terminated = /\n$/.test(text.slice(existing.start, existing.end));
    return (
      text.slice(0, existing.start) + fresh.join(eol) + (terminated ? eol : '') + text.slice(existing.end)
    );
  }
  const value = parseToml(text, file, hintFor(file))[spec.hook];
  const inner = [BLOCK_BEGIN, tag(spec.hook), spec.comment, entry, BLOCK_END];
  if (value === undefined) {
    return insertLines(text, text.length, [...inner.slice(0, 3), `[${spec.hook}]`, ...inner.slice(3)], eol);
  }
  if (Array.isArray(value)) {
    return insertLines(text, text.length, [...inner.slice(0, 3), `[[${spec.hook}]]`, ...inner.slice(3)], eol);
  }
  if (typeof value !== 'object' || value === null) refuse(file, spec.hook, 'a single command string');
  const header = lines(text).find((line) => headerPattern(spec.hook, false).test(line.text));
  if (!header) refuse(file, spec.hook, 'an inline table or dotted keys');
  if (KEY in value) refuse(file, spec.hook, `a table that already names a command "${KEY}"`);
  return insertLines(text, header.next, inner, eol);
}

export function uninstallHook(text: string, hook: string): string {
  const found = blockOf(text, hook);
  return found ? removeSpan(text, found) : text;
}

export function hasHook(text: string, hook: string): boolean {
  return blockOf(text, hook) !== undefined;
}

/** The parsed config with our commands taken out, to compare before and after an edit. */
export function withoutOurs(
  config: Record<string, unknown>,
  hooks: readonly string[],
): Record<string, unknown> {
  const out = { ...config };
  for (const hook of hooks) {
    const value = out[hook];
    if (Array.isArray(value)) {
      const steps = value.filter((step) => !(step && typeof step === 'object' && KEY in step));
      if (steps.length > 0) out[hook] = steps;
      else delete out[hook];
    } else if (value && typeof value === 'object') {
      const { [KEY]: _ours, ...rest } = value as Record<string, unknown>;
      if (Object.keys(rest).length > 0) out[hook] = rest;
      else delete out[hook];
    }
  }
  return out;
}
