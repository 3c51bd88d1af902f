import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/** What Cursor does for a parallel agent: a worktree under ~/.cursor/worktrees/<repo>/<id>, then each setup command in it. */
async function cursorAgent(w: World, repo: string, id: string) {
  const worktree = path.join(w.home, '.cursor/worktrees', path.basename(repo), id);
  mkdirSync(path.dirname(worktree), { recursive: true });
  gitAt(w, repo, ['worktree', 'add', '-q', '--detach', worktree]);
  const config = readJson(path.join(repo, '.cursor/worktrees.json'));
  for (const command of (config['setup-worktree'] ?? config['setup-worktree-unix']) as string[]) {
    const r = await w.sh(command, worktree, { env: { ROOT_WORKTREE_PATH: repo } });
    expect(r.code, `${command}: ${r.stderr}`).toBe(0);
  }
  return worktree;
}

describe('Cursor end to end', () => {
  it("each agent worktree gets its own identity after the user's setup; gc reclaims it once Cursor deletes it", async () => {
    const w = world();
    const repo = gitdir({
      '.cursor/worktrees.json': '{\n  "setup-worktree": ["cp $ROOT_WORKTREE_PATH/.env .env"]\n}\n',
      '.env': 'A=1\n',
    });
    const init = await w.cli(['init', 'cursor'], repo);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/ravi-hooks gc/);
    const first = await cursorAgent(w, repo, 'k3x9');
    const second = await cursorAgent(w, repo, 'p2m4');
    expect(existsSync(path.join(first, '.env'))).toBe(true);
    expect(String(readJson(path.join(first, '.ravi/config.json')).identity_name)).toMatch(/cursor-k3x9/);
    expect(w.identities()).toHaveLength(2);
    // Cursor has no teardown hook: it just deletes old worktrees
    gitAt(w, repo, ['worktree', 'remove', '--force', first]);
    expect((await w.cli(['gc'], repo)).code).toBe(0);
    expect(w.identities()).toHaveLength(1);
    expect(existsSync(path.join(second, '.ravi/config.json'))).toBe(true);
  }, 30_000);

  it('refuses a setup script path with exit 2 and writes nothing', async () => {
    const w = world();
    const repo = gitdir({ '.cursor/worktrees.json': '{"setup-worktree-unix": "setup.sh"}\n' });
    const r = await w.cli(['init', 'cursor'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/names a script/);
  }, 10_000);
});
