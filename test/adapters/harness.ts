/**
 * Running hooks the way orchestrators run them: a `ravi-hooks` on PATH (a wrapper around the
 * built bundle, also on a login shell's PATH through ~/.profile), the orchestrator's shell
 * and env vars, and real git in temp dirs.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliPath, type runCli, runProcess } from '../support/cli';
import { type Sandbox, sandbox } from '../support/env';
import { gitIn } from '../support/tmp';

export interface World extends Sandbox {
  /** Directory holding the `ravi-hooks` wrapper (and any fake agent programs). */
  bin: string;
  /** Runs `ravi-hooks …` as the user would, from `cwd`. */
  cli(args: string[], cwd: string, env?: NodeJS.ProcessEnv): ReturnType<typeof runCli>;
  /** Runs a script through a shell (`sh -c`, or `sh -lc` with `login`), as orchestrators do. */
  sh(
    script: string,
    cwd: string,
    options?: { env?: NodeJS.ProcessEnv; login?: boolean; shell?: string },
  ): ReturnType<typeof runCli>;
  /** Identities the local provider holds right now. */
  identities(): string[];
  /** Puts an executable script on PATH. */
  program(name: string, body: string): void;
}

export function world(extraEnv: NodeJS.ProcessEnv = {}): World {
  const sb = sandbox(extraEnv);
  const bin = path.join(path.dirname(sb.home), 'bin');
  mkdirSync(bin, { recursive: true });
  const program = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), body);
    chmodSync(path.join(bin, name), 0o755);
  };
  program('ravi-hooks', `#!/bin/sh\nexec '${process.execPath}' '${cliPath}' "$@"\n`);
  // NOTE: Debian's /etc/profile resets PATH for login shells (Symphony runs `sh -lc`).
  writeFileSync(path.join(sb.home, '.profile'), `PATH='${bin}':"$PATH"\nexport PATH\n`);
  const env = { ...sb.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
  return {
    ...sb,
    env,
    bin,
    program,
    cli: (args, cwd, more = {}) =>
      runProcess(path.join(bin, 'ravi-hooks'), args, { cwd, env: { ...env, ...more } }),
    sh: (script, cwd, options = {}) =>
      runProcess(options.shell ?? 'sh', [options.login ? '-lc' : '-c', script], {
        cwd,
        env: { ...env, ...options.env },
      }),
    identities() {
      const dir = path.join(sb.state, 'local', 'identities');
      return existsSync(dir) ? readdirSync(dir) : [];
    },
  };
}

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** `git` with the sandbox's isolated config. */
export function gitAt(w: World, cwd: string, args: string[]): string {
  return gitIn(cwd, args, w.env);
}

/** Every file under `dir` (skipping .git) with its bytes, to prove nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return out;
}
