/**
 * The post-checkout call as one shell line, for hook managers that keep a command string in
 * their config (lefthook `run:`, simple-git-hooks, pre-commit `entry:`). Like the block in
 * our own hook it does a cheap shell check first (a new worktree: old ref all zeros, flag 1),
 * so ordinary checkouts never start node, and it always ends with status 0.
 */
import { shellInvocation } from '@ravi-hooks/core/adapter';

export interface HookArgs {
  /** Shell words for git's three post-checkout arguments, as the manager exposes them. */
  old: string;
  new: string;
  flag: string;
}

export const SHELL_ARGS: HookArgs = { old: '"$1"', new: '"$2"', flag: '"$3"' };

export function guardedCall(command: string, args: HookArgs): string {
  return shellInvocation(
    command,
    ['hook', 'post-checkout', args.old, args.new, args.flag],
    'this worktree gets no Ravi identity',
  );
}

export function postCheckoutLine(command: string, args: HookArgs): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
  const skip = '[ "${RAVI_HOOKS_SKIP:-}" != 1 ]';
  return `if ${skip} && [ ${args.flag} = 1 ]; then case ${args.old} in *[!0]* | '') ;; *) ${guardedCall(command, args)} || : ;; esac; fi`;
}

/** Our line at the start of a command string, whatever command it was installed with. */
export const LINE_PREFIX = /^if \[ "\$\{RAVI_HOOKS_SKIP:-\}" != 1 \] && [^\n]*? esac; fi/;
