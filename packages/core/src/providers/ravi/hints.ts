/** What to tell the user, shared by the provider and the light `ravi` shim (no imports). */
export const INSTALL_HINT = 'install it with `brew install ravi-hq/tap/ravi`, or set RAVI_BIN to its path';
export const LOGIN_HINT = 'run `ravi auth login` once, or set RAVI_HOOKS_MANAGEMENT_KEY (headless CI)';
export const UPGRADE_HINT =
  'upgrade with `brew upgrade ravi-hq/tap/ravi` (ravi-hooks needs ravi 0.6 or newer)';
