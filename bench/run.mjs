#!/usr/bin/env node
/**
 * `pnpm bench`: every benchmark in one run on one machine, figures and ratios side by
 * side, then the raw numbers as JSON (BENCH_JSON=<file>). Not timed tests: nothing here
 * passes or fails on a threshold; targets are printed beside the figures.
 *
 *   node bench/run.mjs [fleet,hook,cold,scale]   (default: all)
 *   BENCH_QUICK=1   smaller sizes, for trying the harness out
 */
import { writeFileSync } from 'node:fs';
import { benchColdStart } from './cold-start.mjs';
import { benchFleet } from './fleet.mjs';
import { benchHook } from './hook.mjs';
import { closeEmulators } from './lib/emulator.mjs';
import { node } from './lib/env.mjs';
import { machine } from './lib/machine.mjs';
import { median, ms, ratio, samples, sec, wallOf } from './lib/measure.mjs';
import { benchScale } from './scale.mjs';

const quick = process.env.BENCH_QUICK === '1';
const only = new Set((process.argv[2] ?? 'fleet,hook,cold,scale').split(','));
const results = { machine: machine(), quick };
const out = (line = '') => console.log(line);

out(`machine: ${JSON.stringify(results.machine)}`);
if (results.machine.load[0] >= 1.5) out('WARNING: load average ≥ 1.5, figures are noisy; rerun when quiet');

// one bare Node start: the floor of every Node process, and the unit of two targets
results.nodeMs = median(await samples(quick ? 7 : 15, () => wallOf(node, ['-e', '0'])));
out(`bare \`node -e 0\`: ${ms(results.nodeMs)} (median)`);

function printFleet(fleet) {
  const { rows, floors, count, concurrency, latencyMs, rounds } = fleet;
  const [http, withKey, viaCli, harness] = rows;
  out(`\n## Fleet: ${count} workspaces, ${latencyMs} ms per API request, concurrency ${concurrency}`);
  out(
    `request-latency floor: ${rounds} rounds × 2 requests × ${latencyMs} ms + node -e 0 = ${ms(floors.twoRequests)}` +
      ` (1 request: ${ms(floors.oneRequest)})`,
  );
  out(`one emulated \`ravi\` call (no request): ${ms(fleet.emulatorCallMs)} wall`);
  for (const row of rows) {
    out(
      `${row.label.padEnd(48)} wall ${sec(row.wallMs).padStart(7)}  cpu ${sec(row.cpuMs).padStart(7)}  ` +
        `done ${String(row.completed).padStart(3)}/${count}  identities ${String(row.identities).padStart(3)}  ` +
        `requests/ws ${row.requestsPerWorkspace.toFixed(2)}  ravi/ws ${row.raviPerWorkspace.toFixed(2)}` +
        (row.error ? `\n${''.padEnd(50)}exit ${row.code}: ${row.error}` : ''),
    );
  }
  out(`HTTP vs its floor:            ${ratio(http.wallMs, floors.twoRequests)} (target ≤ 1.30×)`);
  out(`HTTP + api_key vs its floor:  ${ratio(withKey.wallMs, floors.oneRequest)} (target ≤ 1.30×)`);
  out(`bash + jq harness / HTTP:     ${ratio(harness.wallMs, http.wallMs)} faster (target ≥ 2×)`);
  out(`transport cli / HTTP:         ${ratio(viaCli.wallMs, http.wallMs)}`);
  out('\n## Requests per workspace (target 2; 1 with api_key; no `ravi` process)');
  out(
    `HTTP: ${http.requestsPerWorkspace.toFixed(2)} requests, ${http.raviPerWorkspace.toFixed(2)} ravi processes`,
  );
  out(
    `HTTP + api_key: ${withKey.requestsPerWorkspace.toFixed(2)} requests, ${withKey.raviPerWorkspace.toFixed(2)} ravi processes`,
  );
  out(`transport cli: ${viaCli.raviPerWorkspace.toFixed(2)} ravi processes ${JSON.stringify(viaCli.calls)}`);
}

if (only.has('fleet')) {
  const fleet = await benchFleet({ ...(quick ? { count: 16 } : {}), nodeMs: results.nodeMs });
  results.fleet = fleet;
  printFleet(fleet);
}

if (only.has('hook')) {
  const hook = await benchHook(quick ? { runs: 5 } : {});
  results.hook = hook;
  out(`\n## Hook overhead: git worktree add (local provider), median of ${hook.runs}`);
  out(
    `without hook ${ms(hook.withoutMs)}, with hook ${ms(hook.withMs)}, added ${ms(hook.addedMs)} = ` +
      `${ratio(hook.addedMs, results.nodeMs)} node -e 0 (target ≤ 1.5×)`,
  );
}

if (only.has('cold')) {
  const cold = await benchColdStart(quick ? { runs: 10 } : {});
  results.cold = cold;
  out(`\n## Cold start: ravi-hooks which from a nested dir, median of ${cold.runs}`);
  out(
    `ravi-hooks which ${ms(cold.whichMs)}, node -e 0 ${ms(cold.nodeMs)} (same runs): ` +
      `${ratio(cold.whichMs, cold.nodeMs)} (target ≤ 1.3×)`,
  );
}

if (only.has('scale')) {
  const scale = await benchScale(quick ? { gcSizes: [200, 1000], fleetSizes: [20, 100] } : {});
  results.scale = scale;
  out('\n## Scale (local provider)');
  for (const { n, list, scan, reclaim } of scale.gc) {
    out(
      `list, ${String(n).padStart(6)} leases: ${sec(list.wallMs)} (${list.perItemMs.toFixed(3)} ms/lease), peak ${list.maxRssMiB.toFixed(0)} MiB` +
        (n >= 10000 ? ` (target: under 1 s at 10,000: ${list.wallMs < 1000 ? 'met' : 'MISSED'})` : ''),
    );
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

await closeEmulators();
results.loadAfter = machine().load;
out(`\nload average after: ${results.loadAfter.join(' ')}`);
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
