import type { Register } from './index';
import { common } from './shared';

export const registerTeardown: Register = (program, contextFor) => {
  common(
    program
      .command('teardown')
      .description(
        'delete the workspace identity and every file ravi-hooks wrote there (works when DIR is gone)',
      )
      .argument('[dir]', 'workspace directory', '.'),
  ).action(async (dir: string, _opts, cmd) => {
    const ctx = contextFor(cmd);
    const { teardown } = await import('@ravi-hooks/core/lifecycle');
    const result = await teardown({ workspace: dir, cwd: ctx.cwd, env: ctx.env });
    ctx.out.result(result, () => {
      if (result.uuid === null) return `nothing to tear down in ${result.workspace}`;
      const status = {
        deleted: 'deleted',
        retired: `retired: it stays in your provider account, its workspace key was deleted here (${result.reason ?? ''})`,
        owed: `NOT deleted yet (${result.reason ?? 'unknown reason'}); \`ravi-hooks gc\` retries it`,
        irrevocable: `NOT deleted (${result.reason ?? 'unknown reason'}); see \`ravi-hooks list\``,
        none: `left untouched (${result.reason ?? 'not ours'})`,
      }[result.outcome];
      const verb = result.outcome === 'none' ? 'did not tear down' : 'tore down';
      return [
        `${verb} ${result.workspace}`,
        `  identity  ${result.name ?? '-'} (${result.uuid}) ${status}`,
        ...result.removed.map((f) => `  removed   ${f}`),
      ].join('\n');
    });
  });
};
