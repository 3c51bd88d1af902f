/**
 * Builds the CLI bundle for this test run into a private directory and points the CLI tests
 * at it (RAVI_HOOKS_TEST_CLI), so `pnpm test` needs no separate build step and two runs side
 * by side, or a `pnpm build` meanwhile, never swap `dist/` under a running test's processes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/cli');

/** Bundles the CLI's current sources into `outDir`, as `pnpm build` does into dist/. */
export function buildCli(outDir: string): string {
  execFileSync(process.execPath, [path.join(cliDir, 'node_modules/tsdown/dist/run.mjs'), '-d', outDir], {
    cwd: cliDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const cli = path.join(outDir, 'cli.mjs');
  execFileSync(process.execPath, [cli, '--version'], { stdio: 'ignore' });
  return cli;
}

export default function setup(): () => void {
  // an explicit bundle (e.g. a packed one) is tested as given
  if (process.env.RAVI_HOOKS_TEST_CLI) return () => undefined;
  // NOTE: inside the CLI's node_modules, so the bundle resolves the same dependencies
  // (typescript, which cosmiconfig loads only for trusted .ts configs) as dist/ does
  const modules = path.join(cliDir, 'node_modules');
  for (const stale of readdirSync(modules).filter((name) => /^\.test-cli-\d+$/.test(name))) {
    if (!alive(Number(stale.slice('.test-cli-'.length))))
      rmSync(path.join(modules, stale), { recursive: true, force: true });
  }
  const outDir = path.join(modules, `.test-cli-${process.pid}`);
  process.env.RAVI_HOOKS_TEST_CLI = buildCli(outDir);
  return () => {
    delete process.env.RAVI_HOOKS_TEST_CLI;
    rmSync(outDir, { recursive: true, force: true });
  };
}

/** Whether a process exists (a killed run leaves its bundle behind; the next run removes it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
