/**
 * Reading `.amux/workspaces.json` the way amux does (Go's encoding/json: strict JSON whose
 * `setup-workspace` is an array of strings and `archive` a string), and recognising our
 * two entries in it, whichever command they were installed with.
 */
import {
  AdapterError,
  invocationPattern,
  invokedCommand,
  type JsonNode,
  parseStrictJson,
  propertyValue,
  shellInvocation,
} from '@ravi-hooks/core/adapter';

export const FILE = '.amux/workspaces.json';
export const SETUP = 'setup-workspace';
export const ARCHIVE = 'archive';

const HINT =
  "amux reads .amux/workspaces.json with Go's encoding/json (no comments, no trailing commas): fix it, then run `ravi-hooks init amux` again";

/**
 * How our calls are written: `guarded` (shellInvocation: a missing ravi-hooks is one stderr
 * line, not a failed setup) or `bare`, the form installed before guards, still recognised so
 * init upgrades it and --remove takes it out.
 */
export type Form = 'guarded' | 'bare';

const SETUP_ARGS = ['provision', '--name-hint', '"$AMUX_WORKSPACE_NAME"'];
export const setupCommand = (command: string, form: Form = 'guarded'): string =>
  form === 'bare'
    ? [command, ...SETUP_ARGS].join(' ')
    : shellInvocation(command, SETUP_ARGS, 'this workspace gets no Ravi identity');
export const teardownCommand = (command: string, form: Form = 'guarded'): string =>
  form === 'bare'
    ? `${command} teardown`
    : shellInvocation(command, ['teardown'], 'the identity stays until `ravi-hooks gc` runs');
/** Our archive prefix in front of the user's own archive command. */
export const teardownPrefix = (command: string, form: Form = 'guarded'): string =>
  `${teardownCommand(command, form)}; `;

const SETUP_PATTERN = invocationPattern('provision --name-hint "\\$AMUX_WORKSPACE_NAME"');

export interface AmuxConfig {
  root: JsonNode;
  setup?: JsonNode;
  archive?: JsonNode;
  /** Our `setup-workspace` entry, and the command it runs ravi-hooks with. */
  entry?: { node: JsonNode; command: string };
  /** How `archive` holds our teardown: all of it, or as a prefix of the user's command. */
  teardown?: { command: string; whole: boolean; form: Form };
}

/** Reads the file; `commands` are the ravi-hooks commands our archive prefix may carry. */
export function readConfig(text: string, commands: readonly (string | undefined)[]): AmuxConfig {
  const root = parseStrictJson(text, FILE, HINT);
  const setup = propertyValue(root, SETUP);
  const archive = propertyValue(root, ARCHIVE);
  if (setup && (setup.type !== 'array' || setup.children?.some((item) => item.type !== 'string'))) {
    throw new AdapterError(`"${SETUP}" in ${FILE} must be an array of command strings`, { hint: HINT });
  }
  if (archive && archive.type !== 'string') {
    throw new AdapterError(`"${ARCHIVE}" in ${FILE} must be a command string`, { hint: HINT });
  }
  const config: AmuxConfig = { root, setup, archive };
  for (const node of setup?.children ?? []) {
    const command = invokedCommand(SETUP_PATTERN, String(node.value));
    if (command) config.entry = { node, command };
  }
  if (archive) {
    const value = String(archive.value);
    for (const candidate of new Set([config.entry?.command, ...commands])) {
      if (candidate === undefined) continue;
      for (const form of ['bare', 'guarded'] as const) {
        if (value === teardownCommand(candidate, form))
          config.teardown = { command: candidate, whole: true, form };
        else if (value.startsWith(teardownPrefix(candidate, form)))
          config.teardown = { command: candidate, whole: false, form };
      }
    }
  }
  return config;
}

/** The file we write when there is none. */
export function createdFile(command: string, form: Form = 'guarded'): string {
  const setup = JSON.stringify(setupCommand(command, form));
  const archive = JSON.stringify(teardownCommand(command, form));
  return `{\n  "${SETUP}": [\n    ${setup}\n  ],\n  "${ARCHIVE}": ${archive}\n}\n`;
}

/** `"setup-workspace": [ <entry> ]` laid out over three lines: how we add the key ourselves. */
export function createdSetupProperty(entry: string, indent: string, unit: string, eol: string): string {
  return `"${SETUP}": [${eol}${indent}${unit}${entry}${eol}${indent}]`;
}

/** Whether the array's text is exactly the property we added (so removal takes the key too). */
export function isCreatedSetup(text: string, setup: JsonNode): boolean {
  const raw = text.slice(setup.offset, setup.offset + setup.length);
  return setup.children?.length === 1 && /^\[\r?\n[ \t]*"(?:[^"\\]|\\.)*"\r?\n[ \t]*\]$/.test(raw);
}
