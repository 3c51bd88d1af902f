/**
 * @ravi-hooks/core: provision, tear down, resolve and reconcile per-workspace Ravi identities.
 */

export * from './adapters/types';
export { loadConfig } from './config/load';
export { defineConfig, providerNames, type RaviHooksConfig, type ResolvedConfig } from './config/schema';
export { repoKeys } from './config/trust';
export { onConfigWarning, type WarningSink } from './config/warnings';
export { createEngine, type Engine, type EngineOptions, stateOnly } from './engine';
export * from './errors';
export * from './inbox/index';
export * from './install/index';
export * as files from './io/files';
export { git, type RunResult, run, runInherit, tryGit } from './io/process';
export { type GcEntry, type GcOptions, type GcResult, gc } from './lifecycle/gc';
export { type Lease, type LeaseState, leaseStates } from './lifecycle/lease';
export { forgetLease, type LeaseCounts, type LeaseView, listLeases } from './lifecycle/list';
export {
  type ExtraFiles,
  type ProvisionOptions,
  type ProvisionResult,
  provision,
} from './lifecycle/provision';
export type { LeaseReader } from './lifecycle/store';
export { type TeardownOptions, type TeardownResult, teardown } from './lifecycle/teardown';
export { type DoctorReport, doctor } from './ops/doctor';
export { type EnvFormat, formatEnv, type IdentityEnv, identityEnv, shQuote } from './ops/env';
export { type FleetItem, type FleetOptions, fleetProvision, fleetTeardown } from './ops/fleet';
export { exportSecrets, listSecrets, setSecret } from './ops/secrets';
export { createLocalProvider, LOCAL_EMAIL_DOMAIN } from './providers/local/index';
export { createProvider } from './providers/registry';
export * from './providers/types';
export { parseRaviConfig, type RaviConfigFile, readRaviConfig } from './resolve/ravi-config';
export { type IdentitySource, type Resolution, resolveIdentity } from './resolve/which';
export {
  type EventName,
  followEvents,
  type LifecycleEvent,
  parseEvent,
  readEvents,
  readEventsWithEnd,
  recordEvent,
} from './state/events';
export { homeDir, resolveStateDir, type StatePaths, statePaths } from './state/paths';
export { assertStateDirUsable, STATE_DIR_MODE } from './state/trust';
export { managementVars, withoutManagementKeys } from './workspace/agent-env';
export {
  foreignConfigError,
  foreignConfigWarning,
  inspectWorkspaceConfig,
  type WorkspaceConfigInspection,
} from './workspace/foreign';
export { type GitFacts, gitFacts, repoRootOf, worktreePaths } from './workspace/git';
export { sanitizeName, validateName } from './workspace/names';
export { trackedPaths } from './workspace/tracked';
