/**
 * Our entries in a Claude-Code-style hooks file (`{"hooks": {"<Event>": [{"hooks": [{"type":
 * "command", "command": "…"}]}]}}`, also OpenHands' `.openhands/hooks.json`): one matcher
 * group per event, appended after the user's groups and found again whatever command it was
 * installed with. Spliced into the text, so the user's layout and escapes stay as written.
 *
 * NOTE: JSON has no comments to mark what we created, so keys we add are written in a layout
 * of their own (a multi-line array holding just our group; a `hooks` object whose closing
 * brace sits on its own line); removal takes a key out only when it still looks like that.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  type AdapterContext,
  AdapterError,
  appendChild,
  eolOf,
  type FileText,
  indentUnit,
  type JsonNode,
  jsonEscape,
  lineIndent,
  parseStrictJson,
  propertyOf,
  propertyValue,
  rawOf,
  removeChild,
  replaceStringBody,
} from '@ravi-hooks/core/adapter';

export interface HooksFile {
  /** The tool's name in `ravi-hooks hook <tool> <event>`. */
  tool: string;
  /** Display name for errors. */
  file: string;
  /** Event name → our subcommand (`SessionStart` → `session-start`). */
  events: Readonly<Record<string, string>>;
}

type Hooks = Record<string, Array<{ hooks?: Array<{ command?: unknown }> }>>;

const hint = (spec: HooksFile) =>
  `fix ${spec.file} (${spec.tool === 'openhands' ? 'OpenHands' : 'Claude Code'} reads it as JSON), then run \`ravi-hooks init ${spec.tool}\` again`;

export const hookCommand = (command: string, spec: HooksFile, event: string): string =>
  `${command} hook ${spec.tool} ${spec.events[event]}`;

const group = (command: string) => `{"hooks": [{"type": "command", "command": ${JSON.stringify(command)}}]}`;

/** The ravi-hooks command of our group for `event`, or undefined when `node` is not ours. */
function ourCommand(spec: HooksFile, event: string, node: JsonNode): string | undefined {
  const hooks = node.type === 'object' ? propertyValue(node, 'hooks') : undefined;
  const only = hooks?.type === 'array' && hooks.children?.length === 1 ? hooks.children[0] : undefined;
  const command = only?.type === 'object' ? propertyValue(only, 'command') : undefined;
  if (command?.type !== 'string') return undefined;
  const suffix = ` hook ${spec.tool} ${spec.events[event]}`;
  const value = String(command.value);
  return value.endsWith(suffix) && value.length > suffix.length ? value.slice(0, -suffix.length) : undefined;
}

function read(text: string, spec: HooksFile) {
  const root = parseStrictJson(text, spec.file, hint(spec));
  const hooks = propertyValue(root, 'hooks');
  if (hooks && hooks.type !== 'object')
    throw new AdapterError(`"hooks" in ${spec.file} must be an object`, { hint: hint(spec) });
  for (const event of Object.keys(spec.events)) {
    const groups = hooks ? propertyValue(hooks, event) : undefined;
    if (groups && groups.type !== 'array')
      throw new AdapterError(`"hooks.${event}" in ${spec.file} must be an array`, { hint: hint(spec) });
  }
  return { root, hooks };
}

function ours(text: string, spec: HooksFile, event: string): { groups?: JsonNode; node?: JsonNode } {
  const { hooks } = read(text, spec);
  const groups = hooks ? propertyValue(hooks, event) : undefined;
  const node = groups?.children?.find((child) => ourCommand(spec, event, child) !== undefined);
  return { groups, node };
}

/** The parsed file with our groups, and event keys or a `hooks` left empty, set aside. */
function withoutOurs(text: string, spec: HooksFile): unknown {
  const value = JSON.parse(text) as { hooks?: Hooks };
  if (!value.hooks) return value;
  const hooks: Hooks = { ...value.hooks };
  for (const event of Object.keys(spec.events)) {
    const suffix = ` hook ${spec.tool} ${spec.events[event]}`;
    const kept = (hooks[event] ?? []).filter((entry) => {
      const commands = entry?.hooks?.map((hook) => hook?.command) ?? [];
      return !(commands.length === 1 && typeof commands[0] === 'string' && commands[0].endsWith(suffix));
    });
    if (kept.length > 0) hooks[event] = kept;
    else delete hooks[event];
  }
  const { hooks: _dropped, ...rest } = value;
  return Object.keys(hooks).length > 0 ? { ...rest, hooks } : rest;
}

