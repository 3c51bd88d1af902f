/**
 * Scale: `list` and `gc` over 1,000 and 10,000 leases (all live: the scan; then all
 * workspaces deleted: the reclaim), and `fleet provision` of 50 and 500 workspaces with
 * the local provider. Wall time, CPU and peak RSS of the whole process, per-item cost at
 * each size, so growth can be judged linear or not.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { cli, node, sandbox, workspaces } from './lib/env.mjs';
import { timed } from './lib/measure.mjs';
import { seedState } from './lib/seed-state.mjs';

async function gcAt(n) {
  const sb = sandbox();
  const parent = path.join(sb.base, 'fleet');
  seedState({ state: sb.state, parent, n });
  const dry = await timed(node, [cli, 'gc', '--dry-run', '--json'], { env: sb.env });
  const parsed = JSON.parse(dry.stdout);
  if (dry.code !== 0 || parsed.kept !== n) throw new Error(`seeded state does not parse: ${dry.stderr}`);
  const list = await timed(node, [cli, 'list', '--json'], { env: sb.env });
  if (JSON.parse(list.stdout).length !== n) throw new Error(`list showed the wrong number of leases`);
  const scan = await timed(node, [cli, 'gc', '--json'], { env: sb.env });
  if (JSON.parse(scan.stdout).kept !== n) throw new Error('gc did not keep the live records');
  rmSync(parent, { recursive: true, force: true });
  const reclaim = await timed(node, [cli, 'gc', '--json'], { env: sb.env });
  const removed = JSON.parse(reclaim.stdout).removed.length;
  if (removed !== n) throw new Error(`gc removed ${removed} of ${n}`);
  return { n, list: figures(list, n), scan: figures(scan, n), reclaim: figures(reclaim, n) };
}

async function fleetAt(n) {
  const sb = sandbox();
  const dirs = workspaces(path.join(sb.base, 'fleet'), n);
  const run = await timed(node, [cli, 'fleet', 'provision', ...dirs, '--json'], { env: sb.env });
  const ok = JSON.parse(run.stdout).results.filter((r) => r.ok).length;
  if (ok !== n) throw new Error(`fleet provisioned ${ok} of ${n}`);
  return { n, provision: figures(run, n) };
}

const figures = (run, n) => ({
  wallMs: run.wallMs,
  cpuMs: run.cpuMs,
  maxRssMiB: run.maxRssMiB,
  perItemMs: run.wallMs / n,
});

export async function benchScale({ gcSizes = [1000, 10000], fleetSizes = [50, 500] } = {}) {
  const gc = [];
  for (const n of gcSizes) gc.push(await gcAt(n));
  const fleet = [];
  for (const n of fleetSizes) fleet.push(await fleetAt(n));
  return { gc, fleet };
}
