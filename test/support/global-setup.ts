/**
 * Builds the CLI bundle before the suite when any source is newer than it, so CLI tests run
 * the real binary while `pnpm test` still needs no separate build step.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'test') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const bundle = path.join(root, 'packages/cli/dist/cli.mjs');
  let built = 0;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(
    newestSource(path.join(root, 'packages')),
    newestSource(path.join(root, 'adapters')),
  );
  if (built > sources && process.env.RAVI_HOOKS_REBUILD !== '1') return;
  execFileSync(process.execPath, [path.join(root, 'packages/cli/node_modules/tsdown/dist/run.mjs')], {
    cwd: path.join(root, 'packages/cli'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
