/**
 * @ravi-hooks/core: provision, tear down, resolve and reconcile per-workspace Ravi identities.
 */
export * from './errors';
export * from './adapters/types';
export * from './providers/types';
export { createProvider } from './providers/registry';
export { createLocalProvider, LOCAL_EMAIL_DOMAIN } from './providers/local/index';
export { defineConfig, type RaviHooksConfig, type ResolvedConfig, providerNames } from './config/schema';
export { loadConfig } from './config/load';
export { createEngine, type Engine, type EngineOptions, stateOnly } from './engine';
export { resolveIdentity, type Resolution, type IdentitySource } from './resolve/which';
export { readRaviConfig, parseRaviConfig, type RaviConfigFile } from './resolve/ravi-config';
export { resolveStateDir, statePaths, homeDir, type StatePaths } from './state/paths';
export { Ledger } from './state/ledger';
export type { LedgerRecord, OrphanRecord } from './state/records';
export { readEvents, recordEvent, type LifecycleEvent, type EventName } from './state/events';
export { provision, type ProvisionOptions, type ProvisionResult, type ExtraFiles } from './ops/provision';
export { teardown, type TeardownOptions, type TeardownResult } from './ops/teardown';
export { gc, type GcOptions, type GcResult, type GcEntry } from './ops/gc';
export { identityEnv, formatEnv, shQuote, type EnvFormat, type IdentityEnv } from './ops/env';
export { fleetProvision, fleetTeardown, type FleetItem, type FleetOptions } from './ops/fleet';
export { doctor, type DoctorReport } from './ops/doctor';
export { validateName, sanitizeName } from './workspace/names';
export { gitFacts, repoRootOf, worktreePaths, type GitFacts } from './workspace/git';
export { run, runInherit, git, tryGit, type RunResult } from './io/process';
export * as files from './io/files';
