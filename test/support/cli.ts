/**
 * Runs the built `ravi-hooks` binary as a user would (global-setup builds a private one per run).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** RAVI_HOOKS_TEST_CLI: a private copy of the bundle (the stress suite's, see test/stress/support). */
export const cliPath = process.env.RAVI_HOOKS_TEST_CLI || path.join(repoRoot, 'packages/cli/dist/cli.mjs');

/**
 * A test's timeout sized from the processes it starts (CLI runs, and the `ravi` runs each of
 * those makes). NOTE: on a busy 2-core machine, with another suite beside this one, a node
 * process takes up to ~2 s from start to exit, and parallel ones queue for the same cores.
 */
export function budgetFor(processes: number): number {
  return 30_000 + processes * 2_000;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Kills a hung child. @default 180_000: longer than any test budget, so the test reports first. */
  timeoutMs?: number;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return runProcess(process.execPath, [cliPath, ...args], options);
}

export function runProcess(file: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // the child may exit before reading stdin
    child.stdin.end(options.input ?? '');
  });
}
