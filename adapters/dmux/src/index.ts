/**
 * dmux: marked blocks in the executable `.dmux-hooks/worktree_created` and
 * `.dmux-hooks/before_worktree_remove`. dmux spawns a hook file directly (a shebang is
 * required), detached and fire-and-forget, with cwd = the project root, not the worktree: the
 * worktree arrives as `DMUX_WORKTREE_PATH`. `before_worktree_remove` is not awaited, so it
 * races the removal; `ravi-hooks teardown DIR` works from the ledger when DIR is already gone.
 *
 * NOTE: `.dmux-hooks/` is the first place dmux looks and is committed with the project; a
 * `.dmux/hooks/<name>` of the same name is ignored while it exists, so we never write there.
 *
 * Format read from formkit/dmux@4768b83c (src/utils/hooks.ts `findHook`/`triggerHook`,
 * src/actions/implementations/closeAction.ts, .dmux-hooks/AGENTS.md).
 */
import { type AdapterFactory, hookStep, scriptHooksAdapter } from '@ravi-hooks/core/adapter';

/** dmux sets DMUX_WORKTREE_PATH only for panes with a worktree: skip quietly without one. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansions
const IF_WORKTREE = '[ -z "${DMUX_WORKTREE_PATH:-}" ] || ';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
const SLUG = '"${DMUX_SLUG:-}"';

export const dmux: AdapterFactory = () =>
  scriptHooksAdapter({
    name: 'dmux',
    description: '.dmux-hooks/worktree_created provisions, before_worktree_remove tears down (dmux)',
    scripts: {
      '.dmux-hooks/worktree_created': (context) => [
        '# Gives the new worktree its own Ravi identity, named after the pane slug.',
        IF_WORKTREE +
          hookStep(
            context,
            ['provision', '"$DMUX_WORKTREE_PATH"', '--name-hint', SLUG],
            'this worktree gets no Ravi identity',
          ),
      ],
      '.dmux-hooks/before_worktree_remove': (context) => [
        "# Takes the worktree's Ravi identity away (also when dmux has already deleted it).",
        IF_WORKTREE +
          hookStep(
            context,
            ['teardown', '"$DMUX_WORKTREE_PATH"'],
            "this worktree's Ravi identity stays until `ravi-hooks gc`",
          ),
      ],
    },
    notes: () => [
      "dmux runs .dmux-hooks/worktree_created after it creates a pane's worktree (detached): the worktree at $DMUX_WORKTREE_PATH gets its own identity.",
      'before_worktree_remove runs detached while dmux deletes the worktree; teardown finds the identity from its ledger even when the directory is already gone.',
      'dmux runs hooks without a login shell: ravi-hooks must be on the PATH dmux itself was started with.',
      'Identities of worktrees removed outside dmux are reclaimed by `ravi-hooks gc`.',
    ],
  });
