/**
 * cmux (craigsc/cmux): marked blocks in the executable `.cmux/setup` and `.cmux/teardown`
 * hooks. `cmux new` runs setup directly (shebang, no env vars) with cwd = the new worktree,
 * after `git worktree add`; `cmux rm` runs teardown there before `git worktree remove`. The
 * worktree's own copy wins over the repository root's, so committing `.cmux/` carries the
 * blocks into every new branch.
 *
 * NOTE: both lines are guarded best-effort steps (`hookStep`): a user's `set -e` script must
 * not stop halfway because ravi-hooks is missing or an identity could not be made or deleted
 * (unless installed with `--strict`). A failed deletion is owed, and `ravi-hooks gc` retries it.
 *
 * Format read from craigsc/cmux@a85a7ed5 (cmux.sh: `_cmux_new` ~L355-386, `_cmux_rm` ~L655-670).
 */
import { type AdapterFactory, hookStep, scriptHooksAdapter } from '@ravi-hooks/core/adapter';

export const cmux: AdapterFactory = () =>
  scriptHooksAdapter({
    name: 'cmux',
    description: '.cmux/setup provisions, .cmux/teardown tears down (craigsc/cmux)',
    scripts: {
      '.cmux/setup': (context) => [
        '# Gives this worktree (the cwd, named after its branch) its own Ravi identity.',
        hookStep(
          context,
          ['provision', '--name-hint', '"$(basename "$PWD")"'],
          'this worktree gets no Ravi identity',
        ),
      ],
      '.cmux/teardown': (context) => [
        "# Takes this worktree's Ravi identity away before cmux removes it.",
        hookStep(context, ['teardown'], "this worktree's Ravi identity stays until `ravi-hooks gc`"),
      ],
    },
    notes: () => [
      '`cmux new` now runs .cmux/setup, which provisions the new worktree; `cmux rm` runs .cmux/teardown first, which tears it down.',
      "cmux prefers the worktree's own copy of .cmux/: commit .cmux/setup and .cmux/teardown so every branch carries the blocks (uncommitted, cmux falls back to the repository root's copy).",
      '`cmux new` on an existing worktree skips setup; worktrees removed with plain `git worktree remove` keep their identity until `ravi-hooks gc`.',
    ],
  });
