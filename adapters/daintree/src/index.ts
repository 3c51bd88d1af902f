/**
 * Daintree (formerly Canopy): `.daintree/config.json` in the project root,
 * `{"setup": [...], "teardown": [...]}`. Daintree copies `.daintree/` into each new worktree,
 * runs `setup` there after creating it and `teardown` before `git worktree remove`, each
 * command through `/bin/sh` (spawn with `shell: true`) with cwd = the worktree, a minimal
 * env plus `DAINTREE_WORKTREE_PATH`, `DAINTREE_WORKTREE_NAME`, `DAINTREE_PROJECT_ROOT`,
 * `CI=true`, and a 120 s budget; a teardown failure never blocks the deletion.
 *
 * NOTE: `{{...}}` and `{name}` are Daintree's own substitutions; our lines use only shell
 * variables (`"$DAINTREE_…"`), which it leaves alone.
 *
 * Format read from daintreehq/daintree@87298cc1 (electron/workspace-host/WorktreeLifecycleService.ts,
 * electron/workspace-host/WorkspaceService.ts).
 */
import {
  type AdapterFactory,
  type CommandFile,
  jsonCommandsAdapter,
  stepEntry,
} from '@ravi-hooks/core/adapter';

export const FILE = '.daintree/config.json';

const spec: CommandFile = {
  file: FILE,
  hint: 'Daintree reads .daintree/config.json as JSON with string arrays: fix it, then run `ravi-hooks init daintree` again',
  entries: [
    stepEntry(
      'setup',
      'end',
      ['provision', '"$DAINTREE_WORKTREE_PATH"', '--name-hint', '"$DAINTREE_WORKTREE_NAME"'],
      'this worktree gets no Ravi identity',
    ),
    stepEntry(
      'teardown',
      'start',
      ['teardown', '"$DAINTREE_WORKTREE_PATH"'],
      'the Ravi identity of this worktree stays until `ravi-hooks gc`',
    ),
  ],
};

export const daintree: AdapterFactory = () =>
  jsonCommandsAdapter({
    name: 'daintree',
    description: 'setup provisions, teardown tears down (Daintree .daintree/config.json)',
    spec,
    notes: (context) => [
      `New worktrees run \`${context.command} provision\` after your setup commands; removing one runs \`${context.command} teardown\` first.`,
      "Daintree uses the first config it finds, whole: a ~/.daintree/projects/<project>/config.json, or a worktree's own .daintree/config.json, hides this one. Add the same entries there if you have one.",
      'Daintree runs setup with a minimal environment: ravi-hooks must be on the PATH Daintree itself sees (or pass --command with an absolute path).',
      'Worktrees removed outside Daintree keep their identity until `ravi-hooks gc`.',
    ],
  });
