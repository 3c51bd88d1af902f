#!/usr/bin/env node
/**
 * `pnpm bench`: every benchmark in one run on one machine, figures and ratios side by
 * side, then the raw numbers as JSON (BENCH_JSON=<file>). Not timed tests: nothing here
 * passes or fails on a threshold; targets are printed beside the figures.
 *
 *   node bench/run.mjs [fleet,calls,hook,cold,scale,log,otp]   (default: all)
 *   BENCH_QUICK=1   smaller sizes, for trying the harness out
 */
import { writeFileSync } from 'node:fs';
import { benchCalls } from './calls.mjs';
import { benchColdStart } from './cold-start.mjs';
import { benchFleet } from './fleet.mjs';
import { benchHook } from './hook.mjs';
import { closeEmulators } from './lib/emulator.mjs';
import { machine } from './lib/machine.mjs';
import { ms, ratio, sec } from './lib/measure.mjs';
import { benchLog } from './log.mjs';
import { benchOtp } from './otp.mjs';
import { benchScale } from './scale.mjs';

const quick = process.env.BENCH_QUICK === '1';
const only = new Set((process.argv[2] ?? 'fleet,calls,hook,cold,scale,log,otp').split(','));
const results = { machine: machine(), quick };
const out = (line = '') => console.log(line);

out(`machine: ${JSON.stringify(results.machine)}`);
if (results.machine.load[0] >= 1.5) out('WARNING: load average ≥ 1.5, figures are noisy; rerun when quiet');

/** Prints one fleet run: bounds, every pattern, and ours against the bounds. */
function printFleet(fleet) {
  const { bounds, count, concurrency, latencyMs } = fleet;
  const ours = fleet.rows[0];
  out(`\n## Fleet: ${count} workspaces, ${latencyMs} ms latency per API request, concurrency ${concurrency}`);
  out(`ideal (brief): ceil(${count}/${concurrency}) × 2 calls × ${latencyMs} ms = ${ms(bounds.ideal)}`);
  out(`by requests:   ${bounds.rounds} × 3 requests × ${latencyMs} ms = ${ms(bounds.requests)}`);
  out(
    `emulator floor: + 2 emulator start-ups of ${ms(bounds.emulatorStartupMs)} per round = ${ms(bounds.emulatorFloor)}`,
  );
  for (const row of fleet.rows) {
    out(
      `${row.label.padEnd(50)} wall ${sec(row.wallMs).padStart(8)}  cpu ${sec(row.cpuMs).padStart(8)}  ` +
        `done ${String(row.completed).padStart(3)}/${count}  identities ${String(row.identities).padStart(3)}  ` +
        `calls/ws ${row.callsPerWorkspace.toFixed(2)}  ` +
        (row === ours
          ? ''
          : row.code === 0
            ? `ravi-hooks speed-up ${ratio(row.wallMs, ours.wallMs)}`
            : 'failed') +
        (row.error ? `\n${''.padEnd(52)}exit ${row.code}: ${row.error}` : ''),
    );
  }
  out(
    `ravi-hooks: ${ratio(ours.wallMs, bounds.ideal)} the brief's ideal (target ≤ 1.25×), ` +
      `${ratio(ours.wallMs, bounds.requests)} the request bound, ${ratio(ours.wallMs, bounds.emulatorFloor)} the emulator floor; ` +
      `CPU-bound floor on ${results.machine.nproc} cores: ${sec(ours.cpuMs / results.machine.nproc)}`,
  );
}

const strip = (fleet) => ({ ...fleet, rows: fleet.rows.map(({ dirs, world, ...row }) => row) });

