import type { Register } from './index';
import { common } from './shared';

export const registerWhich: Register = (program, contextFor) => {
  common(
    program
      .command('which')
      .description(
        'which identity applies in DIR and why (RAVI_CONFIG_DIR, nearest .ravi walking up, ~/.ravi)',
      )
      .argument('[dir]', 'directory to resolve from', '.'),
  ).action(async (dir: string, _opts, cmd) => {
    const ctx = contextFor(cmd);
    // NOTE: the light entry point: this runs inside hooks and must start fast
    const { resolveIdentity } = await import('@ravi-hooks/core/resolve');
    const path = await import('node:path');
    const r = resolveIdentity(path.resolve(ctx.cwd, dir), ctx.env);
    const problems = r.source === 'workspace' && r.baseDir ? await foreignProblems(r.baseDir, ctx.env) : [];
    if (problems.length > 0 && r.baseDir) {
      const { foreignConfigWarning } = await import('@ravi-hooks/core/resolve');
      process.stderr.write(`ravi-hooks: ${foreignConfigWarning(r.baseDir, problems)}\n`);
    }
    const data = {
      source: r.source,
      configPath: r.configPath,
      uuid: r.uuid,
      name: r.name,
      ...(problems.length > 0 ? { problems } : {}),
    };
    ctx.out.result(data, () => {
      if (r.source === 'none')
        return 'no identity applies here (no .ravi/config.json up the tree, none in ~/.ravi)';
      const why = {
        env: 'RAVI_CONFIG_DIR is set',
        workspace: 'nearest .ravi/config.json walking up',
        global: 'fallback to the global ~/.ravi/config.json',
      }[r.source];
      return `${r.name ?? '(unnamed)'} ${r.uuid ?? '(no identity_uuid)'}\n  from ${r.configPath} (${why})`;
    });
    // NOTE: like `command -v`: scripts can test `if ravi-hooks which >/dev/null`
    if (r.source === 'none') process.exitCode = 1;
  });
};

/** Why a workspace config may not be ours (committed, symlinked, unreadable); see core's workspace/foreign. */
async function foreignProblems(workspace: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const { inspectWorkspaceConfig, ownLeaseUuid } = await import('@ravi-hooks/core/resolve');
  return (await inspectWorkspaceConfig(workspace, 'ask', ownLeaseUuid(workspace, env))).problems;
}
