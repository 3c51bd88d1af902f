/**
 * The package as a user gets it: `pnpm pack:cli`'s tarball installed with plain npm, offline,
 * into a temp prefix, on a PATH that holds nothing of this checkout; then the Quickstart's
 * first steps: `init git` and `git worktree add` give the worktree an identity.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runProcess } from '../support/cli';
import { sandbox } from '../support/env';
import { gitdir, gitIn, testdir } from '../support/tmp';

const source = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8'));

/** A clean npm environment: own cache, no user config, no update check, no network needed. */
function npmEnv(home: string): NodeJS.ProcessEnv {
  return {
    HOME: home,
    npm_config_cache: path.join(home, '.npm'),
    npm_config_userconfig: path.join(home, '.npmrc'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

describe('the ravi-hooks npm package', () => {
  // NOTE: npm pack + npm install + about eight CLI and git processes: ~20 s on a busy 2-core machine.
  it('installs offline with npm, runs from PATH, and its git hook gives a new worktree an identity', async () => {
    const base = testdir();
    const sb = sandbox();
    // NOTE: packs this run's own bundle (test/support/global-setup.ts), not dist/
    const tarball = execFileSync(process.execPath, [path.join(repoRoot, 'scripts/pack.mjs'), base], {
      encoding: 'utf8',
      env: { ...process.env, RAVI_HOOKS_PACK_DIST: path.dirname(cliPath) },
    }).trim();
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    );
    expect(manifest).toMatchObject({ name: 'ravi-hooks', bin: { 'ravi-hooks': expect.any(String) } });
    expect(manifest.engines.node).toBe('>=20');
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    expect(manifest.dependencies ?? {}).toEqual({});

    const prefix = path.join(base, 'prefix');
    const npm = npmEnv(sb.home);
    const installed = await runProcess('npm', ['install', '-g', '--prefix', prefix, '--offline', tarball], {
      env: npm,
    });
    expect(installed.code, installed.stderr).toBe(0);

    // Only the install, node and the system's tools: nothing from this checkout.
    const PATH = [path.join(prefix, 'bin'), path.dirname(process.execPath), '/usr/bin', '/bin'].join(':');
    const env = { ...sb.env, ...npm, PATH };
    const version = await runProcess('ravi-hooks', ['--version'], { env });
    expect(version.stdout.trim()).toBe(source.version);

    const repo = gitdir();
    const init = await runProcess('ravi-hooks', ['init', 'git'], { cwd: repo, env });
    expect(init.code, init.stderr).toBe(0);
    const hook = readFileSync(path.join(repo, '.git/hooks/post-checkout'), 'utf8');
    expect(hook).toContain('then ravi-hooks hook post-checkout');
    expect(hook).not.toContain(prefix);

    const worktree = path.join(base, 'feature');
    gitIn(repo, ['worktree', 'add', '-q', '-b', 'feature', worktree], env);
    expect(existsSync(path.join(worktree, '.ravi/config.json'))).toBe(true);
    const which = await runProcess('ravi-hooks', ['which', '--json'], { cwd: worktree, env });
    expect(JSON.parse(which.stdout)).toMatchObject({ source: 'workspace' });

    const npx = await runProcess(
      'npx',
      ['--yes', '--offline', '--package', tarball, 'ravi-hooks', '--version'],
      {
        cwd: base,
        env: { ...env, PATH: [path.dirname(process.execPath), '/usr/bin', '/bin'].join(':') },
      },
    );
    expect(npx.stdout.trim(), npx.stderr).toBe(source.version);
  }, 90_000);
});
