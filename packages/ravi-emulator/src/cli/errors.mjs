/**
 * The one error type handlers throw: its message is exactly the text the real CLI's
 * `err.Error()` would produce, printed by main with the current formatter, exit 1.
 */
export class CliError extends Error {
  name = 'CliError';
}
