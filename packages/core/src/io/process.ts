/**
 * The only module that spawns processes. Always an argument array, never a shell string.
 * Errors surface execa's `shortMessage`, never `.message`, which embeds the child's output
 * (and so possibly keys).
 */
import { execFile, spawn } from 'node:child_process';
import type { Options } from 'execa';
import { RaviHooksError, redact } from '../errors';

export interface RunOptions {
  cwd?: string;
  /** Replaces the environment entirely when `extendEnv` is false. */
  env?: Record<string, string | undefined>;
  /** @default true */
  extendEnv?: boolean;
  /** @default 30_000 */
  timeoutMs?: number;
  input?: string;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** True when the process could not be started at all (ENOENT, EACCES). */
  notFound: boolean;
  timedOut: boolean;
  signal: string | undefined;
}

/** Runs `file args…` and captures its output; never throws for a non-zero exit. */
export async function run(
  file: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const execaOptions: Options = {
    cwd: options.cwd,
    env: options.env,
    extendEnv: options.extendEnv ?? true,
    timeout: options.timeoutMs ?? 30_000,
    input: options.input,
    stdin: options.input === undefined ? 'ignore' : undefined,
    reject: false,
    stripFinalNewline: false,
    encoding: 'utf8',
    killSignal: 'SIGKILL',
  };
  // NOTE: execa is loaded on first use: the `ravi` shim and `exec` (agents' hot path) only
  // need runInherit, and importing execa costs ~60 ms of start-up.
  const { execa } = await import('execa');
  const result = await execa(file, args, execaOptions);
  const code = (result as { code?: string }).code;
  return {
    exitCode: typeof result.exitCode === 'number' ? result.exitCode : result.failed ? 127 : 0,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    notFound: code === 'ENOENT' || code === 'EACCES',
    timedOut: Boolean(result.timedOut),
    signal: result.signal ?? undefined,
  };
}

export interface InheritResult {
  exitCode: number;
  signal: string | undefined;
  notFound: boolean;
}

/**
 * Runs a command with the caller's stdin/stdout/stderr, for `exec` and the `ravi` shim.
 * The child's exit code is returned so the CLI can pass it through.
 */
export function runInherit(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<InheritResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: 'inherit' });
    child.on('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT' || error.code === 'EACCES';
      // NOTE: like a shell: 126 found but not executable, 127 not found
      const exitCode = error.code === 'EACCES' ? 126 : missing ? 127 : 1;
      resolve({ exitCode, signal: undefined, notFound: missing });
    });
    child.on('close', (code, signal) => {
      resolve({ exitCode: code ?? 1, signal: signal ?? undefined, notFound: false });
    });
  });
}

/** Runs git; throws a clean error when git itself fails. */
export async function git(args: readonly string[], cwd: string): Promise<string> {
  const result = await runGit(args, cwd);
  if (result.notFound) {
    throw new RaviHooksError('E_INTERNAL', 'git is not installed', { hint: 'install git and try again' });
  }
  if (result.exitCode !== 0) {
    throw new RaviHooksError('E_INTERNAL', `git ${args[0]} failed: ${redact(firstLine(result.stderr))}`);
  }
  return result.stdout;
}

/** Runs git, returning null instead of throwing when it fails (e.g. not a repository). */
export async function tryGit(args: readonly string[], cwd: string): Promise<string | null> {
  const result = await runGit(args, cwd);
  return result.exitCode === 0 ? result.stdout : null;
}

/**
 * git through plain execFile: it runs in every provision (and so inside the git hook),
 * where loading execa for a few short `git rev-parse` calls cost ~20 ms of the budget.
 */
function runGit(
  args: readonly string[],
  cwd: string,
): Promise<Pick<RunResult, 'exitCode' | 'stdout' | 'stderr' | 'notFound'>> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd, timeout: 15_000, killSignal: 'SIGKILL', maxBuffer: 64 * 2 ** 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        const missing = code === 'ENOENT' || code === 'EACCES';
        const exitCode = error === null ? 0 : typeof code === 'number' ? code : missing ? 127 : 1;
        resolve({ exitCode, stdout, stderr, notFound: missing });
      },
    );
  });
}

export function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  );
}
