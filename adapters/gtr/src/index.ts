/**
 * gtr (coderabbitai/git-worktree-runner): `gtr.hook.postCreate` and `gtr.hook.preRemove` in
 * the repository's own git config (`git rev-parse --git-path config`, shared by all its
 * worktrees). gtr reads both keys with `git config --get-all` from the local, global and system
 * config and `.gtrconfig`, and `eval`s each value in a bash subshell in the worktree, stdin
 * /dev/null, with `REPO_ROOT`, `WORKTREE_PATH` and `BRANCH` exported.
 *
 * NOTE: local git config is always trusted; `.gtrconfig` would need `git gtr trust` after
 * every change, so we never write there. A failing postCreate makes `gtr new` exit 1 and a
 * failing preRemove aborts the removal, so both values are best-effort steps (`hookStep`)
 * unless installed with `--strict`. Each value is one line: gtr reads them line by line.
 *
 * Format read from coderabbitai/git-worktree-runner@c3192334 (lib/hooks.sh `run_hooks`,
 * lib/config.sh `cfg_get_all`, lib/commands/create.sh, lib/commands/remove.sh, docs/configuration.md).
 */
import {
  type AdapterContext,
  AdapterError,
  type AdapterFactory,
  type FileText,
} from '@ravi-hooks/core/adapter';
import { applySection, type HookValue, hasSection, removeSection } from './gitconfig';

export const VALUES: readonly HookValue[] = [
  {
    key: 'postCreate',
    args: ['provision', '"$WORKTREE_PATH"', '--name-hint', '"$BRANCH"'],
    consequence: 'this worktree gets no Ravi identity',
  },
  {
    key: 'preRemove',
    args: ['teardown', '"$WORKTREE_PATH"'],
    consequence: 'the Ravi identity of this worktree stays until `ravi-hooks gc`',
  },
];

function configFile(context: AdapterContext): string {
  const file = context.git?.configFile;
  if (!file) {
    throw new AdapterError(`${context.root} is not in a git repository`, {
      hint: 'run `ravi-hooks init gtr` inside the repository gtr manages, or pass --repo DIR',
    });
  }
  return file;
}

function apply(context: AdapterContext, current: FileText): string {
  if (current === null) {
    throw new AdapterError(`${configFile(context)} does not exist`, {
      hint: 'run `ravi-hooks init gtr` inside the repository gtr manages',
    });
  }
  return applySection(current, VALUES, context);
}

export const gtr: AdapterFactory = () => ({
  name: 'gtr',
  description: 'gtr.hook.postCreate provisions, gtr.hook.preRemove tears down (git config)',
  files: (context) => [{ path: configFile(context), scope: 'git' }],
  apply: (context, _file, current) => apply(context, current),
  remove: (_context, _file, current) => (current === null ? null : removeSection(current, VALUES)),
  isInstalled: (_context, _file, current) => current !== null && hasSection(current),
  notes: (context) => [
    `\`git gtr new\` now runs \`${context.command} provision\` in the new worktree after your own postCreate hooks; \`git gtr rm\` runs \`${context.command} teardown\` before removing it.`,
    "The hooks live in this repository's .git/config, which gtr always trusts: nothing to approve, nothing committed. `git config --get-all gtr.hook.postCreate` lists them.",
    'Worktrees removed with plain `git worktree remove` keep their identity until `ravi-hooks gc`.',
  ],
});
