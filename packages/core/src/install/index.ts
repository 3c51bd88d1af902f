/**
 * Installing orchestrator adapters: the I/O engine that runs an adapter (context from git,
 * checked paths, atomic writes with rollback, dry-run diffs) and the pure edit helpers the
 * adapters share (marked blocks in scripts, splicing JSON edits).
 */
export { adapterContext, type ContextOptions } from './context';
export * from './edits/invocation';
export * from './edits/json';
export * from './edits/json-commands';
export * from './edits/script';
export * from './edits/steps';
export * from './edits/text';
export * from './edits/toml';
export { type HookCheck, postCheckoutCheck } from './hook-check';
export {
  type AdapterStatus,
  adapterStatus,
  type InstalledFile,
  type InstallOptions,
  type InstallResult,
  installAdapter,
} from './install';
export { checkedPath, scopeDir } from './paths';
export {
  type CurrentFile,
  type FileAction,
  type PlannedFile,
  planAdapter,
  readFiles,
  unifiedDiff,
} from './plan';
export { writePlanned } from './write';
