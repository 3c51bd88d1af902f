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
    const { teardown } = await import('@ravi-hooks/core');
    const result = await teardown({ workspace: dir, cwd: ctx.cwd, env: ctx.env });
    ctx.out.result(result, () => {
      if (result.uuid === null) return `nothing to tear down in ${result.workspace}`;
      const status = result.identityDeleted
        ? 'deleted'
        : `NOT deleted (${result.reason ?? 'unknown reason'}); \`ravi-hooks gc\` retries owed deletions`;
      return [
        `tore down ${result.workspace}`,
        `  identity  ${result.name ?? '-'} (${result.uuid}) ${status}`,
        ...result.removed.map((f) => `  removed   ${f}`),
      ].join('\n');
    });
  });
};
