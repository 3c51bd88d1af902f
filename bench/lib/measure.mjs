/**
 * Timing whole processes. Every run goes through GNU time so the figures include what the
 * child and all its descendants used: wall time, CPU (user + sys) and peak RSS.
 */
import { spawn } from 'node:child_process';

/**
 * @typedef {{ wallMs: number, cpuMs: number, maxRssMiB: number, code: number, stdout: string, stderr: string }} Run
 * @param {string} file
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, input?: string }} [options]
 * @returns {Promise<Run>}
 */
export function timed(file, args, options = {}) {
  return new Promise((resolve, reject) => {
    // NOTE: GNU time writes its line last on stderr; the marker keeps it apart from the child's output
    const child = spawn('/usr/bin/time', ['-f', '\n@@time %e %U %S %M', file, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => {
      const at = stderr.lastIndexOf('\n@@time ');
      const [wall, user, sys, rssKiB] = stderr
        .slice(at + 8)
        .trim()
        .split(' ')
        .map(Number);
      resolve({
        wallMs: wall * 1000,
        cpuMs: (user + sys) * 1000,
        maxRssMiB: rssKiB / 1024,
        code: code ?? 1,
        stdout,
        stderr: stderr.slice(0, Math.max(0, at)),
      });
    });
  });
}

/** Wall time of a process measured here (ms), finer than GNU time's 10 ms, for short runs. */
export function wallOf(file, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && !options.allowFailure) reject(new Error(`${file} ${args.join(' ')} exited ${code}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `n` sequential samples of `fn()` (ms). */
export async function samples(n, fn) {
  const out = [];
  for (let i = 0; i < n; i += 1) out.push(await fn(i));
  return out;
}

export const ms = (v) => `${Math.round(v)} ms`;
export const sec = (v) => `${(v / 1000).toFixed(2)} s`;
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
