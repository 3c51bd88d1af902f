/**
 * Our `[gtr "hook"]` section in the repository's git config file, edited as text between
 * marker comments (git keeps `#` comment lines when it rewrites the file). Values are written
 * in git's quoted form, so the `"` and `\` in our commands survive `git config --get-all`.
 *
 * NOTE: `git config --add gtr.hook.postCreate …` appends to the *last* `[gtr "hook"]`
 * section, which may be ours: removal therefore keeps every line between the markers that is
 * not ours, under a section header of its own.
 */
import {
  type AdapterContext,
  eolOf,
  findBlock,
  hookStep,
  hookStepPattern,
  insertLines,
  invokedCommand,
  removeSpan,
  renderBlock,
  replaceSpan,
} from '@ravi-hooks/core/adapter';

type StepContext = Pick<AdapterContext, 'command' | 'strict'>;

export const SECTION = '[gtr "hook"]';
const NOTE = '# Added by ravi-hooks: `ravi-hooks init gtr --remove` takes this block out.';

/** One multi-valued hook key and the ravi-hooks call we give it. */
export interface HookValue {
  key: 'postCreate' | 'preRemove';
  args: readonly string[];
  /** Finishes "ravi-hooks is not on PATH, so …". */
  consequence: string;
}

/** git's quoted value syntax (git-config(1), "Syntax"). */
export function quoteValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The inverse of {@link quoteValue} for a value we wrote; null for anything else. */
function unquoteValue(raw: string): string | null {
  const match = /^"((?:[^"\\]|\\["\\])*)"$/.exec(raw);
  return match ? match[1]!.replace(/\\(["\\])/g, '$1') : null;
}

function ourLines(values: readonly HookValue[], context: StepContext): string[] {
  const line = ({ key, args, consequence }: HookValue) =>
    `\t${key} = ${quoteValue(hookStep(context, args, consequence))}`;
  return [NOTE, SECTION, ...values.map(line)];
}

/** Whether a line between our markers is one we wrote, whichever command it names. */
function isOurs(line: string, values: readonly HookValue[]): boolean {
  const bare = line.trim();
  if (bare === NOTE || bare === SECTION || bare === '') return true;
  return values.some(({ key, args }) => {
    const value = bare.startsWith(`${key} = `) ? unquoteValue(bare.slice(key.length + 3)) : null;
    const pattern = hookStepPattern(args.join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return value !== null && invokedCommand(pattern, value) !== undefined;
  });
}

export function applySection(text: string, values: readonly HookValue[], context: StepContext): string {
  const eol = eolOf(text);
  const lines = renderBlock(ourLines(values, context));
  const found = findBlock(text);
  if (!found) return insertLines(text, text.length, lines, eol);
  if (found.body.every((line) => isOurs(line, values))) return replaceSpan(text, found, lines, eol);
  const kept = removeSection(text, values);
  return insertLines(kept, kept.length, lines, eol);
}

export function removeSection(text: string, values: readonly HookValue[]): string {
  const found = findBlock(text);
  if (!found) return text;
  const foreign = found.body.filter((line) => !isOurs(line, values));
  if (foreign.length === 0) return removeSpan(text, found);
  return replaceSpan(text, found, [SECTION, ...foreign], eolOf(text));
}

export function hasSection(text: string): boolean {
  return findBlock(text) !== null;
}
