/**
 * Fleet: 50 workspaces through the emulator (100 ms latency per API request), side by
 * side: `ravi-hooks fleet provision --concurrency 8`, the seeds' bash harness (one
 * workspace after another) and their Python ThreadPoolExecutor, each as written and
 * "fixed". Every pattern gets a fresh emulator and fresh workspaces.
 */
import path from 'node:path';
import { emulated } from './lib/emulator.mjs';
import { cli, node, root, sandbox, workspaces } from './lib/env.mjs';
import { median, samples, timed, wallOf } from './lib/measure.mjs';

const HARNESS = path.join(root, 'bench/seed/harness.sh');
const PYTHON = path.join(root, 'bench/seed/fleet.py');

/** One pattern over `count` fresh workspaces; `command(dirs)` returns [file, args]. */
async function pattern(label, { count, latencyMs }, command, completed) {
  const sb = sandbox();
  const world = await emulated({ latencyMs }, sb);
  const dirs = workspaces(path.join(sb.base, 'fleet'), count);
  const [file, args] = command(dirs);
  const run = await timed(file, args, { env: world.env, cwd: sb.base });
  const calls = world.calls();
  const ravi = Object.entries(calls)
    .filter(([k]) => k !== 'version')
    .reduce((n, [, v]) => n + v, 0);
  return {
    label,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    code: run.code,
    completed: completed(run),
    identities: world.emu.identities().length,
    callsPerWorkspace: ravi / count,
    calls,
    dirs,
    world,
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

const lines = (run) => run.stdout.split('\n').filter((l) => l.trim() !== '').length;

/**
 * @param {{ count?: number, concurrency?: number, latencyMs?: number, seeds?: 'all' | 'python' }} options
 * `seeds: 'python'` runs only the seeds' Python pool at the same concurrency beside ours
 * (the latency sweep).
 */
export async function benchFleet({ count = 50, concurrency = 8, latencyMs = 100, seeds = 'all' } = {}) {
  const options = { count, latencyMs };
  const rows = [];
  rows.push(
    await pattern(
      `ravi-hooks fleet provision --concurrency ${concurrency}`,
      options,
      (dirs) => [node, [cli, 'fleet', 'provision', ...dirs, '--concurrency', `${concurrency}`, '--json']],
      (run) => (run.code === 0 ? JSON.parse(run.stdout).results.filter((r) => r.ok).length : 0),
    ),
  );
  const bash = seeds === 'all' ? ['as-written', 'no-json', 'tolerant'] : [];
  for (const mode of bash) {
    rows.push(
      await pattern(
        `seed bash harness, ${mode}`,
        options,
        (dirs) => ['bash', [HARNESS, mode, ...dirs]],
        lines,
      ),
    );
  }
  const python =
    seeds === 'all'
      ? [
          ['as-written', 20],
          ['no-json', 20],
          ['tolerant', 20],
          ['tolerant', concurrency],
        ]
      : [['tolerant', concurrency]];
  for (const [mode, workers] of python) {
    rows.push(
      await pattern(
        `seed Python ThreadPoolExecutor(${workers}), ${mode}`,
        options,
        (dirs) => ['python3', [PYTHON, mode, `${workers}`, ...dirs]],
        lines,
      ),
    );
  }
  const startup = await emulatorStartup();
  const rounds = Math.ceil(count / concurrency);
  const bounds = {
    rounds,
    // the brief's bound: ravi invocations per workspace × latency, per round of 8
    ideal: rounds * 2 * latencyMs,
    // `identity use` is two API requests (list, mint key), each delayed by the emulator
    requests: rounds * 3 * latencyMs,
    // and each invocation is a Node process (~the real Go binary starts in a few ms)
    emulatorFloor: rounds * (3 * latencyMs + 2 * startup),
    emulatorStartupMs: startup,
  };
  return { rows, bounds, count, concurrency, latencyMs };
}

/** Median wall time of one emulator invocation that makes no API request. */
async function emulatorStartup() {
  const sb = sandbox();
  const world = await emulated({ latencyMs: 0 }, sb);
  return median(await samples(15, () => wallOf(world.emu.ravi, ['version'], { env: world.env })));
}
