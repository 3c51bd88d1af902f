/**
 * The launch commands in Claude Squad's config (`default_program`, `profiles[].program`),
 * and how we wrap one: `<cmd> exec --provision -- ` goes in front of the program, after any
 * leading `NAME=value` assignments (they must stay first for the shell to treat them as
 * assignments). The rest is left exactly as written: we prepend, we never re-quote.
 */
import { AdapterError, type JsonNode, parseStrictJson, propertyValue } from '@ravi-hooks/core/adapter';

export const FILE = '~/.claude-squad/config.json';
const HINT =
  "Claude Squad reads its config with Go's encoding/json (no comments, no trailing commas): fix it, then run `ravi-hooks init claude-squad` again";

export const wrapPrefix = (command: string): string => `${command} exec --provision -- `;

const ASSIGNMENTS = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|"(?:[^"\\]|\\.)*"|\\.|[^\s'"\\])*\s+)*/;
const WRAPPED = /^(.+?) exec --provision -- /;

/** Where the program proper starts (after leading assignments), as an offset in its value. */
export function programStart(value: string): number {
  return ASSIGNMENTS.exec(value)?.[0].length ?? 0;
}

/** The ravi-hooks command wrapping `value`, if we wrapped it. */
export function wrappedBy(value: string): string | undefined {
  return WRAPPED.exec(value.slice(programStart(value)))?.[1];
}

/** Every string node holding a program we wrap, last in the file first (so splices keep offsets). */
export function programNodes(text: string): JsonNode[] {
  const root = parseStrictJson(text, FILE, HINT);
  const defaultProgram = propertyValue(root, 'default_program');
  const profiles = propertyValue(root, 'profiles');
  if (defaultProgram && defaultProgram.type !== 'string') {
    throw new AdapterError(`"default_program" in ${FILE} must be a string`, { hint: HINT });
  }
  if (profiles && profiles.type !== 'array' && profiles.type !== 'null') {
    throw new AdapterError(`"profiles" in ${FILE} must be an array of {name, program}`, { hint: HINT });
  }
  const nodes: JsonNode[] = [];
  const names = new Set<unknown>();
  for (const profile of profiles?.children ?? []) {
    const program = profile.type === 'object' ? propertyValue(profile, 'program') : undefined;
    if (program?.type !== 'string') {
      throw new AdapterError(`every entry of "profiles" in ${FILE} needs a "program" string`, { hint: HINT });
    }
    names.add(propertyValue(profile, 'name')?.value);
    nodes.push(program);
  }
  // NOTE: a default_program that names a profile selects that profile; it is not a command.
  if (defaultProgram && !names.has(defaultProgram.value)) nodes.push(defaultProgram);
  return nodes.sort((a, b) => b.offset - a.offset);
}
