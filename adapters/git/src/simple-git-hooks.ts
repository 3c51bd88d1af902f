/**
 * simple-git-hooks: our line as (the start of) the `post-checkout` command in its config,
 * package.json's "simple-git-hooks" key or .simple-git-hooks.json. simple-git-hooks writes
 * each configured command into `.git/hooks/<name>` and deletes every hook it was not told
 * about, so this is the only place a post-checkout hook survives `npx simple-git-hooks`.
 * It inlines the command into a sh script, so git's arguments are "$1" "$2" "$3".
 *
 * NOTE: next to a command of the user's, ours goes first and ends in `fi; `: it always
 * succeeds, so the hook's status stays the user's command's.
 *
 * Format read from toplenboren/simple-git-hooks v2.14 (simple-git-hooks.js: getConfig, setHooksFromConfig).
 */
import path from 'node:path';
import {
  type AdapterContext,
  AdapterError,
  appendChild,
  eolOf,
  type FileText,
  type JsonNode,
  jsonEscape,
  parseStrictJson,
  propertyOf,
  propertyValue,
  rawOffset,
  removeChild,
  replaceStringBody,
  stringBody,
} from '@ravi-hooks/core/adapter';
import { LINE_PREFIX, postCheckoutLine, SHELL_ARGS } from './line';

const KEY = 'post-checkout';

function config(file: string, text: string, command: string): JsonNode {
  const name = path.basename(file);
  const hint = `add "${KEY}": ${JSON.stringify(postCheckoutLine(command, SHELL_ARGS))} to simple-git-hooks' config yourself`;
  if (!name.endsWith('.json')) {
    throw new AdapterError(
      `simple-git-hooks is configured in ${name}, which is code ravi-hooks does not edit`,
      { hint },
    );
  }
  const root = parseStrictJson(text, name, hint);
  const node = name === 'package.json' ? propertyValue(root, 'simple-git-hooks') : root;
  if (node?.type !== 'object')
    throw new AdapterError(`simple-git-hooks' config in ${name} is not an object`, { hint });
  const value = propertyValue(node, KEY);
  if (value && value.type !== 'string')
    throw new AdapterError(`"${KEY}" in ${name} is not a command string`, { hint });
  return node;
}

/** How much of `value` is ours: all of it, a `line; ` prefix, or nothing. */
function ours(value: string): { length: number; whole: boolean } | undefined {
  const match = LINE_PREFIX.exec(value);
  if (!match) return undefined;
  if (match[0].length === value.length) return { length: value.length, whole: true };
  return value.startsWith('; ', match[0].length) ? { length: match[0].length + 2, whole: false } : undefined;
}

export function applySimpleGitHooks(context: AdapterContext, file: string, current: FileText): string {
  if (current === null) throw new AdapterError(`${path.basename(file)} is gone`, { hint: 'run init again' });
  const line = postCheckoutLine(context.command, SHELL_ARGS);
  const node = config(file, current, context.command);
  const value = propertyValue(node, KEY);
  if (!value) return appendChild(current, node, `"${KEY}": ${JSON.stringify(line)}`, eolOf(current));
  const text = String(value.value);
  const found = ours(text);
  const rest = found ? (found.whole ? '' : text.slice(found.length)) : text;
  const body = stringBody(current, value);
  const raw = body.slice(found ? rawOffset(body, found.length) : 0);
  if (rest === '' && found) return replaceStringBody(current, value, jsonEscape(line));
  return replaceStringBody(current, value, `${jsonEscape(`${line}; `)}${raw}`);
}

export function removeSimpleGitHooks(context: AdapterContext, file: string, current: FileText): FileText {
  if (current === null) return null;
  const node = config(file, current, context.command);
  const value = propertyValue(node, KEY);
  const found = value && ours(String(value.value));
  if (!value || !found) return current;
  if (found.whole) return removeChild(current, node, propertyOf(node, KEY)!);
  const body = stringBody(current, value);
  return replaceStringBody(current, value, body.slice(rawOffset(body, found.length)));
}

export function hasSimpleGitHooks(context: AdapterContext, file: string, current: FileText): boolean {
  if (current === null) return false;
  const value = propertyValue(config(file, current, context.command), KEY);
  return value !== undefined && ours(String(value.value)) !== undefined;
}
