/**
 * `@ravi-hooks/core/lifecycle`: the narrow entry the hot paths load (the git hook, the agent
 * hooks). The main entry also carries adapters' install engine, the inbox and the SMTP sink,
 * none of which a `git worktree add` needs (the bundle splits at this boundary).
 */
export { RaviHooksError, toRaviHooksError } from '../errors';
export { gitFacts } from '../workspace/git';
export { type ProvisionOptions, type ProvisionResult, provision } from './provision';
export { type TeardownOptions, type TeardownResult, teardown } from './teardown';
