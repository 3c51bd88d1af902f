/** The light entry point for hot paths (`which`, the `ravi` shim): no zod, no execa. */
export { resolveIdentity, type Resolution, type IdentitySource } from './which';
export { readRaviConfig, parseRaviConfig, type RaviConfigFile } from './ravi-config';
