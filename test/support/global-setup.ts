/**
 * Builds the CLI bundle once before the suite, so CLI tests run the real binary while
 * `pnpm test` still needs no separate build step.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  execFileSync(process.execPath, [path.join(root, 'packages/cli/node_modules/tsdown/dist/run.mjs')], {
    cwd: path.join(root, 'packages/cli'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
