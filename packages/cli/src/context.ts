import type { Output } from './output';

/** What every command gets: where it runs, its environment and the output channel. */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  out: Output;
  /** Absolute path of this CLI bundle, for hooks and shims that call us back. */
  self: string;
}
