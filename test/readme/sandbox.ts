/**
 * A reader's machine in a temp dir, for running README blocks verbatim: an empty HOME
 * holding `~/code/app` (a git repository with a `src/` directory), the built CLI on PATH as
 * `ravi-hooks`, a stand-in `claude` agent, the default (local) provider, and nothing from
 * this process's RAVI_* environment.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CliResult, cliPath, runProcess } from '../support/cli';
import { gitdir, gitEnv, gitIn, testdir } from '../support/tmp';

export interface ReaderMachine {
  home: string;
  /** `~/code/app`, where the README's examples start. */
  app: string;
  env: NodeJS.ProcessEnv;
  /** Runs a README block with bash -e (the first failing line fails it), from `cwd`. */
  run(script: string, cwd?: string): Promise<CliResult>;
}

/** A stand-in agent: prints the identity it was given, as a real agent would use it. */
const agent = '#!/bin/sh\necho "agent sees RAVI_EMAIL=$RAVI_EMAIL"\n';

export function readerMachine(): ReaderMachine {
  const home = testdir({ 'code/.keep': '' });
  const app = path.join(home, 'code', 'app');
  const repo = gitdir({ 'README.md': '# app\n', 'src/index.js': 'export {};\n' });
  gitIn(path.dirname(app), ['clone', '-q', repo, app]);
  const bin = path.join(home, '.local', 'bin');
  mkdirSync(bin, { recursive: true });
  // NOTE: what a global install gives a user: `ravi-hooks` on PATH, started by node
  writeFileSync(path.join(bin, 'ravi-hooks'), `#!/bin/sh\nexec '${process.execPath}' '${cliPath}' "$@"\n`);
  writeFileSync(path.join(bin, 'claude'), agent);
  for (const file of ['ravi-hooks', 'claude']) chmodSync(path.join(bin, file), 0o755);
  const env: NodeJS.ProcessEnv = {
    ...gitEnv(home),
    PATH: [bin, path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
    SHELL: '/bin/sh',
    XDG_CONFIG_HOME: '',
    XDG_STATE_HOME: '',
  };
  for (const name of Object.keys(process.env)) if (/^RAVI_/.test(name)) env[name] = '';
  return {
    home,
    app,
    env,
    run: (script, cwd = home) =>
      runProcess('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd, env: { ...env, PWD: cwd } }),
  };
}
