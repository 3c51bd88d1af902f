/**
 * `ravi-hooks hook post-checkout <old> <new> <flag>`: what the git hook calls. It provisions
 * only a newly added linked worktree (old ref all zeros, flag 1, git dir ≠ common dir) and
 * always exits 0, because git hands a post-checkout hook's status to `git worktree add`.
 * A failure is one line on stderr (provision also records it in the event log).
 */
import { registerAgentHooks } from './hook-agent';
import type { Register } from './index';
import { common } from './shared';

export const registerHook: Register = (program, contextFor) => {
  const hook = program.command('hook').description('entry points for the hooks `ravi-hooks init` installs');
  registerAgentHooks(hook, contextFor);
  common(
    hook
      .command('post-checkout')
      .description('git post-checkout: provision a newly added linked worktree (always exits 0)')
      .argument('[old]', 'previous HEAD (all zeros for a new worktree)', '')
      .argument('[new]', 'new HEAD', '')
      .argument('[flag]', '1 for a branch checkout', '')
      .allowExcessArguments(true),
  ).action(async (oldRef: string, _newRef: string, flag: string, _opts, cmd) => {
    const ctx = contextFor(cmd);
    if (ctx.env.RAVI_HOOKS_SKIP === '1' || !/^0+$/.test(oldRef) || flag !== '1') return;
    let workspace = ctx.cwd;
    try {
      const core = await import('@ravi-hooks/core/lifecycle');
      const facts = await core.gitFacts(ctx.cwd);
      if (!facts?.linkedWorktree) return;
      workspace = facts.toplevel;
      const result = await core.provision({ workspace, cwd: ctx.cwd, env: ctx.env, git: facts });
      if (ctx.out.json) ctx.out.result(result, () => '');
    } catch (error) {
      const { RaviHooksError, toRaviHooksError } = await import('@ravi-hooks/core/lifecycle');
      const cause = toRaviHooksError(error);
      const message = `post-checkout: ${workspace} got no identity: ${cause.message}`;
      ctx.out.error(
        new RaviHooksError(cause.code, message, {
          cause,
          hint: cause.hint ?? 'run `ravi-hooks provision` in it',
        }),
      );
    } finally {
      process.exitCode = 0;
    }
  });
};
