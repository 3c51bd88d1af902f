/**
 * The legacy `conductor.json` (`{"scripts": {"setup": "…", "archive": "…"}}`): the same two
 * steps, as `\n`-escaped lines inside the JSON strings, spliced in so every other byte stays.
 * A missing key is added (and removed again); a file without a `scripts` object is refused.
 */
import {
  type AdapterContext,
  AdapterError,
  appendChild,
  assertJsonValue,
  BLOCK_BEGIN,
  BLOCK_END,
  eolOf,
  type FileText,
  type JsonNode,
  jsonEscape,
  parseStrictJson,
  propertyOf,
  propertyValue,
  removeChild,
  renderBlock,
  replaceStringBody,
  stringBody,
} from '@ravi-hooks/core/adapter';
import { steps } from './steps';

export const LEGACY = 'conductor.json';
const HINT = `fix ${LEGACY} (Conductor could not read it either), or move its scripts into .conductor/settings.toml`;
const ADDED = '# Added by ravi-hooks: `ravi-hooks init conductor --remove` takes this block out.';
const CREATED = '# Created by ravi-hooks: `ravi-hooks init conductor --remove` deletes this script.';

function scriptsOf(text: string): JsonNode {
  const scripts = propertyValue(parseStrictJson(text, LEGACY, HINT), 'scripts');
  if (scripts?.type !== 'object') {
    throw new AdapterError(`${LEGACY} has no "scripts" object`, { hint: HINT });
  }
  for (const key of ['setup', 'archive']) {
    const value = propertyValue(scripts, key);
    if (value && value.type !== 'string')
      throw new AdapterError(`scripts.${key} in ${LEGACY} must be a string`, { hint: HINT });
  }
  return scripts;
}

/** Our block in a string body (raw, escapes as written), and whether we created the key. */
function findIn(body: string): { start: number; end: number; created: boolean } | null {
  const start = body.indexOf(BLOCK_BEGIN);
  const end = body.indexOf(BLOCK_END, start);
  if (start < 0 || end < 0) return null;
  return { start, end: end + BLOCK_END.length, created: body.slice(start, end).includes(CREATED) };
}

export function applyLegacy(context: AdapterContext, current: FileText): FileText {
  if (current === null) return null;
  scriptsOf(current);
  const expected = JSON.parse(current) as { scripts: Record<string, string> };
  let text = current;
  for (const step of steps(context)) {
    const scripts = scriptsOf(text);
    const value = propertyValue(scripts, step.key);
    const body = value ? stringBody(text, value) : '';
    const found = findIn(body);
    const block = renderBlock([found?.created || !value ? CREATED : ADDED, ...step.body])
      .map(jsonEscape)
      .join('\\n');
    let next: string;
    if (!value) next = block;
    else if (found) next = body.slice(0, found.start) + block + body.slice(found.end);
    else next = step.at === 'end' ? `${body}\\n${block}` : `${block}\\n${body}`;
    text = value
      ? replaceStringBody(text, value, next)
      : appendChild(text, scripts, `"${step.key}": "${next}"`, eolOf(text));
    expected.scripts[step.key] = JSON.parse(`"${next}"`);
  }
  return assertJsonValue(text, expected, LEGACY);
}

export function removeLegacy(_context: AdapterContext, current: FileText): FileText {
  if (current === null) return null;
  let text = current;
  for (const key of ['archive', 'setup']) {
    const scripts = scriptsOf(text);
    const value = propertyValue(scripts, key);
    const found = value ? findIn(stringBody(text, value)) : null;
    if (!value || !found) continue;
    if (found.created) {
      text = removeChild(text, scripts, propertyOf(scripts, key)!);
      continue;
    }
    const body = stringBody(text, value);
    const after = body.startsWith('\\n', found.end);
    const next = after
      ? body.slice(0, found.start) + body.slice(found.end + 2)
      : body.slice(0, Math.max(0, found.start - 2)) + body.slice(found.end);
    text = replaceStringBody(text, value, next);
  }
  return text;
}

export function hasLegacy(_context: AdapterContext, current: FileText): boolean {
  if (current === null) return false;
  const scripts = scriptsOf(current);
  return ['setup', 'archive'].every((key) => {
    const value = propertyValue(scripts, key);
    return value !== undefined && findIn(stringBody(current, value)) !== null;
  });
}
