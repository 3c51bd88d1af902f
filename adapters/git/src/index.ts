/**
 * git: a marked block in the `post-checkout` hook (or `.husky/post-checkout` when husky owns
 * the hooks directory). git runs post-checkout after `git worktree add` with a null old ref
 * and flag 1, in the new worktree; nothing runs on `git worktree remove`.
 *
 * NOTE: the block does a cheap shell check before starting node, so ordinary checkouts cost
 * nothing, and it always ends with status 0: git hands a post-checkout hook's status to
 * `git worktree add`, and an orchestrator would take our failure for its own.
 *
 * Behaviour from githooks(5) (post-checkout) and git 2.39 (`git worktree add` runs it; remove runs nothing).
 */
import path from 'node:path';
import {
  type AdapterContext,
  AdapterError,
  type AdapterFactory,
  applyScriptBlock,
  hasScriptBlock,
  removeScriptBlock,
  type ScriptBlock,
  shellInvocation,
} from '@ravi-hooks/core/adapter';

/** NOTE: guarded, so a machine without ravi-hooks says so once per new worktree (status stays 0). */
const call = (command: string): string =>
  shellInvocation(
    command,
    ['hook', 'post-checkout', '"$1"', '"$2"', '"$3"'],
    'this worktree gets no Ravi identity',
  );

function block(command: string): ScriptBlock {
  return {
    adapter: 'git',
    body: [
      '# Gives each new linked worktree (git worktree add) its own Ravi identity.',
      '# Never fails the checkout; RAVI_HOOKS_SKIP=1 turns it off.',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
      'if [ "${RAVI_HOOKS_SKIP:-}" != 1 ] && [ "$3" = 1 ]; then',
      '  case "$1" in',
      "    *[!0]* | '') ;;",
      `    *) ${call(command)} || : ;;`,
      '  esac',
      'fi',
    ],
    template: { head: '#!/bin/sh\n', tail: '' },
  };
}

function hookPath(context: AdapterContext): string {
  if (!context.git) {
    throw new AdapterError(`${context.root} is not in a git repository`, {
      hint: 'run `ravi-hooks init git` inside the repository, or pass --repo DIR',
    });
  }
  return path.join(context.git.huskyDir ?? context.git.hooksDir, 'post-checkout');
}

function notes(context: AdapterContext): string[] {
  const out = [
    '`git worktree add` now gives each new worktree its own identity (not with --no-checkout, which runs no hook).',
    'git runs no hook on `git worktree remove`: use `ravi-hooks worktree remove <path>`, or reclaim identities with `ravi-hooks gc`.',
  ];
  const hooksDir = context.git?.huskyDir ?? context.git?.hooksDir;
  if (context.git?.huskyDir) {
    out.push(
      'husky owns the hooks: the block is in .husky/post-checkout; commit it so teammates get it (husky runs it when `git worktree add` runs in a checkout where husky is installed).',
    );
  } else if (hooksDir && path.relative(context.root, hooksDir).startsWith('..')) {
    out.push(
      `The hooks directory ${hooksDir} is outside this checkout (core.hooksPath or a linked worktree): every repository using it gets the hook.`,
    );
  }
  return out;
}

export const git: AdapterFactory = () => ({
  name: 'git',
  description: 'post-checkout hook provisions every new linked worktree (any orchestrator)',
  files: (context) => [{ path: hookPath(context), scope: 'hooks', mode: 0o755 }],
  apply: (context, _file, current) => applyScriptBlock(current, block(context.command)),
  remove: (context, _file, current) => removeScriptBlock(current, block(context.command)),
  isInstalled: (_context, _file, current) => hasScriptBlock(current),
  notes,
});
