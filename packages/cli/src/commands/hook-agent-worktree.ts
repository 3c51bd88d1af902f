/**
 * Claude Code's WorktreeCreate and WorktreeRemove. A WorktreeCreate hook replaces Claude's
 * own `git worktree add`, so this makes the worktree where Claude would
 * (`<repo>/.claude/worktrees/<name>`, branch `worktree-<name>`), provisions it, and prints the
 * path as the only stdout line (Claude reads the last line; everything else goes to stderr).
 * WorktreeRemove tears the identity down, then does what Claude does without a hook
 * (`git worktree remove --force`); it exits 0 only when the directory is really gone.
 */
import path from 'node:path';
import type { CliContext } from '../context';
import { type AgentHookInput, field, reportFailure } from './hook-agent-input';

/** Claude's worktree names: a slug, never a path. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export async function createWorktree(ctx: CliContext, input: AgentHookInput): Promise<void> {
  const core = await import('@ravi-hooks/core');
  const name = field(input.payload, 'name');
  if (!name || !NAME.test(name) || name.includes('..')) {
    throw new core.InputError(
      `WorktreeCreate needs a worktree name (letters, digits, . _ -), got ${JSON.stringify(name ?? null)}`,
    );
  }
  const base = path.resolve(ctx.cwd, ctx.env.CLAUDE_PROJECT_DIR || field(input.payload, 'cwd') || '.');
  const facts = await core.gitFacts(base);
  if (!facts) {
    throw new core.WorkspaceError(`${base} is not in a git repository`, {
      hint: 'claude --worktree needs a git repository; remove the WorktreeCreate hook with `ravi-hooks init claude-code --remove` to use your own',
    });
  }
  const target = path.join(facts.toplevel, '.claude', 'worktrees', name);
  if (!(await core.files.exists(target))) await addWorktree(facts.toplevel, target, `worktree-${name}`);
  else if ((await core.gitFacts(target))?.toplevel !== target) {
    throw new core.ConflictError(`${target} exists and is not a git worktree`, {
      hint: 'move it away, or pick another worktree name',
    });
  }
  try {
    await core.provision({ workspace: target, cwd: target, env: ctx.env, nameHint: name });
  } catch (error) {
    await reportFailure(ctx, input, `${target} got no identity`, error);
  }
  // NOTE: the only thing on stdout, last: Claude takes the last line as the worktree path.
  process.stdout.write(`${target}\n`);
}

async function addWorktree(repo: string, target: string, branch: string): Promise<void> {
  const core = await import('@ravi-hooks/core');
  const exists = await core.run('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], {
    cwd: repo,
  });
  const args =
    exists.exitCode === 0
      ? ['worktree', 'add', '--quiet', target, branch]
      : ['worktree', 'add', '--quiet', '-b', branch, target, 'HEAD'];
  // NOTE: RAVI_HOOKS_SKIP keeps our own post-checkout hook out: we provision right after,
  // with Claude's name for the worktree.
  const added = await core.run('git', args, { cwd: repo, env: { RAVI_HOOKS_SKIP: '1' } });
  if (added.exitCode !== 0) {
    const reason = added.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit ${added.exitCode}`;
    throw new core.ConflictError(`git worktree add ${target} failed: ${core.redact(reason.trim())}`);
  }
}

export async function removeWorktree(ctx: CliContext, input: AgentHookInput): Promise<void> {
  const core = await import('@ravi-hooks/core');
  const given = field(input.payload, 'worktree_path');
  if (!given || !path.isAbsolute(given)) {
    throw new core.InputError('WorktreeRemove needs the absolute worktree_path Claude Code passes on stdin');
  }
  const target = path.resolve(given);
  try {
    await core.teardown({ workspace: target, cwd: ctx.cwd, env: ctx.env });
  } catch (error) {
    // NOTE: the worktree still goes; the ledger keeps what is owed and `gc` retries it.
    await reportFailure(ctx, { ...input, strict: false }, `could not tear down ${target}`, error);
  }
  if (!(await core.files.exists(target))) return;
  const facts = await core.gitFacts(target);
  if (!facts?.linkedWorktree || facts.toplevel !== target) {
    throw new core.ConflictError(`${target} is not a linked git worktree, so it was left in place`);
  }
  const removed = await core.run('git', ['worktree', 'remove', '--force', target], {
    cwd: core.repoRootOf(facts),
  });
  if (removed.exitCode !== 0 || (await core.files.exists(target))) {
    const reason = removed.stderr.split('\n').find((line) => line.trim() !== '') ?? 'it is still there';
    throw new core.ConflictError(`git worktree remove ${target} failed: ${core.redact(reason.trim())}`);
  }
}
