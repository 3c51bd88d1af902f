/**
 * Everything the CLI prints goes through here: one JSON document on stdout with --json,
 * a short human summary otherwise, and errors as one line on stderr.
 */
import { isRaviHooksError, type RaviHooksError, redact, toRaviHooksError } from '@ravi-hooks/core/errors';

export interface Output {
  json: boolean;
  debug: boolean;
  /** Prints the result: `data` as JSON with --json, else the human text. */
  result(data: unknown, human: () => string): void;
  /** Progress and notes for humans; goes to stderr so stdout stays machine-readable. */
  info(line: string): void;
  /** Prints an error in one line (plus hint, and the cause chain with --debug); returns the exit code. */
  error(error: unknown): number;
}

export function createOutput(options: { json: boolean; debug: boolean }): Output {
  return {
    ...options,
    result(data, human) {
      if (options.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      else {
        const text = human();
        if (text.length > 0) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      }
    },
    info(line) {
      if (!options.json) process.stderr.write(`${line}\n`);
    },
    error(error) {
      const err = toRaviHooksError(error);
      const hint = err.hint ? ` (${err.hint})` : '';
      process.stderr.write(`ravi-hooks: ${redact(err.message)}${hint}\n`);
      // NOTE: with --json a script reads stdout only: the error is also its one JSON document
      if (options.json) process.stdout.write(`${JSON.stringify(errorJson(err))}\n`);
      if (options.debug) process.stderr.write(causeChain(err));
      return err.exitCode;
    },
  };
}

/** `{"error": {"code", "message", "hint"}}`, redacted like the stderr line. */
export function errorJson(err: RaviHooksError): {
  error: { code: string; message: string; hint: string | null };
} {
  return {
    error: { code: err.code, message: redact(err.message), hint: err.hint ? redact(err.hint) : null },
  };
}

function causeChain(err: RaviHooksError): string {
  const lines: string[] = [`  code: ${err.code}`];
  let cause: unknown = err.cause;
  let depth = 0;
  while (cause !== undefined && depth < 8) {
    const message =
      cause instanceof Error ? (isRaviHooksError(cause) ? cause.message : cause.message) : String(cause);
    lines.push(`  caused by: ${redact(message.split('\n')[0] ?? '')}`);
    cause = cause instanceof Error ? cause.cause : undefined;
    depth += 1;
  }
  return `${lines.join('\n')}\n`;
}
