/**
 * Hook overhead: `git worktree add` in a repository with the ravi-hooks post-checkout hook
 * (`ravi-hooks init git`, local provider) against one without, alternating so drift in
 * machine load hits both alike. Median of `runs`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cli, gitRepo, node, sandbox } from './lib/env.mjs';
import { median, wallOf } from './lib/measure.mjs';

export async function benchHook({ runs = 15 } = {}) {
  const sb = sandbox();
  const plain = gitRepo(path.join(sb.base, 'plain'), sb.env);
  const hooked = gitRepo(path.join(sb.base, 'hooked'), sb.env);
  // NOTE: init writes a bare `ravi-hooks` into hooks; the sandbox has none on PATH, so name the bundle.
  const command = `'${node}' '${cli}'`;
  execFileSync(node, [cli, 'init', 'git', '--repo', hooked, '--command', command], {
    env: sb.env,
    stdio: 'ignore',
  });
  const add = (repo, i) =>
    wallOf(
      'git',
      ['worktree', 'add', '-q', '-b', `b${i}`, path.join(sb.base, `${path.basename(repo)}-wt${i}`)],
      {
        cwd: repo,
        env: sb.env,
      },
    );
  await add(plain, 'warm');
  await add(hooked, 'warm');
  const without = [];
  const withHook = [];
  for (let i = 0; i < runs; i += 1) {
    without.push(await add(plain, i));
    withHook.push(await add(hooked, i));
  }
  const provisioned = existsSync(path.join(sb.base, `hooked-wt${runs - 1}`, '.ravi', 'config.json'));
  if (!provisioned) throw new Error('the hook did not provision the new worktree');
  return {
    runs,
    withoutMs: median(without),
    withMs: median(withHook),
    addedMs: median(withHook) - median(without),
  };
}
