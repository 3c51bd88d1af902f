import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir, testdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/** The lines `init vibe-kanban` tells the user to paste, in order: setup, then archive. */
function pastedLines(stdout: string): { setup: string; archive: string } {
  const lines = stdout
    .split('\n')
    .filter((line) => line.includes('if command -v'))
    .map((line) => line.replace(/^\s*-?\s*/, ''));
  return { setup: lines[0]!, archive: lines[1]! };
}

/** What vibe-kanban does: <base>/<short id>-<branch>/<repo name> as a worktree, `$SHELL -c` there, VK_* set. */
function vkWorkspace(w: World, repo: string, base: string, branch: string) {
  const dir = path.join(base, `a1b2-${branch}`, path.basename(repo));
  mkdirSync(path.dirname(dir), { recursive: true });
  gitAt(w, repo, ['worktree', 'add', '-q', '-b', `vk/${branch}`, dir]);
  return {
    dir,
    env: { VK_WORKSPACE_ID: '3f1c9a2e-0000-4000-8000-000000000000', VK_WORKSPACE_BRANCH: `vk/${branch}` },
  };
}

describe('vibe-kanban end to end', () => {
  it('prints lines that provision in setup and tear down in archive; gc reclaims deleted workspaces', async () => {
    const w = world();
    const repo = gitdir();
    const init = await w.cli(['init', 'vibe-kanban'], repo);
    expect(init.code, init.stderr).toBe(0);
    const { setup, archive } = pastedLines(init.stdout);
    const base = testdir();
    const first = vkWorkspace(w, repo, base, 'fix-login');
    expect((await w.sh(`echo installing\n${setup}`, first.dir, { env: first.env })).code).toBe(0);
    expect(String(readJson(path.join(first.dir, '.ravi/config.json')).identity_name)).toMatch(/fix-login/);
    expect((await w.sh(archive, first.dir, { env: first.env })).code).toBe(0);
    expect(w.identities()).toHaveLength(0);
    // vibe-kanban deletes idle workspaces without running any script
    const second = vkWorkspace(w, repo, base, 'idle');
    expect((await w.sh(setup, second.dir, { env: second.env })).code).toBe(0);
    gitAt(w, repo, ['worktree', 'remove', '--force', second.dir]);
    expect((await w.cli(['gc'], repo)).code).toBe(0);
    expect(w.identities()).toHaveLength(0);
  }, 30_000);
});
