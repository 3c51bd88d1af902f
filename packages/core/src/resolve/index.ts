/** The light entry point for hot paths (`which`, the `ravi` shim): no zod, no execa. */

export { onConfigWarning } from '../config/warnings';
export { foreignConfigWarning, inspectWorkspaceConfig } from '../workspace/foreign';
export { gitFacts } from '../workspace/git';
export { ownLeaseUuid } from './own-lease';
export { parseRaviConfig, type RaviConfigFile, readRaviConfig } from './ravi-config';
export { type IdentitySource, type Resolution, resolveIdentity } from './which';
