/**
 * Which release is being emulated (RAVI_EMU_VERSION, default v0.6.2). Release builds embed
 * the full commit sha (`github.sha`) and a UTC build time; the shas are the tags' commits,
 * the build times are [INFERRED] (a few minutes after the tag).
 */

const KNOWN = {
  'v0.6.2': { commit: '036841a2eea81bb381c7a5358fe00f2061e18865', built: '2026-04-24T03:41:07Z' },
  'v0.6.1': { commit: '06ec8851b330ec513ff12997386eb701198ebbbc', built: '2026-04-08T05:52:31Z' },
  'v0.6.0': { commit: 'c8353fc9975f7040d9a1cbc8dd10693b33eab0b9', built: '2026-04-07T03:20:12Z' },
  'v0.5.2': { commit: 'c4cf02d58473a7ad53e013120e2cd938fabe2a89', built: '2026-03-07T10:14:02Z' },
};

/**
 * @typedef {object} VersionInfo
 * @property {string} version e.g. `v0.6.2`
 * @property {string} commit
 * @property {string} built
 * @property {boolean} legacy true for ≤ v0.5.x: human output by default, `--json` flag
 */

/** @returns {VersionInfo} */
export function resolveVersion(/** @type {string | undefined} */ raw) {
  const version = !raw ? 'v0.6.2' : raw.startsWith('v') ? raw : `v${raw}`;
  const known = /** @type {Record<string, { commit: string, built: string }>} */ (KNOWN)[version];
  const m = /^v(\d+)\.(\d+)/.exec(version);
  const legacy = m ? Number(m[1]) === 0 && Number(m[2]) < 6 : false;
  return { version, commit: known?.commit ?? 'unknown', built: known?.built ?? 'unknown', legacy };
}

/** `version.Info()`. */
export const versionLine = (/** @type {VersionInfo} */ v) =>
  `ravi version ${v.version} (commit: ${v.commit}, built: ${v.built})`;
