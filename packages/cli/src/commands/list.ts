import type { Register } from './index';
import { common, table } from './shared';

export const registerList: Register = (program, contextFor) => {
  common(
    program
      .command('list')
      .alias('ls')
      .description('every identity lease of this machine: workspace, identity, email, provider, age, state')
      .option('--all', 'also show retired leases (identities the provider cannot delete)'),
  ).action(async (opts: { all?: boolean }, cmd) => {
    const ctx = contextFor(cmd);
    const { listLeases, stateOnly } = await import('@ravi-hooks/core');
    const { leases, counts } = await listLeases(await stateOnly(ctx.env), { all: Boolean(opts.all) });
    ctx.out.result(leases, () => {
      const now = Date.now();
      const rows = leases.map((l) => [
        l.workspace,
        l.name,
        l.email ?? '-',
        l.provider,
        age(now - Date.parse(l.createdAt)),
        l.state,
      ]);
      const summary = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([state, n]) => `${n} ${state}`)
        .join(', ');
      return [
        rows.length > 0
          ? table(['WORKSPACE', 'IDENTITY', 'EMAIL', 'PROVIDER', 'AGE', 'STATE'], rows)
          : 'no leases',
        ...(summary ? [summary] : []),
      ].join('\n');
    });
  });
  common(
    program
      .command('forget')
      .description('drop an irrevocable or retired lease after dealing with its identity by hand')
      .argument('<uuid-or-lease-id>', 'the identity uuid (see `ravi-hooks list --all`)'),
  ).action(async (ref: string, _opts, cmd) => {
    const ctx = contextFor(cmd);
    const { createEngine, forgetLease } = await import('@ravi-hooks/core');
    const engine = await createEngine({ from: ctx.cwd }, { env: ctx.env });
    const forgotten = await forgetLease(engine, ref);
    ctx.out.result(
      forgotten,
      () => `forgot the ${forgotten.state} lease of ${forgotten.name} (${forgotten.uuid})`,
    );
  });
};

/** Compact age: 45s, 12m, 3h, 5d. */
function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}
