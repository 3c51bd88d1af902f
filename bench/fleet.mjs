/**
 * Fleet: 50 new workspaces through the emulator, 100 ms of latency per API request,
 * concurrency 8, side by side: `ravi-hooks fleet provision` over HTTP (2 requests per
 * workspace; 1 when the server returns `api_key`), the same over the opt-in CLI transport,
 * and the minimal bash + jq harness over the CLI (`xargs -P 8`). Every pattern gets a fresh
 * emulator and fresh workspaces.
 */
import path from 'node:path';
import { emulated } from './lib/emulator.mjs';
import { cli, node, root, sandbox, workspaces } from './lib/env.mjs';
import { median, samples, timed, wallOf } from './lib/measure.mjs';

const HARNESS = path.join(root, 'bench/harness/minimal.sh');

/** One pattern over `count` fresh workspaces; `command(dirs)` returns [file, args]. */
async function pattern(label, { count, latencyMs, ...world }, command, completed) {
  const sb = sandbox();
  const w = await emulated({ latencyMs, ...world }, sb);
  const dirs = workspaces(path.join(sb.base, 'fleet'), count);
  const [file, args] = command(dirs);
  const run = await timed(file, args, { env: w.env, cwd: sb.base });
  const calls = w.calls();
  const ravi = Object.entries(calls)
    .filter(([k]) => k !== 'version')
    .reduce((n, [, v]) => n + v, 0);
  return {
    label,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    code: run.code,
    completed: completed(run),
    identities: w.emu.identities().length,
    raviPerWorkspace: ravi / count,
    requestsPerWorkspace: w.requests() / count,
    calls,
    error: run.code === 0 ? '' : lastLine(run.stderr),
  };
}

const lastLine = (text) =>
  text
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(-1)[0]
    ?.slice(0, 160) ?? '';

const okResults = (run) => (run.code === 0 ? JSON.parse(run.stdout).results.filter((r) => r.ok).length : 0);
const lines = (run) => run.stdout.split('\n').filter((l) => l.trim() !== '').length;

/** @param {{ count?: number, concurrency?: number, latencyMs?: number, nodeMs: number }} options */
export async function benchFleet({ count = 50, concurrency = 8, latencyMs = 100, nodeMs }) {
  const fleet = (dirs) => [
    node,
    [cli, 'fleet', 'provision', ...dirs, '--concurrency', `${concurrency}`, '--json'],
  ];
  const rows = [
    await pattern(`ravi-hooks fleet, HTTP`, { count, latencyMs }, fleet, okResults),
    await pattern(
      `ravi-hooks fleet, HTTP, server returns api_key`,
      { count, latencyMs, apiKeyOnCreate: true },
      fleet,
      okResults,
    ),
    await pattern(
      `ravi-hooks fleet, transport cli`,
      { count, latencyMs, transport: 'cli' },
      fleet,
      okResults,
    ),
    await pattern(
      `bash + jq harness over the CLI, xargs -P ${concurrency}`,
      { count, latencyMs },
      (dirs) => [
        'bash',
        ['-c', `printf '%s\\n' "$@" | xargs -P ${concurrency} -n 1 '${HARNESS}'`, 'harness', ...dirs],
      ],
      lines,
    ),
  ];
  const rounds = Math.ceil(count / concurrency);
  // the request-latency floor: rounds × requests per workspace × latency, plus one Node start
  const floor = (requests) => rounds * requests * latencyMs + nodeMs;
  return {
    rows,
    count,
    concurrency,
    latencyMs,
    rounds,
    nodeMs,
    floors: { twoRequests: floor(2), oneRequest: floor(1) },
    emulatorCallMs: await emulatorCall(),
  };
}

/** Median wall time of one emulated `ravi` invocation that makes no API request. */
async function emulatorCall() {
  const sb = sandbox();
  const world = await emulated({ latencyMs: 0 }, sb);
  return median(await samples(15, () => wallOf(world.emu.ravi, ['version'], { env: world.env })));
}