/** Refuses an edit that changed anything but our groups (a safety net, never expected). */
function verified(before: string, after: string, spec: HooksFile): string {
  if (!isDeepStrictEqual(withoutOurs(before, spec), withoutOurs(after, spec))) {
    throw new AdapterError(`could not edit ${spec.file} without changing other settings`, {
      hint: 'please report this with a copy of the file; nothing was written',
    });
  }
  return after;
}

export function createdFile(command: string, spec: HooksFile): string {
  const events = Object.keys(spec.events).map(
    (event) => `    "${event}": [\n      ${group(hookCommand(command, spec, event))}\n    ]`,
  );
  return `{\n  "hooks": {\n${events.join(',\n')}\n  }\n}\n`;
}

export function applyHooks(context: AdapterContext, spec: HooksFile, current: FileText): string {
  const { command } = context;
  if (current === null) return createdFile(command, spec);
  const eol = eolOf(current);
  let text = current;
  for (const event of Object.keys(spec.events)) {
    const { root, hooks } = read(text, spec);
    const { groups, node } = ours(text, spec, event);
    const raw = group(hookCommand(command, spec, event));
    if (node) {
      const cmd = propertyValue(propertyValue(node, 'hooks')!.children![0]!, 'command')!;
      text = replaceStringBody(text, cmd, jsonEscape(hookCommand(command, spec, event)));
    } else if (groups) {
      text = appendChild(text, groups, raw, eol);
    } else {
      const container = hooks ?? root;
      const unit = indentUnit(text);
      const last = container.children?.at(-1);
      const indent = last ? lineIndent(text, last.offset) : lineIndent(text, container.offset) + unit;
      const property = `"${event}": [${eol}${indent}${unit}${raw}${eol}${indent}]`;
      text = hooks
        ? appendChild(text, hooks, property, eol)
        : appendChild(
            text,
            root,
            `"hooks": {${eol}${indent}${unit}${property.split(eol).join(eol + unit)}${eol}${indent}}`,
            eol,
          );
    }
  }
  return verified(current, text, spec);
}

export function removeHooks(context: AdapterContext, spec: HooksFile, current: FileText): FileText {
  if (current === null) return null;
  read(current, spec);
  for (const candidate of [
    context.command,
    ...Object.keys(spec.events).map((event) => commandIn(current, spec, event)),
  ]) {
    if (candidate !== undefined && current === createdFile(candidate, spec)) return null;
  }
  let text = current;
  for (const event of [...Object.keys(spec.events)].reverse()) {
    const { hooks } = read(text, spec);
    const { groups, node } = ours(text, spec, event);
    if (!hooks || !groups || !node) continue;
    const created =
      groups.children?.length === 1 && /^\[\r?\n[ \t]*\{.*\}\r?\n[ \t]*\]$/s.test(rawOf(text, groups));
    text = created ? removeChild(text, hooks, propertyOf(hooks, event)!) : removeChild(text, groups, node);
  }
  const { root, hooks } = read(text, spec);
  if (
    hooks &&
    (hooks.children?.length ?? 0) === 0 &&
    /\r?\n[ \t]*\}$/.test(rawOf(text, hooks)) &&
    text !== current
  ) {
    const before = read(current, spec).hooks;
    const allOurs = before?.children?.every((property) => {
      const key = String(property.children?.[0]?.value);
      return key in spec.events;
    });
    if (allOurs) text = removeChild(text, root, propertyOf(root, 'hooks')!);
  }
  return verified(current, text, spec);
}

function commandIn(text: string, spec: HooksFile, event: string): string | undefined {
  const { node } = ours(text, spec, event);
  return node ? ourCommand(spec, event, node) : undefined;
}

export function hasHooks(spec: HooksFile, current: FileText): boolean {
  return (
    current !== null &&
    Object.keys(spec.events).every((event) => ours(current, spec, event).node !== undefined)
  );
}
