/**
 * `ravi-hooks worktree remove <path> [--force]`: git runs no hook on `git worktree remove`,
 * so this tears the worktree's identity down first, then removes the worktree with git.
 */
import path from 'node:path';
import type { Register } from './index';
import { common } from './shared';

export const registerWorktree: Register = (program, contextFor) => {
  const worktree = program
    .command('worktree')
    .description('git worktree commands that keep identities in step');
  common(
    worktree
      .command('remove')
      .description("tear down a linked worktree's identity, then `git worktree remove` it")
      .argument('<path>', 'the worktree')
      .option('--force', 'remove it even with uncommitted changes (passed to git worktree remove)'),
  ).action(async (target: string, opts: { force?: boolean }, cmd) => {
    const ctx = contextFor(cmd);
    const core = await import('@ravi-hooks/core');
    const dir = path.resolve(ctx.cwd, target);
    const facts = await core.gitFacts(dir);
    if (!facts?.linkedWorktree || path.resolve(facts.toplevel) !== (await realpath(dir))) {
      throw new core.UsageError(`${dir} is not a linked worktree`, {
        hint: 'pass a worktree made by `git worktree add`; if its directory is already gone, run `ravi-hooks teardown <path>` and `git worktree prune`',
      });
    }
    // NOTE: check what would make git refuse before the identity is gone, not after.
    if (!opts.force) {
      const status = await core.run('git', ['status', '--porcelain'], { cwd: dir });
      if (status.exitCode !== 0 || status.stdout.trim() !== '') {
        throw new core.ConflictError(`${dir} has uncommitted changes`, {
          hint: 'commit or stash them, or pass --force',
        });
      }
    }
    const teardown = await core.teardown({ workspace: dir, cwd: ctx.cwd, env: ctx.env });
    const args = ['worktree', 'remove', ...(opts.force ? ['--force'] : []), dir];
    const removed = await core.run('git', args, { cwd: core.repoRootOf(facts) });
    if (removed.exitCode !== 0) {
      const reason =
        removed.stderr.split('\n').find((line) => line.trim() !== '') ?? `exit ${removed.exitCode}`;
      throw new core.RaviHooksError(
        'E_CONFLICT',
        `git worktree remove failed: ${core.redact(reason.trim())}`,
        {
          hint: 'the identity is already torn down; fix that, then run `git worktree remove` yourself',
        },
      );
    }
    ctx.out.result({ worktree: dir, teardown, removed: true }, () =>
      [
        `removed worktree ${dir}`,
        teardown.uuid ? `  identity ${teardown.name ?? teardown.uuid} torn down` : '  it had no identity',
      ].join('\n'),
    );
  });
};

async function realpath(dir: string): Promise<string> {
  const { promises } = await import('node:fs');
  return promises.realpath(dir).catch(() => dir);
}
