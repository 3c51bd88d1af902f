/**
 * Does the hook command resolve in the shell the orchestrator really uses? A login shell
 * (`sh -lc`, Symphony) rebuilds PATH from /etc/profile and ~/.profile, so a ravi-hooks that
 * works in the user's terminal can be missing there; `init` asks that very shell and, when it
 * cannot find the command, says exactly what to add where.
 */
import path from 'node:path';
import type { HookShell } from '../adapters/types';
import { run } from '../io/process';
import { firstWord } from './edits/invocation';

type Env = Record<string, string | undefined>;

/** The argv that starts `shell` with a script, as the orchestrator would. */
function shellArgv(shell: HookShell, env: Env): [string, string] {
  if (shell === '$SHELL -c') return [env.SHELL || '/bin/sh', '-c'];
  return ['/bin/sh', shell === 'sh -lc' ? '-lc' : '-c'];
}

/** Where `word` resolves in `shell`, or null. */
async function resolveIn(argv: [string, string], word: string, env: Env, cwd: string) {
  const result = await run(argv[0], [argv[1], `command -v ${word}`], {
    env: env as Record<string, string>,
    extendEnv: false,
    cwd,
    timeoutMs: 15_000,
  });
  const found = result.stdout.trim().split('\n').at(-1) ?? '';
  return result.exitCode === 0 && found !== '' ? found : null;
}

/**
 * A warning when `command` does not resolve in the orchestrator's `shell`, naming the file to
 * edit and the line to add; undefined when it resolves.
 */
export async function hookShellWarning(
  shell: HookShell,
  command: string,
  options: { env: Env; home: string; orchestrator: string },
): Promise<string | undefined> {
  const { env, home, orchestrator } = options;
  const word = firstWord(command);
  const argv = shellArgv(shell, env);
  if (await resolveIn(argv, word, env, home)) return undefined;
  const here = await resolveIn(['/bin/sh', '-c'], word, env, home);
  const runs = `${orchestrator} runs its hooks with \`${shell}\``;
  // NOTE: a path under npx's cache disappears; only a real install keeps hooks working.
  if (!here || here.includes(`${path.sep}_npx${path.sep}`)) {
    return `${runs}, and \`${word}\` is not on PATH there: install it with \`npm install -g ravi-hooks\` (or pass --command), or the hooks will only print that it is missing`;
  }
  const line = `export PATH="${path.dirname(here)}:$PATH"`;
  const profile =
    shell === 'sh -lc'
      ? '~/.profile'
      : path.basename(argv[0]) === 'zsh'
        ? '~/.zshenv'
        : `the profile of the session ${orchestrator} is started from (e.g. ~/.profile, then log in again)`;
  return `${runs}, which does not find \`${word}\` (here it is ${here}): add \`${line}\` to ${profile}`;
}
