import type { Register } from './index';
import { collect, common } from './shared';

export const registerProvision: Register = (program, contextFor) => {
  common(
    program
      .command('provision')
      .description('create an identity for a workspace and write DIR/.ravi/config.json (idempotent)')
      .argument('[dir]', 'workspace directory', '.')
      .option('--name <name>', 'identity name (strict: letters, digits, spaces, . _ + @ -)')
      .option('--name-hint <text>', 'free text (e.g. an orchestrator workspace name) cleaned up into a name')
      .option('--provider <name>', 'identity provider: local or ravi')
      .option('--with <adapter>', "also write that adapter's workspace files (e.g. lalph)", collect, [])
      .option('--nested', 'inside a provisioned workspace, give this directory an identity of its own'),
  ).action(
    async (
      dir: string,
      opts: { name?: string; nameHint?: string; provider?: string; with: string[]; nested?: boolean },
      cmd,
    ) => {
      const ctx = contextFor(cmd);
      const { provision } = await import('@ravi-hooks/core/lifecycle');
      const extraFiles = await adapterFiles(opts.with);
      const result = await provision({
        workspace: dir,
        cwd: ctx.cwd,
        env: ctx.env,
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        ...(opts.nameHint !== undefined ? { nameHint: opts.nameHint } : {}),
        ...(opts.provider ? { provider: opts.provider } : {}),
        extraFiles,
        ...(opts.nested ? { nested: true } : {}),
      });
      // NOTE: an existing identity is returned as it is (idempotence); a --name or --provider
      // it does not have would be silently ignored, so say so (nothing was written)
      const ignored = [
        opts.name !== undefined && opts.name !== result.name ? `is named "${result.name}"` : null,
        opts.provider && opts.provider !== result.provider ? `uses the ${result.provider} provider` : null,
      ].filter((why): why is string => why !== null);
      if (!result.created && ignored.length > 0) {
        const { UsageError } = await import('@ravi-hooks/core/errors');
        throw new UsageError(
          `${result.workspace} is already provisioned: its identity ${ignored.join(' and ')}`,
          {
            hint: 'drop --name/--provider to keep it, or `ravi-hooks teardown` it first to provision a new one',
          },
        );
      }
      ctx.out.result(result, () =>
        [
          `${result.created ? 'provisioned' : 'already provisioned'} ${result.workspace}`,
          `  identity  ${result.name} (${result.uuid})`,
          `  email     ${result.email ?? '-'}`,
          `  phone     ${result.phone ?? '-'}`,
          `  provider  ${result.provider}`,
        ].join('\n'),
      );
    },
  );
};

async function adapterFiles(names: string[]) {
  if (names.length === 0) return [];
  const { findAdapter } = await import('../adapters');
  return names.map((name) => {
    const adapter = findAdapter(name);
    if (!adapter.workspaceFiles) return () => [];
    return adapter.workspaceFiles.bind(adapter);
  });
}
