/**
 * Config warnings leave the core through here. The core never prints: `loadConfig` puts its
 * warnings in the resolved config and reports them to the sink the CLI installed, which
 * prints each line once per process (fleet and gc load the same repository config many times).
 */
export type WarningSink = (line: string) => void;

let sink: WarningSink | null = null;
const seen = new Set<string>();

/** Installs (or, with null, removes) the receiver of config warnings. */
export function onConfigWarning(receiver: WarningSink | null): void {
  sink = receiver;
}

export function reportConfigWarnings(lines: readonly string[]): void {
  if (sink === null) return;
  for (const line of lines) {
    if (seen.has(line)) continue;
    seen.add(line);
    sink(line);
  }
}
