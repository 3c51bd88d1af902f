/**
 * `ravi-hooks log` on a 1 GB events.jsonl: wall time and peak RSS for the newest 50 and
 * 5,000 events, against the same command on a one-event log (the fixed cost of starting).
 * The log is real event lines (a 1 MiB block appended `sizeMiB` times), not a sparse file,
 * so the page cache holds what a long-lived machine's log would.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { cli, node, sandbox } from './lib/env.mjs';
import { timed } from './lib/measure.mjs';

function eventLine(i) {
  return `${JSON.stringify({
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 86_400)).toISOString(),
    event: i % 2 ? 'provision.after' : 'provision.before',
    workspace: `/home/me/code/app-${i % 1000}`,
    uuid: i % 2 ? `00000000-0000-4000-8000-${String(i % 1e12).padStart(12, '0')}` : null,
    name: `ws-app-${i % 1000}`,
    provider: 'local',
  })}\n`;
}

function writeLog(file, sizeMiB) {
  let block = '';
  for (let i = 0; Buffer.byteLength(block) < 1024 * 1024; i += 1) block += eventLine(i);
  const bytes = Buffer.from(block);
  const fd = openSync(file, 'w', 0o600);
  for (let i = 0; i < sizeMiB; i += 1) writeSync(fd, bytes);
  writeSync(fd, eventLine(424_242));
  closeSync(fd);
}

export async function benchLog({ sizeMiB = 1024 } = {}) {
  const small = sandbox();
  mkdirSync(small.state, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(small.state, 'events.jsonl'), eventLine(1), { mode: 0o600 });
  const big = sandbox();
  mkdirSync(big.state, { recursive: true, mode: 0o700 });
  writeLog(path.join(big.state, 'events.jsonl'), sizeMiB);
  const run = async (env, limit, expected = limit) => {
    const r = await timed(node, [cli, 'log', '--json', '--limit', String(limit)], { env });
    const events = r.code === 0 ? JSON.parse(r.stdout) : [];
    if (events.length !== expected)
      throw new Error(`log showed ${events.length} of ${expected}: ${r.stderr}`);
    return { wallMs: r.wallMs, cpuMs: r.cpuMs, maxRssMiB: r.maxRssMiB, events: events.length };
  };
  await run(big.env, 50); // warm: the page cache holds the log's tail, as on a machine in use
  return {
    sizeMiB,
    oneEvent: await run(small.env, 50, 1),
    newest50: await run(big.env, 50),
    newest5000: await run(big.env, 5000),
  };
}
