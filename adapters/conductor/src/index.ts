/**
 * Conductor: `[scripts] setup` and `archive` in `.conductor/settings.toml` (or, while a
 * repository has only the legacy `conductor.json`, the same two keys there). Provisioning
 * goes at the end of setup, named after `$CONDUCTOR_WORKSPACE_NAME`; teardown goes at the
 * start of archive, which Conductor runs before it deletes the workspace directory.
 *
 * NOTE: Conductor ignores conductor.json once .conductor/settings.toml exists, so we never
 * create settings.toml next to a conductor.json: that would silently drop the user's scripts.
 *
 * Format read from Conductor's docs (closed source): conductor.build/docs/reference/scripts,
 * /reference/conductor-json, /reference/environment-variables.
 */
import path from 'node:path';
import {
  type AdapterContext,
  type AdapterFactory,
  applyTomlScripts,
  type FileText,
  hasTomlScript,
  removeTomlScripts,
  type TomlScript,
} from '@ravi-hooks/core/adapter';
import { applyLegacy, hasLegacy, LEGACY, removeLegacy } from './legacy';
import { steps } from './steps';

export const FILE = '.conductor/settings.toml';
const HINT = `fix ${FILE} (Conductor could not read it either), then run \`ravi-hooks init conductor\` again`;
/** The file we write when there is none: Conductor's own schema line under our note. */
const CREATED =
  '# Created by ravi-hooks: `ravi-hooks init conductor --remove` deletes this file.\n"$schema" = "https://conductor.build/schemas/settings.repo.schema.json"\n';

const specs = (context: AdapterContext): TomlScript[] =>
  steps(context).map((step) => ({ ...step, adapter: 'conductor', table: 'scripts', file: FILE }));

function isLegacy(context: AdapterContext): boolean {
  const present = context.present ?? new Set();
  return present.has(path.join(context.root, LEGACY)) && !present.has(path.join(context.root, FILE));
}

function applyToml(context: AdapterContext, current: FileText): string {
  return applyTomlScripts(current ?? CREATED, specs(context), HINT);
}

function removeToml(context: AdapterContext, current: FileText): FileText {
  if (current === null) return null;
  const text = removeTomlScripts(current, specs(context), HINT);
  return text === CREATED ? null : text;
}

export const conductor: AdapterFactory = () => ({
  name: 'conductor',
  description: 'Conductor: scripts.setup provisions, scripts.archive tears down',
  probe: (context) => [path.join(context.root, FILE), path.join(context.root, LEGACY)],
  files: (context) => [{ path: path.join(context.root, isLegacy(context) ? LEGACY : FILE), scope: 'root' }],
  apply: (context, file, current) =>
    file.path.endsWith(LEGACY) ? applyLegacy(context, current) : applyToml(context, current),
  remove: (context, file, current) =>
    file.path.endsWith(LEGACY) ? removeLegacy(context, current) : removeToml(context, current),
  isInstalled: (context, file, current) =>
    file.path.endsWith(LEGACY)
      ? hasLegacy(context, current)
      : specs(context).every((spec) => hasTomlScript(current, spec)),
  notes: (context) => [
    `New workspaces run \`ravi-hooks provision\` at the end of your setup script, named after $CONDUCTOR_WORKSPACE_NAME; a failure is printed and never fails setup (install with --strict to make it fail).`,
    'Archiving a workspace runs `ravi-hooks teardown` first, then your own archive script. Workspaces deleted without archiving keep their identity until `ravi-hooks gc`.',
    isLegacy(context)
      ? `This repository still uses the legacy ${LEGACY}: the steps went there. If you move to ${FILE}, run \`ravi-hooks init conductor --remove\` first and \`ravi-hooks init conductor\` after.`
      : `Commit ${FILE} so every workspace gets it (a personal .conductor/settings.local.toml [scripts] entry would replace these).`,
  ],
});
