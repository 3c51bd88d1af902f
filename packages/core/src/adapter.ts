/**
 * `@ravi-hooks/core/adapter`: what an orchestrator adapter may use, and nothing more.
 * Adapters are pure text transforms: the contract's types, the error they throw, and the
 * shared edit helpers (marked script blocks, JSON/TOML/text splicing, the guarded hook line).
 * No file writer, no process runner, no provider: the core does the I/O around adapters.
 * Lint (biome.json) keeps adapters on this entry point.
 */
export * from './adapters/types';
export { AdapterError } from './errors';
export * from './install/edits/invocation';
export * from './install/edits/json';
export * from './install/edits/json-commands';
export * from './install/edits/script';
export * from './install/edits/steps';
export * from './install/edits/text';
export * from './install/edits/toml';
export { shQuote } from './ops/env';
