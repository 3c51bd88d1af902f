/**
 * Identity names. A name given with --name is checked strictly (it may reach shells and
 * APIs); a name derived from a directory, branch or orchestrator variable is sanitised.
 */
import { InputError } from '../errors';

export const MAX_NAME_LENGTH = 64;
const allowed = /^[\p{L}\p{N}][\p{L}\p{N} ._+@-]*$/u;

export function validateName(name: string): string {
  if (name.length === 0) throw new InputError('the identity name is empty', { hint: 'pass --name NAME' });
  if (name.length > MAX_NAME_LENGTH) {
    throw new InputError(`the identity name is ${name.length} characters long (at most ${MAX_NAME_LENGTH})`, {
      hint: 'pass a shorter --name, or --name-hint to have it shortened',
    });
  }
  if (!allowed.test(name)) {
    throw new InputError(`the identity name ${JSON.stringify(name)} has characters that are not allowed`, {
      hint: 'use letters, digits, spaces and . _ + @ - (or --name-hint to have it cleaned up)',
    });
  }
  return name;
}

/** Turns arbitrary text into a valid name (or null when nothing usable is left). */
export function sanitizeName(text: string): string | null {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._+@-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*-[\s-]*/g, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[ ._+@-]+$/u, '');
  return cleaned.length > 0 ? cleaned : null;
}

export interface NameVars {
  dir: string;
  branch: string | null;
  repo: string | null;
}

/** Expands `{dir}`, `{branch}`, `{repo}` in the configured template, then sanitises. */
export function nameFromTemplate(template: string, vars: NameVars): string {
  const expanded = template.replace(
    /\{(dir|branch|repo)\}/g,
    (_m, key: keyof NameVars) => vars[key] ?? vars.dir,
  );
  const name = sanitizeName(expanded);
  if (name === null) {
    throw new InputError(`the name template ${JSON.stringify(template)} produced an empty name`, {
      hint: 'set `name` in the config to something like "ws-{dir}"',
    });
  }
  return name;
}
