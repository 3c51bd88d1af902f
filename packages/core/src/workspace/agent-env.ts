/**
 * The environment an agent (or anything else we start in a workspace) gets: the caller's,
 * minus every management credential. The management key can create and delete identities
 * on the user's paid account; an agent needs its own identity key only (in `.ravi`).
 */

/** Variables that hold an account's management key by name. */
export const MANAGEMENT_KEY_VARS = ['RAVI_HOOKS_MANAGEMENT_KEY', 'RAVI_MANAGEMENT_KEY'] as const;

// NOTE: by name (any *MANAGEMENT_KEY variable) and by value (management keys start `ravi_mk_`,
// the local provider's `local_mk_`), so `export MY_KEY=$RAVI_HOOKS_MANAGEMENT_KEY` is caught too.
const namePattern = /MANAGEMENT_KEY$/i;
const valuePattern = /^\s*(?:ravi|local)_mk_/;

/** Names of the variables in `env` that hold a management credential. */
export function managementVars(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter((name) => {
    const value = env[name];
    if (value === undefined) return false;
    return (
      (MANAGEMENT_KEY_VARS as readonly string[]).includes(name) ||
      namePattern.test(name) ||
      valuePattern.test(value)
    );
  });
}

/** A copy of `env` without any management credential. */
export function withoutManagementKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const name of managementVars(env)) delete out[name];
  return out;
}
