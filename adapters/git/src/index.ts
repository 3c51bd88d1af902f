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
  type Adapter,
  type AdapterContext,
  AdapterError,
  type AdapterFactory,
  applyScriptBlock,
  type HookManager,
  hasScriptBlock,
  removeScriptBlock,
  type ScriptBlock,
} from '@ravi-hooks/core/adapter';
import { applyLefthook, hasLefthook, removeLefthook } from './lefthook';
import { guardedCall, SHELL_ARGS } from './line';
import { applyPreCommit, hasPreCommit, removePreCommit } from './pre-commit';
import { applySimpleGitHooks, hasSimpleGitHooks, removeSimpleGitHooks } from './simple-git-hooks';

/** NOTE: guarded, so a machine without ravi-hooks says so once per new worktree (status stays 0). */
const call = (command: string): string => guardedCall(command, SHELL_ARGS);

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

/** What to run so the manager writes the hook git will run, and what to commit. */
function managerNotes(name: string, config: string): string[] {
  const commit = `commit ${config}: ${name} reads its config in the new worktree, so a branch without our entry gives its worktrees no identity.`;
  if (name === 'lefthook')
    return [
      `lefthook owns the hooks: the command is in ${config}. Run \`npx lefthook install\` (or \`lefthook install\`) so git's post-checkout calls lefthook; ${commit}`,
    ];
  if (name === 'simple-git-hooks')
    return [
      `simple-git-hooks owns the hooks: the command is in ${config}. Run \`npx simple-git-hooks\` so it writes .git/hooks/post-checkout (it inlines the command, so new worktrees need nothing more).`,
    ];
  return [
    `pre-commit owns the hooks: the hook is in ${config}. Run \`pre-commit install --hook-type post-checkout\` (or add post-checkout to default_install_hook_types); ${commit}`,
  ];
}

function notes(context: AdapterContext): string[] {
  const out = [
    '`git worktree add` now gives each new worktree its own identity (not with --no-checkout, which runs no hook).',
    'git runs no hook on `git worktree remove`: use `ravi-hooks worktree remove <path>`, or reclaim identities with `ravi-hooks gc`.',
  ];
  const hooksDir = context.git?.huskyDir ?? context.git?.hooksDir;
  const manager = context.git?.manager;
  if (manager) {
    out.push(...managerNotes(manager.name, path.relative(context.root, manager.config)));
  } else if (context.git?.huskyDir) {
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

type Edit = Pick<Adapter, 'apply' | 'remove' | 'isInstalled'>;

/** Where the call goes: our block in the hook file, or the config of the manager that owns it. */
const EDITS: Record<HookManager['name'] | 'hook', Edit> = {
  hook: {
    apply: (context, _file, current) => applyScriptBlock(current, block(context.command)),
    remove: (context, _file, current) => removeScriptBlock(current, block(context.command)),
    isInstalled: (_context, _file, current) => hasScriptBlock(current),
  },
  lefthook: {
    apply: (context, file, current) => applyLefthook(context, file.path, current),
    remove: (_context, _file, current) => removeLefthook(current),
    isInstalled: (_context, _file, current) => hasLefthook(current),
  },
  'simple-git-hooks': {
    apply: (context, file, current) => applySimpleGitHooks(context, file.path, current),
    remove: (context, file, current) => removeSimpleGitHooks(context, file.path, current),
    isInstalled: (context, file, current) => hasSimpleGitHooks(context, file.path, current),
  },
  'pre-commit': {
    apply: (context, _file, current) => applyPreCommit(context, current),
    remove: (_context, _file, current) => removePreCommit(current),
    isInstalled: (_context, _file, current) => hasPreCommit(current),
  },
};

const editFor = (context: AdapterContext): Edit => EDITS[context.git?.manager?.name ?? 'hook'];

export const git: AdapterFactory = () => ({
  name: 'git',
  description: 'post-checkout hook provisions every new linked worktree (any orchestrator)',
  files(context) {
    const manager = context.git?.manager;
    if (manager) return [{ path: manager.config, scope: 'root' }];
    return [{ path: hookPath(context), scope: 'hooks', mode: 0o755 }];
  },
  apply: (context, file, current) => editFor(context).apply(context, file, current),
  remove: (context, file, current) => editFor(context).remove(context, file, current),
  isInstalled: (context, file, current) => editFor(context).isInstalled(context, file, current),
  notes,
});
