/**
 * The machine a benchmark ran on, printed beside every figure: numbers from a loaded or
 * different machine are not comparable.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(safeRead('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? '?';
  return {
    nproc: os.availableParallelism(),
    cpu: cpu.trim(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    load: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

function safeRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
