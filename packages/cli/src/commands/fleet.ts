import type { Command } from 'commander';
import type { ContextFor, Register } from './index';
import { common, positiveInt, table } from './shared';

export const registerFleet: Register = (program, contextFor) => {
  const fleet = program.command('fleet').description('provision or tear down many workspaces in parallel');
  common(
    fleet
      .command('provision')
      .description('provision every DIR with bounded parallelism; exit 1 if any failed')
      .argument('<dirs...>', 'workspace directories')
      .option('--concurrency <n>', 'how many at once (default: config, 8)', positiveInt)
      .option('--provider <name>', 'identity provider: local or ravi'),
  ).action(async (dirs: string[], opts: FleetOpts, cmd: Command) =>
    run('provision', dirs, opts, cmd, contextFor),
  );
  common(
    fleet
      .command('teardown')
      .description('tear down every DIR with bounded parallelism; exit 1 if any failed')
      .argument('<dirs...>', 'workspace directories')
      .option('--concurrency <n>', 'how many at once (default: config, 8)', positiveInt),
  ).action(async (dirs: string[], opts: FleetOpts, cmd: Command) =>
    run('teardown', dirs, opts, cmd, contextFor),
  );
};

interface FleetOpts {
  concurrency?: number;
  provider?: string;
}

async function run(
  kind: 'provision' | 'teardown',
  dirs: string[],
  opts: FleetOpts,
  cmd: Command,
  contextFor: ContextFor,
) {
  const ctx = contextFor(cmd);
  const core = await import('@ravi-hooks/core');
  const tty = Boolean(process.stderr.isTTY) && !ctx.out.json;
  const options = {
    cwd: ctx.cwd,
    env: ctx.env,
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    ...(opts.provider ? { provider: opts.provider } : {}),
    onProgress: (done: number, total: number) => {
      if (tty) process.stderr.write(`\r${kind} ${done}/${total}${done === total ? '\n' : ''}`);
    },
  };
  const items =
    kind === 'provision' ? await core.fleetProvision(dirs, options) : await core.fleetTeardown(dirs, options);
  const failed = items.filter((i) => !i.ok).length;
  ctx.out.result({ ok: failed === 0, failed, results: items }, () => {
    const rows = items.map((item) => {
      if (!item.ok) return [item.workspace, 'FAILED', item.error.message];
      const r = item.result as {
        name?: string | null;
        email?: string | null;
        uuid?: string | null;
        identityDeleted?: boolean;
      };
      const what =
        kind === 'provision'
          ? (r.email ?? '')
          : r.identityDeleted
            ? 'deleted'
            : r.uuid
              ? 'not deleted'
              : 'nothing';
      return [item.workspace, r.name ?? '-', what];
    });
    const summary = `${items.length - failed} ok, ${failed} failed`;
    return `${table(['workspace', kind === 'provision' ? 'identity' : 'identity', kind === 'provision' ? 'email' : 'result'], rows)}\n${summary}`;
  });
  if (failed > 0) process.exitCode = 1;
}
