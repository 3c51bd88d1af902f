/**
 * How an installed hook calls ravi-hooks: guarded, so a machine without the command gets one
 * clear stderr line instead of an orchestrator step that fails with exit 127.
 *
 *   if command -v ravi-hooks >/dev/null 2>&1; then ravi-hooks provision …; else echo '…' >&2; fi
 *
 * NOTE: "not found" is the only case swallowed. When the command exists, the `if` has its exit
 * status, so a real provision failure still fails the step (and its stderr is still shown).
 * The guard checks the command's first word only: for `--command "node /x/cli.mjs"` that is
 * `node`, which is as far as a shell can check without running it.
 */
import { shQuote } from '../../ops/env';

/** One shell word at the start of `command`: quoted strings, escapes and plain characters. */
const FIRST_WORD = /^(?:'[^']*'|"(?:[^"\\]|\\.)*"|\\.|[^\s'"\\;&|<>()])+/;

/** The first shell word of a hook command, as written (quotes kept): what the guard checks. */
export function firstWord(command: string): string {
  const trimmed = command.trim();
  return FIRST_WORD.exec(trimmed)?.[0] ?? trimmed;
}

/** The stderr line a guarded call prints when the command is missing. */
export function missingLine(command: string, consequence: string): string {
  const shown = firstWord(command).replace(/^'(.*)'$/, '$1');
  return `ravi-hooks: ${shown} is not on PATH, so ${consequence} (install it with npm install -g ravi-hooks, or add its directory to PATH for this shell)`;
}

/**
 * A one-line shell statement that runs `command args…` when the command resolves and prints
 * one stderr line (status 0) when it does not. `args` are shell words as they should appear
 * (adapters pass expansions such as "$AMUX_WORKSPACE_NAME"), `consequence` finishes the
 * sentence "ravi-hooks is not on PATH, so …".
 */
export function shellInvocation(command: string, args: readonly string[], consequence: string): string {
  const call = [command.trim(), ...args].join(' ');
  const message = shQuote(missingLine(command, consequence));
  return `if command -v ${firstWord(command)} >/dev/null 2>&1; then ${call}; else echo ${message} >&2; fi`;
}

/**
 * Matches an installed call of `args` in either form (guarded, or the bare `command args`
 * written before guards existed); group 1 is the command. `args` is a regular-expression
 * source for the words after the command.
 */
export function invocationPattern(args: string): RegExp {
  return new RegExp(
    `^(?:if command -v .+? >/dev/null 2>&1; then (.+?) ${args}; else echo '[^']*' >&2; fi|(.+?) ${args})$`,
  );
}

/** The command of an installed call matched by `invocationPattern`, in either form. */
export function invokedCommand(pattern: RegExp, text: string): string | undefined {
  const match = pattern.exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
}
