/**
 * Reading what ravi v0.6.2 says when it fails, and deciding what that means for us.
 * The exit code is 1 for every error, so the text is all there is: runtime errors print
 * `{"error": "…"}` on stderr, usage errors print plain `Error: …` (cobra validates flags
 * before the JSON formatter is switched on).
 */
import type { z } from 'zod';
import { oneLine, ProviderError, redact } from '../../errors';
import { stderrErrorSchema } from './schemas';

export type Failure =
  | { kind: 'rate-limited'; text: string; retryAfterSeconds: number | undefined }
  /** `ambiguous`: the request may have reached the server (so it may have taken effect). */
  | { kind: 'transient'; text: string; ambiguous: boolean }
  | { kind: 'fatal'; text: string };

/** The CLI's own one-line error message, redacted and capped; never the whole stream. */
export function cliErrorText(stderr: string): string {
  const clean = stderr.replace(/\u001b\[[0-9;]*m/g, '').trim();
  let text: string | undefined;
  const brace = clean.indexOf('{');
  if (brace >= 0) {
    const parsed = stderrErrorSchema.safeParse(safeJson(clean.slice(brace)));
    if (parsed.success) text = parsed.data.error;
  }
  text ??= /^Error:\s*(.*)$/m.exec(clean)?.[1];
  text ??= clean.split(/\r?\n/).find((line) => line.trim().length > 0);
  const line = oneLine(redact(text ?? ''));
  return line.length > 240 ? `${line.slice(0, 240)}…` : line;
}

const rateLimited = /Rate limited:.*?(?:\(retry in (\d+)s\))?$/;
const serverError = /API error \(status 5\d\d\)/;
// Go's net/http error texts. The first group fails before a request is sent.
const neverSent = /connection refused|no such host|network is unreachable|server misbehaving|TLS handshake/i;
const maybeSent =
  /Client\.Timeout exceeded|context deadline exceeded|i\/o timeout|connection reset|broken pipe|unexpected EOF|: EOF$/i;

export function classify(text: string): Failure {
  const rate = rateLimited.exec(text);
  if (rate) return { kind: 'rate-limited', text, retryAfterSeconds: rate[1] ? Number(rate[1]) : undefined };
  if (serverError.test(text)) return { kind: 'transient', text, ambiguous: true };
  if (neverSent.test(text)) return { kind: 'transient', text, ambiguous: false };
  if (maybeSent.test(text)) return { kind: 'transient', text, ambiguous: true };
  return { kind: 'fatal', text };
}

/** The ProviderError for a failed `ravi <command>`; transient ones carry what retrying needs. */
export function failureError(command: string, failure: Failure): ProviderError {
  const message = `ravi ${command} failed: ${failure.text || 'no error message'}`;
  if (failure.kind === 'rate-limited') {
    return new ProviderError('E_RATE_LIMITED', message, {
      transient: true,
      ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
      hint: 'the Ravi API is rate limiting this account; try again later',
    });
  }
  if (failure.kind === 'transient') {
    return new ProviderError('E_PROVIDER', message, {
      transient: true,
      details: { ambiguous: failure.ambiguous },
      hint: 'the Ravi API could not be reached or failed; check the network and try again',
    });
  }
  return new ProviderError('E_PROVIDER', message, { hint: fatalHint(failure.text) });
}

function fatalHint(text: string): string {
  if (/unknown (flag|command)|accepts \d+ arg/.test(text))
    return 'this ravi does not match v0.6.2; run `ravi-hooks doctor`';
  if (/API error: .*(auth|credential|key)/i.test(text))
    return 'the management key was refused; run `ravi auth login` again';
  return 'run `ravi-hooks doctor` to check the ravi setup';
}

/**
 * Parses a successful command's stdout. "exit 0 but not what we asked for" (help text for
 * a subcommand this ravi lacks, non-JSON, truncated, wrong shape) is E_PROVIDER_OUTPUT.
 */
export function parseStdout<S extends z.ZodType>(command: string, stdout: string, schema: S): z.output<S> {
  const trimmed = stdout.trim();
  if (/^Usage:\s*$/m.test(trimmed) || /^Available Commands:/m.test(trimmed)) {
    throw outputError(command, 'printed help text instead of JSON (this ravi lacks the command)');
  }
  const value = safeJson(trimmed);
  if (value === undefined) {
    throw outputError(
      command,
      trimmed === '' ? 'printed nothing' : 'printed output that is not JSON (or is truncated)',
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => issue.path.join('.') || '(root)')
      .join(', ');
    throw outputError(command, `printed JSON of an unexpected shape (at ${where})`);
  }
  return parsed.data;
}

export function outputError(command: string, what: string): ProviderError {
  return new ProviderError('E_PROVIDER_OUTPUT', `ravi ${command} ${what}`, {
    hint: 'ravi-hooks expects ravi v0.6.x; run `ravi-hooks doctor`',
  });
}

/** JSON.parse, or undefined when the text is not JSON. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
