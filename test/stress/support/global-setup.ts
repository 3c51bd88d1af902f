/**
 * Builds the CLI like the normal suite, then runs the stress suite against a private copy
 * of the bundle: a stress run spawns processes for minutes, and a rebuild of `dist/` by
 * any other test run meanwhile would otherwise break them half-way.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import build from '../../support/global-setup';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/cli');

export default function setup(): () => void {
  build();
  // NOTE: inside the CLI's node_modules, so the copy resolves the same dependencies
  const copy = path.join(cliDir, 'node_modules', `.stress-cli-${process.pid}`);
  cpSync(path.join(cliDir, 'dist'), copy, { recursive: true });
  const cli = path.join(copy, 'cli.mjs');
  execFileSync(process.execPath, [cli, '--version'], { stdio: 'ignore' });
  process.env.RAVI_HOOKS_TEST_CLI = cli;
  return () => rmSync(copy, { recursive: true, force: true });
}
