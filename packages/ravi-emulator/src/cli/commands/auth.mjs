/**
 * `ravi version` and `ravi auth login|logout|status` (`pkg/cli/auth.go`, `root.go`).
 * None of these reach the API in the emulator, so no fault injection applies.
 */
import { clearAll, loadConfig } from '../config.mjs';
import { CliError } from '../errors.mjs';
import { versionLine } from '../version.mjs';

/** @typedef {import('../context.mjs').Context} Context */

export async function version(/** @type {Context} */ ctx) {
  ctx.formatter.printMessage(versionLine(ctx.version));
}

/**
 * Only checks that a key is present; never calls the server; always exit 0, even when the
 * config file is malformed.
 */
export async function status(/** @type {Context} */ ctx) {
  let cfg;
  try {
    cfg = loadConfig(ctx.where).config;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    ctx.formatter.print('map', { authenticated: false, error: error.message });
    return;
  }
  if (!cfg.management_key && !cfg.identity_key) {
    ctx.formatter.print('map', {
      authenticated: false,
      message: 'Not authenticated. Run `ravi auth login` to authenticate.',
    });
    return;
  }
  /** @type {Record<string, unknown>} */
  const result = { authenticated: true };
  if (cfg.user_email) result.email = cfg.user_email;
  if (cfg.identity_uuid) {
    result.identity = cfg.identity_name;
    result.identity_uuid = cfg.identity_uuid;
  }
  ctx.formatter.print('map', result);
}

/** `os.RemoveAll(~/.ravi)`: the whole global directory, never a cwd `.ravi`. */
export async function logout(/** @type {Context} */ ctx) {
  clearAll(ctx.where);
  ctx.formatter.printMessage('Logged out successfully');
}

/**
 * The real command runs an interactive device-code flow (browser, spinner, long poll, and a
 * stdin prompt with several identities). The emulator prints the same opening lines and
 * fails at once instead of hanging.
 */
export async function login(/** @type {Context} */ ctx) {
  ctx.printf('\nTo authenticate, visit:\n  https://ravi.id/device\n\nAnd enter the code:\n  EMUL-ATOR\n\n');
  throw new CliError(
    'ravi-emulator: `ravi auth login` is interactive (browser device-code flow) and is not emulated; ' +
      'createEmulator() already provides a logged-in HOME',
  );
}