if (only.has('fleet') || only.has('calls')) {
  const fleet = await benchFleet(quick ? { count: 16 } : {});
  results.fleet = strip(fleet);
  printFleet(fleet);
  // at 100 ms the emulator's own CPU (a Node process per call) binds on two cores; at
  // 500 ms latency binds, which shows how close the scheduling itself comes to the bound
  const slow = await benchFleet({ ...(quick ? { count: 16 } : {}), latencyMs: 500, seeds: 'python' });
  results.fleetSlow = strip(slow);
  printFleet(slow);
  if (only.has('calls')) {
    const calls = await benchCalls(fleet);
    results.calls = calls;
    out('\n## Calls per workspace (emulator argv log)');
    out(`ravi-hooks: ${calls.ours.perWorkspace.toFixed(2)} (target 2) ${JSON.stringify(calls.ours.calls)}`);
    out(`seed bash:  ${calls.seed.perWorkspace.toFixed(2)} ${JSON.stringify(calls.seed.calls)}`);
    out(
      `\`ravi get email\` in a ravi-hooks workspace: exit ${calls.ourGetEmail.code}: ${calls.ourGetEmail.output}`,
    );
    out(
      `\`ravi get email\` in a seed workspace:       exit ${calls.seedGetEmail.code}: ${calls.seedGetEmail.output}`,
    );
    out(
      `  … with RAVI_CONFIG_DIR as the seeds say:   exit ${calls.seedGetEmailConfigDir.code}: ${calls.seedGetEmailConfigDir.output}`,
    );
  }
}

if (only.has('hook')) {
  const hook = await benchHook(quick ? { runs: 5 } : {});
  results.hook = hook;
  out(`\n## Hook overhead: git worktree add, median of ${hook.runs}`);
  out(
    `without hook ${ms(hook.withoutMs)}, with hook ${ms(hook.withMs)}, added ${ms(hook.addedMs)} (target ≤ 150 ms)`,
  );
}

if (only.has('cold')) {
  const cold = await benchColdStart(quick ? { runs: 10 } : {});
  results.cold = cold;
  out(`\n## Cold start: ravi-hooks which from a nested dir, median of ${cold.runs}`);
  out(
    `ravi-hooks which ${ms(cold.whichMs)} (target ≤ 100 ms), node -e 0 ${ms(cold.nodeMs)}, ` +
      `ours above the floor ${ms(cold.whichMs - cold.nodeMs)}`,
  );
}

if (only.has('scale')) {
  const scale = await benchScale(quick ? { gcSizes: [200, 1000], fleetSizes: [20, 100] } : {});
  results.scale = scale;
  out('\n## Scale (local provider)');
  for (const { n, scan, reclaim } of scale.gc) {
    out(
      `gc, ${String(n).padStart(6)} live records: ${sec(scan.wallMs)} (${scan.perItemMs.toFixed(3)} ms/record), peak ${scan.maxRssMiB.toFixed(0)} MiB; ` +
        `all gone: ${sec(reclaim.wallMs)} (${reclaim.perItemMs.toFixed(3)} ms/record), peak ${reclaim.maxRssMiB.toFixed(0)} MiB`,
    );
  }
  for (const { n, provision } of scale.fleet) {
    out(
      `fleet provision ${String(n).padStart(4)}: ${sec(provision.wallMs)} (${provision.perItemMs.toFixed(1)} ms/workspace), peak ${provision.maxRssMiB.toFixed(0)} MiB`,
    );
  }
}

if (only.has('log')) {
  const log = await benchLog(quick ? { sizeMiB: 64 } : {});
  results.log = log;
  const row = (r) => `${ms(r.wallMs)}, peak ${r.maxRssMiB.toFixed(0)} MiB`;
  out(`\n## log on a ${log.sizeMiB} MiB events.jsonl (newest events, read backwards)`);
  out(
    `newest 50: ${row(log.newest50)}; newest 5,000: ${row(log.newest5000)}; a one-event log: ${row(log.oneEvent)}`,
  );
}

if (only.has('otp')) {
  const otp = await benchOtp(quick ? { runs: 5, waiters: 10 } : {});
  results.otp = otp;
  out(`\n## otp --wait (local provider), ${otp.runs} deliveries`);
  out(
    `delivery to print: median ${ms(otp.latencyMedianMs)} (target ≤ 100 ms), max ${ms(otp.latencyMaxMs)}; ` +
      `past --timeout: median ${ms(otp.timeoutOvershootMedianMs)}, max ${ms(otp.timeoutOvershootMaxMs)} (target ≤ 1 s)`,
  );
  out(
    `${otp.waiters} waiters at once: RSS sum ${otp.waitersRssMiB.toFixed(0)} MiB ` +
      `(${(otp.waitersRssMiB / otp.waiters).toFixed(1)} MiB each; bare node ${otp.nodeFloorRssMiB.toFixed(1)} MiB), ` +
      `all got their code: ${otp.waitersAllGotTheirCode}`,
  );
}

await closeEmulators();
results.loadAfter = machine().load;
out(`\nload average after: ${results.loadAfter.join(' ')}`);
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
