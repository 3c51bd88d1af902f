import { type Command, InvalidArgumentError } from 'commander';

/** Every command takes --json (one JSON document on stdout) and --debug (cause chains). */
export function common(command: Command): Command {
  return command
    .option('--json', 'print one JSON document on stdout')
    .option('--debug', 'show error causes (redacted)');
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Renders rows as an aligned plain-text table. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
