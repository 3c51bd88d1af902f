import { chmodSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir, gitIn, testdir } from '../support/tmp';
import { gitAt, readJson, world } from './harness';

/** A lalph user's setup script, grown from lalph's seeded template. */
const script = `#!/usr/bin/env bash
set -euo pipefail

echo "preparing $(basename "$PWD")"

# Seeded by lalph. Customize this to prepare new worktrees.
`;

/** A repository that committed its (executable) setup script. */
function lalphRepo(): string {
  const repo = gitdir({ 'scripts/worktree-setup.sh': script });
  chmodSync(path.join(repo, 'scripts/worktree-setup.sh'), 0o755);
  gitIn(repo, ['commit', '-qam', 'make the setup script executable']);
  return repo;
}

describe('lalph end to end', () => {
  it("lalph's `$SHELL -c <script>` in a new worktree writes .lalph/ravi.json (0600, not tracked)", async () => {
    const w = world();
    const repo = lalphRepo();
    const init = await w.cli(['init', 'lalph'], repo);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/commit/);
    gitAt(w, repo, ['commit', '-qam', 'provision lalph worktrees']);

    // what lalph does: a temp dir, `git worktree add <tmp> -d HEAD`, then the worktree's copy of the script
    const worktree = path.join(testdir(), 'lalph-wt');
    gitAt(w, repo, ['worktree', 'add', '-q', worktree, '-d', 'HEAD']);
    const setup = path.join(worktree, 'scripts/worktree-setup.sh');
    const r = await w.sh(setup, worktree, { shell: 'bash', env: { SHELL: '/bin/bash' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('preparing lalph-wt');

    const file = path.join(worktree, '.lalph/ravi.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const config = readJson(path.join(worktree, '.ravi/config.json'));
    expect(readJson(file)).toEqual({
      identity_uuid: config.identity_uuid,
      email: expect.stringContaining('@'),
      phone: null,
      config_dir: path.join(worktree, '.ravi'),
    });
    expect(gitAt(w, worktree, ['status', '--porcelain'])).toBe('');
    // lalph may run setup again on the same worktree: still one identity
    expect((await w.sh(setup, worktree, { shell: 'bash' })).code).toBe(0);
    expect(w.identities()).toHaveLength(1);
  });

  // NOTE: fails today: `provision --with lalph` returns early for a workspace the git hook already
  // provisioned, without writing the adapter's missing workspace files (core ops/provision.ts).
  it('with the git hook installed too, the setup script still writes .lalph/ravi.json', async () => {
    const w = world();
    const repo = lalphRepo();
    await w.cli(['init', 'lalph'], repo);
    await w.cli(['init', 'git'], repo);
    gitAt(w, repo, ['commit', '-qam', 'provision lalph worktrees']);
    const worktree = path.join(testdir(), 'lalph-wt');
    gitAt(w, repo, ['worktree', 'add', '-q', worktree, '-d', 'HEAD']);
    expect(w.identities()).toHaveLength(1);
    const r = await w.sh(path.join(worktree, 'scripts/worktree-setup.sh'), worktree, { shell: 'bash' });
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(path.join(worktree, '.lalph/ravi.json')).mode & 0o777).toBe(0o600);
    expect(w.identities()).toHaveLength(1);
  });

  it('a provisioning failure warns but never aborts a `set -euo pipefail` setup script', async () => {
    const w = world();
    const repo = lalphRepo();
    await w.cli(['init', 'lalph'], repo);
    const r = await w.sh(path.join(repo, 'scripts/worktree-setup.sh'), repo, {
      shell: 'bash',
      env: { RAVI_HOOKS_PROVIDER: 'nope' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('preparing');
    expect(r.stderr).toMatch(/has no Ravi identity/);
  });

  it("creates the script from lalph's template, 0755, and --remove deletes it again", async () => {
    const w = world();
    const repo = gitdir();
    expect((await w.cli(['init', 'lalph'], repo)).code).toBe(0);
    const file = path.join(repo, 'scripts/worktree-setup.sh');
    expect(statSync(file).mode & 0o777).toBe(0o755);
    expect(readFileSync(file, 'utf8')).toMatch(
      /^#!\/usr\/bin\/env bash\nset -euo pipefail\n# >>> ravi-hooks >>>/,
    );
    await w.cli(['init', 'lalph', '--remove'], repo);
    expect(() => statSync(file)).toThrow();
  });
});
