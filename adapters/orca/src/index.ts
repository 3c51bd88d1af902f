/**
 * Orca (stablyai/orca): `orca.yaml` in the repository root, `scripts.setup` and
 * `scripts.archive`. Setup runs when Orca creates a worktree, as a bash runner script with
 * `set -e`, cwd = the worktree; archive runs (bash, same cwd, 2-minute timeout) when a
 * worktree is archived. Both get `ORCA_ROOT_PATH` and `ORCA_WORKTREE_PATH`. Provisioning goes
 * after the user's setup, teardown before their archive script.
 *
 * NOTE: a setup or archive typed into Orca's settings is used only while orca.yaml has none;
 * once this file has the key, move such a script into it.
 *
 * Format read from stablyai/orca@3ba6da56 (src/main/hooks.ts `parseOrcaYaml`, `runHook`,
 * `createSetupRunnerScript`, `getEffectiveHooks`).
 */
import path from 'node:path';
import { type AdapterContext, type AdapterFactory, type FileText, hookStep } from '@ravi-hooks/core/adapter';
import { FILE, hasHooks, installHooks, type Key, type OrcaHook, uninstallHooks } from './yaml';

const KEYS: readonly Key[] = ['setup', 'archive'];
/** The first line of an orca.yaml we create, so removal knows it may delete the file. */
const CREATED = '# Created by ravi-hooks: `ravi-hooks init orca --remove` deletes this file.\n';

function hooks(context: AdapterContext): OrcaHook[] {
  return [
    {
      key: 'setup',
      at: 'end',
      comment: '# Gives this worktree its own Ravi identity.',
      run: hookStep(context, ['provision', '"$ORCA_WORKTREE_PATH"'], 'this worktree gets no Ravi identity'),
    },
    {
      key: 'archive',
      at: 'start',
      comment: "# Takes the worktree's Ravi identity away.",
      run: hookStep(
        context,
        ['teardown', '"$ORCA_WORKTREE_PATH"'],
        'the Ravi identity of this worktree stays until `ravi-hooks gc`',
      ),
    },
  ];
}

export const orca: AdapterFactory = () => ({
  name: 'orca',
  description: 'scripts.setup provisions, scripts.archive tears down (Orca orca.yaml)',
  files: (context) => [{ path: path.join(context.root, FILE), scope: 'root' }],
  apply: (context, _file, current: FileText) => installHooks(current ?? CREATED, hooks(context)),
  remove: (_context, _file, current: FileText) => {
    if (current === null) return null;
    const text = uninstallHooks(current, KEYS);
    return text === CREATED ? null : text;
  },
  isInstalled: (_context, _file, current) => current !== null && hasHooks(current, KEYS),
  notes: (context) => [
    `New worktrees run \`${context.command} provision\` after your setup script; archiving one runs \`${context.command} teardown\` first.`,
    'Orca uses a setup or archive script typed into its repository settings only while orca.yaml has none: move yours into orca.yaml if you had one.',
    'Worktrees deleted without archiving, or removed outside Orca, keep their identity until `ravi-hooks gc`.',
  ],
});
