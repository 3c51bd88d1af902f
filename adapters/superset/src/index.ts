/**
 * Superset: `.superset/config.json` in the repository, `{"setup": [...], "teardown": [...]}`.
 * Setup commands run in the new workspace's terminal and teardown ones on workspace delete,
 * both in the worktree, joined with ` && ` under bash, with `SUPERSET_WORKSPACE_NAME`,
 * `SUPERSET_WORKSPACE_PATH` and `SUPERSET_ROOT_PATH` set. We append provisioning to `setup`
 * and put teardown first in `teardown`, each a guarded best-effort step in parentheses, so a
 * failing command of the user's still fails the chain (`init --strict` makes ours count too).
 *
 * NOTE: without a `setup` (or `teardown`) key Superset falls back to `.superset/setup.sh`
 * (worktree first, then the main repo); a key we add would silence that script, so the key we
 * create runs the script the same way after our command.
 *
 * Format read from superset-sh/superset@5953a894 (packages/host-service/src/runtime/setup/config.ts,
 * runtime/teardown/teardown.ts, apps/docs/content/docs/setup-teardown-scripts.mdx).
 */
import {
  type AdapterFactory,
  type CommandFile,
  jsonCommandsAdapter,
  stepEntry,
} from '@ravi-hooks/core/adapter';

export const FILE = '.superset/config.json';

/** What Superset runs when the key is missing: `.superset/<key>.sh`, the worktree's first. */
const fallback = (key: string) =>
  `if [ -f .superset/${key}.sh ]; then bash .superset/${key}.sh; elif [ -f "$SUPERSET_ROOT_PATH/.superset/${key}.sh" ]; then bash "$SUPERSET_ROOT_PATH/.superset/${key}.sh"; fi`;

const spec: CommandFile = {
  file: FILE,
  hint: 'Superset reads .superset/config.json as JSON with string arrays: fix it, then run `ravi-hooks init superset` again',
  entries: [
    stepEntry(
      'setup',
      'end',
      ['provision', '"$SUPERSET_WORKSPACE_PATH"', '--name-hint', '"$SUPERSET_WORKSPACE_NAME"'],
      'this workspace gets no Ravi identity',
      [fallback('setup')],
    ),
    stepEntry(
      'teardown',
      'start',
      ['teardown', '"$SUPERSET_WORKSPACE_PATH"'],
      'the Ravi identity of this workspace stays until `ravi-hooks gc`',
      [fallback('teardown')],
    ),
  ],
};

export const superset: AdapterFactory = () =>
  jsonCommandsAdapter({
    name: 'superset',
    description: 'setup provisions, teardown tears down (Superset .superset/config.json)',
    spec,
    notes: (context) => [
      `New workspaces run \`${context.command} provision\` after your setup commands; deleting a workspace runs \`${context.command} teardown\` before your teardown commands.`,
      "A ~/.superset/projects/<repo path>/config.json or a worktree's own .superset/config.json that defines setup or teardown replaces this file's key: add the same entries there if you use one.",
      'Commit .superset/config.json so every clone gets it, or keep it local; workspaces deleted outside Superset keep their identity until `ravi-hooks gc`.',
    ],
  });
