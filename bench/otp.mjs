/**
 * `otp --wait` on the local provider: delivery-to-print latency (from the moment the
 * message is stored, its receivedAt, to the code arriving on the waiter's stdout), how
 * far past --timeout a waiter with nothing to read exits, and the memory of 50 waiters
 * idling at once (the sum of their RSS).
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { cli as builtCli, node, sandbox, workspaces } from './lib/env.mjs';
import { median, wallOf } from './lib/measure.mjs';

const run = promisify(execFile);
// NOTE: RAVI_HOOKS_TEST_CLI, as in the tests: a private copy of the bundle, immune to rebuilds
const cli = process.env.RAVI_HOOKS_TEST_CLI || builtCli;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchOtp({ runs = 15, waiters = 50 } = {}) {
  const sb = sandbox();
  const dirs = workspaces(sb.base, waiters);
  const emails = [];
  // NOTE: four at a time: provisioning is not what is measured here
  for (let i = 0; i < dirs.length; i += 4) {
    const batch = dirs
      .slice(i, i + 4)
      .map((dir) => run(node, [cli, 'provision', dir, '--json'], { env: sb.env }));
    for (const { stdout } of await Promise.all(batch)) emails.push(JSON.parse(stdout).email);
  }
  const deliver = (to, body) =>
    run(node, [cli, 'local', 'deliver', '--to', to, '--body', body], { env: sb.env });

  const latencies = [];
  for (let i = 0; i < runs; i += 1) {
    const waiter = start(['otp', '--wait', '--timeout', '30', '--json'], dirs[0], sb.env);
    await sleep(700); // started and watching: only the delivery is timed
    await deliver(emails[0], `Your verification code is ${100000 + i}`);
    const { line, at } = await waiter.printed;
    latencies.push(at - Date.parse(JSON.parse(line).receivedAt));
    await waiter.exit;
  }
  const overshoots = [];
  for (let i = 0; i < Math.min(runs, 5); i += 1) {
    const wall = await wallOf(node, [cli, 'otp', '--wait', '--timeout', '2'], {
      cwd: dirs[0],
      env: sb.env,
      allowFailure: true,
    });
    overshoots.push(wall - 2000);
  }

  const idle = dirs.map((dir) => start(['otp', '--wait', '--timeout', '120'], dir, sb.env));
  await sleep(Math.max(3000, waiters * 60));
  const rssKiB = idle.map((w) => rssOf(w.pid)).reduce((a, b) => a + b, 0);
  for (let i = 0; i < emails.length; i += 8)
    await Promise.all(emails.slice(i, i + 8).map((to, j) => deliver(to, `Your code is ${200000 + i + j}`)));
  const codes = await Promise.all(idle.map((w) => w.exit));
  // the floor: one bare node process idling, for what a waiter adds above it
  const bare = spawn(node, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
  await sleep(500);
  const floor = rssOf(bare.pid);
  bare.kill();
  return {
    runs,
    latencyMedianMs: median(latencies),
    latencyMaxMs: Math.max(...latencies),
    timeoutOvershootMedianMs: median(overshoots),
    timeoutOvershootMaxMs: Math.max(...overshoots),
    waiters,
    waitersRssMiB: rssKiB / 1024,
    waitersAllGotTheirCode: codes.every((c) => c === 0),
    nodeFloorRssMiB: floor / 1024,
  };
}

function start(args, cwd, env) {
  const child = spawn(node, [cli, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  const printed = new Promise((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (d) => {
      const at = Date.now();
      out += d;
      // --json pretty-prints; the document is complete once the closing brace arrives
      if (/\n}\n$/.test(out)) resolve({ line: out, at });
    });
  });
  const exit = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  return { pid: child.pid, printed, exit };
}

function rssOf(pid) {
  try {
    const status = readFileSync(path.join('/proc', String(pid), 'status'), 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
