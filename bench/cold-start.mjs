/**
 * Cold start: the whole `ravi-hooks which` process, run from a directory nested inside a
 * provisioned workspace (what an agent's `ravi` shim pays on every call), beside Node's own
 * bare start-up (`node -e 0`), the floor no Node CLI can beat. Median of `runs`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { cli, node, sandbox } from './lib/env.mjs';
import { median, wallOf } from './lib/measure.mjs';

export async function benchColdStart({ runs = 30 } = {}) {
  const sb = sandbox();
  const workspace = path.join(sb.base, 'ws');
  const nested = path.join(workspace, 'src', 'deep', 'er');
  mkdirSync(nested, { recursive: true });
  execFileSync(node, [cli, 'provision', workspace], { env: sb.env, stdio: 'ignore' });
  const which = () => wallOf(node, [cli, 'which'], { cwd: nested, env: sb.env });
  const bare = () => wallOf(node, ['-e', '0'], { cwd: nested, env: sb.env });
  await which();
  await bare();
  const whichMs = [];
  const nodeMs = [];
  for (let i = 0; i < runs; i += 1) {
    whichMs.push(await which());
    nodeMs.push(await bare());
  }
  return { runs, whichMs: median(whichMs), nodeMs: median(nodeMs), whichSamples: whichMs };
}
