import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/** The environment file the Codex app generates, with the user's own scripts. */
const environment = `version = 1
name = "app"

[setup]
script = '''
cd "$CODEX_WORKTREE_PATH"
echo "setup in $(basename "$PWD")"
'''

[cleanup]
script = '''
cd "$CODEX_WORKTREE_PATH"
echo cleaned
'''
`;

/** A TOML `'''` string's content (enough of TOML for this file, checked against the parse in unit tests). */
function script(file: string, table: 'setup' | 'cleanup'): string {
  const text = readFileSync(file, 'utf8');
  const match = new RegExp(`\\[${table}\\]\\nscript = '''\\n([\\s\\S]*?)'''`).exec(text);
  if (!match?.[1]) throw new Error(`no [${table}] script in ${file}`);
  return match[1];
}

/** What Codex does for a new thread: a worktree under ~/.codex/worktrees/<id>/<repo>, then setup. */
function codexWorktree(w: World, repo: string, id: string) {
  const worktree = path.join(w.home, '.codex/worktrees', id, path.basename(repo));
  mkdirSync(path.dirname(worktree), { recursive: true });
  gitAt(w, repo, ['worktree', 'add', '-q', '--detach', worktree]);
  return { worktree, env: { CODEX_WORKTREE_PATH: worktree, CODEX_SOURCE_TREE_PATH: repo } };
}

describe('Codex app end to end', () => {
  it('setup provisions the worktree after the user script; cleanup tears it down first', async () => {
    const w = world();
    const repo = gitdir({ '.codex/environments/environment.toml': environment });
    const file = path.join(repo, '.codex/environments/environment.toml');
    expect((await w.cli(['init', 'codex'], repo)).code).toBe(0);
    const { worktree, env } = codexWorktree(w, repo, '4a21');
    // NOTE: run from the source tree: Codex's own examples `cd "$CODEX_WORKTREE_PATH"` first
    const setup = await w.sh(script(file, 'setup'), repo, { env, shell: 'bash' });
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).toContain(`setup in ${path.basename(repo)}`);
    expect(String(readJson(path.join(worktree, '.ravi/config.json')).identity_name)).toMatch(/codex-4a21/);
    expect(w.identities()).toHaveLength(1);
    const cleanup = await w.sh(script(file, 'cleanup'), repo, { env, shell: 'bash' });
    expect(cleanup.code, cleanup.stderr).toBe(0);
    expect(cleanup.stdout).toContain('cleaned');
    expect(w.identities()).toHaveLength(0);
  }, 20_000);

  it('an archived thread whose cleanup never ran is reclaimed by gc once the worktree is gone', async () => {
    const w = world();
    const repo = gitdir({ '.codex/environments/environment.toml': environment });
    const file = path.join(repo, '.codex/environments/environment.toml');
    await w.cli(['init', 'codex'], repo);
    const { worktree, env } = codexWorktree(w, repo, 'b7c9');
    expect((await w.sh(script(file, 'setup'), worktree, { env, shell: 'bash' })).code).toBe(0);
    gitAt(w, repo, ['worktree', 'remove', '--force', worktree]);
    expect(w.identities()).toHaveLength(1);
    const gc = await w.cli(['gc'], repo);
    expect(gc.code, gc.stderr).toBe(0);
    expect(w.identities()).toHaveLength(0);
  }, 20_000);

  it('init --remove gives the file back byte for byte; invalid TOML is refused with exit 2', async () => {
    const w = world();
    const repo = gitdir({ '.codex/environments/environment.toml': environment.replace(/\n/g, '\r\n') });
    const file = path.join(repo, '.codex/environments/environment.toml');
    const before = readFileSync(file, 'utf8');
    expect((await w.cli(['init', 'codex'], repo)).code).toBe(0);
    expect((await w.cli(['init', 'codex', '--remove'], repo)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const broken = gitdir({ '.codex/environments/environment.toml': '[setup\nscript = "x"\n' });
    const r = await w.cli(['init', 'codex'], broken);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid TOML \(line 1/);
    expect(existsSync(path.join(broken, '.codex/environments/environment.toml'))).toBe(true);
  }, 20_000);
});
