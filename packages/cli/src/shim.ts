/**
 * The `ravi` shim: a tiny executable named `ravi` that `exec` puts first on PATH. It calls
 * `ravi-hooks ravi -- ARGS…`, which finds the workspace identity the way the Ravi docs
 * promise (walking up) and runs the real binary with HOME pointed at it.
 */
import path from 'node:path';

export async function ensureShim(env: NodeJS.ProcessEnv, self: string): Promise<string> {
  const { resolveStateDir, statePaths, shQuote, files } = await import('@ravi-hooks/core');
  const dir = statePaths(resolveStateDir(env)).shimDir;
  const file = path.join(dir, 'ravi');
  const script = [
    '#!/bin/sh',
    '# Written by ravi-hooks: runs the real ravi with the identity of the workspace you are in.',
    `exec ${shQuote(process.execPath)} ${shQuote(self)} ravi -- "$@"`,
    '',
  ].join('\n');
  if ((await files.readTextIfExists(file)) !== script) {
    await files.writeFileAtomically(file, script, { mode: 0o755, forceMode: true });
  }
  return dir;
}
