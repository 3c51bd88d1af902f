/**
 * worktrunk (`wt`): the user config `~/.config/worktrunk/config.toml`. `pre-start` runs once
 * when `wt switch --create` makes a worktree (blocking, before `post-start`), `pre-remove`
 * before `wt remove` deletes one; both run `sh -c` in that worktree, after rendering their
 * Jinja templates (`{{ worktree_path }}`, `{{ branch }}`, each shell-escaped by worktrunk).
 *
 * NOTE: user hooks run first and need no approval; the project's `.config/wt.toml` would
 * need every teammate to approve the changed command, so we never write there. A `pre-*` hook
 * that fails aborts the operation, so both lines are best-effort steps (`hookStep`) unless
 * installed with `--strict`. The user config applies to
 * every repository worktrunk manages, which is what a per-workspace identity wants.
 *
 * Format read from max-sixty/worktrunk@7ee9c628 (docs/src/content/docs/hook.md "Hook forms",
 * "Template variables", "Project vs user hooks"; src/config/user/path.rs; src/shell_exec.rs).
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  type AdapterContext,
  AdapterError,
  type AdapterFactory,
  type FileText,
  hookStep,
  parseToml,
} from '@ravi-hooks/core/adapter';
import { hasHook, hintFor, installHook, type TomlHook, uninstallHook, withoutOurs } from './toml';

export const FILE = '.config/worktrunk/config.toml';
const HOOKS = ['pre-start', 'pre-remove'] as const;
/** The first line of a config file we create, so removal knows it may delete the file. */
const CREATED = '# Created by ravi-hooks: `ravi-hooks init worktrunk --remove` deletes this file.\n';

function specs(context: Pick<AdapterContext, 'command' | 'strict'>): TomlHook[] {
  return [
    {
      hook: 'pre-start',
      comment: '# Gives each new worktree its own Ravi identity, named after its branch.',
      run: hookStep(
        context,
        ['provision', '{{ worktree_path }}', '--name-hint', '{{ branch | sanitize }}'],
        'this worktree gets no Ravi identity',
      ),
    },
    {
      hook: 'pre-remove',
      comment: "# Takes the worktree's Ravi identity away before worktrunk removes it.",
      run: hookStep(
        context,
        ['teardown', '{{ worktree_path }}'],
        'the Ravi identity of this worktree stays until `ravi-hooks gc`',
      ),
    },
  ];
}

function apply(context: AdapterContext, current: FileText): string {
  const before = current ?? CREATED;
  parseToml(before, `~/${FILE}`, hintFor(`~/${FILE}`));
  let text = before;
  for (const spec of specs(context)) text = installHook(text, spec, `~/${FILE}`);
  const unchanged = isDeepStrictEqual(
    withoutOurs(parseToml(before, `~/${FILE}`, hintFor(`~/${FILE}`)), HOOKS),
    withoutOurs(parseToml(text, `~/${FILE}`, hintFor(`~/${FILE}`)), HOOKS),
  );
  if (!unchanged) {
    throw new AdapterError(`could not edit ~/${FILE} without changing other settings`, {
      hint: 'please report this with a copy of the file; nothing was written',
    });
  }
  return text;
}

function remove(current: FileText): FileText {
  if (current === null) return null;
  let text = current;
  for (const hook of [...HOOKS].reverse()) text = uninstallHook(text, hook);
  return text === CREATED ? null : text;
}

export const worktrunk: AdapterFactory = () => ({
  name: 'worktrunk',
  description: 'pre-start provisions, pre-remove tears down (worktrunk user config)',
  files: (context) => [{ path: path.join(context.home, FILE), scope: 'home' }],
  apply: (context, _file, current) => apply(context, current),
  remove: (_context, _file, current) => remove(current),
  isInstalled: (_context, _file, current) =>
    current !== null && HOOKS.every((hook) => hasHook(current, hook)),
  notes: (context) => [
    `Every worktree \`wt switch --create\` makes, in any repository, now runs \`${context.command} provision\` (pre-start); \`wt remove\` and \`wt merge\` run \`${context.command} teardown\` first (pre-remove).`,
    "These are user hooks: worktrunk runs them without asking. Do not copy them into a project's .config/wt.toml: project hooks need approval (`wt config approvals add`) after every change.",
    'worktrunk reads $WORKTRUNK_CONFIG_PATH (or $XDG_CONFIG_HOME/worktrunk/config.toml) instead when that is set: copy the two marked blocks there. `wt hook show` lists the hooks worktrunk sees.',
    'Worktrees removed with plain `git worktree remove` keep their identity until `ravi-hooks gc`.',
  ],
});
