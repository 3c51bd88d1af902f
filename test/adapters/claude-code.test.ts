import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { readJson, type World, world } from './harness';

/** The command of our hook for `event` in the installed settings file. */
function hookCommand(file: string, event: string): string {
  const hooks = readJson(file).hooks as Record<string, Array<{ hooks: Array<{ command: string }> }>>;
  const command = hooks[event]?.at(-1)?.hooks[0]?.command;
  if (!command) throw new Error(`no ${event} hook in ${file}`);
  return command;
}

/** What Claude Code does: the hook command through a shell, the event JSON on stdin. */
function runHook(w: World, command: string, cwd: string, payload: object, env: NodeJS.ProcessEnv = {}) {
  const input = JSON.stringify({ session_id: 'abc123', transcript_path: '/tmp/x.jsonl', cwd, ...payload });
  return runProcess('sh', ['-c', command], { cwd, env: { ...w.env, ...env }, input });
}

async function installed(w: World, extra: string[] = []) {
  const repo = gitdir({ 'README.md': '# app\n', '.claude/settings.json': '{"model": "opus"}\n' });
  const init = await w.cli(['init', 'claude-code', ...extra], repo);
  expect(init.code, init.stderr).toBe(0);
  return { repo, settings: path.join(repo, '.claude/settings.local.json') };
}

describe('Claude Code end to end', () => {
  it('WorktreeCreate makes the worktree, provisions it and prints only its path', async () => {
    const w = world();
    const { repo, settings } = await installed(w);
    expect(readFileSync(path.join(repo, '.claude/settings.json'), 'utf8')).toBe('{"model": "opus"}\n');
    const r = await runHook(
      w,
      hookCommand(settings, 'WorktreeCreate'),
      repo,
      { hook_event_name: 'WorktreeCreate', name: 'bold-oak-a3f2' },
      { CLAUDE_PROJECT_DIR: repo },
    );
    expect(r.code, r.stderr).toBe(0);
    const worktree = path.join(repo, '.claude/worktrees/bold-oak-a3f2');
    expect(r.stdout).toBe(`${worktree}\n`);
    expect(readFileSync(path.join(worktree, '.git'), 'utf8')).toMatch(/^gitdir: /);
    expect(String(readJson(path.join(worktree, '.ravi/config.json')).identity_name)).toMatch(/bold-oak-a3f2/);
    expect(w.identities()).toHaveLength(1);
  }, 20_000);

  it('with the git hook installed too, one worktree still gets exactly one identity', async () => {
    const w = world();
    const { repo, settings } = await installed(w);
    expect((await w.cli(['init', 'git'], repo)).code).toBe(0);
    const command = hookCommand(settings, 'WorktreeCreate');
    const payload = { hook_event_name: 'WorktreeCreate', name: 't1' };
    expect((await runHook(w, command, repo, payload, { CLAUDE_PROJECT_DIR: repo })).code).toBe(0);
    // Claude may fire it again for a resumed session: same path, same identity
    const again = await runHook(w, command, repo, payload, { CLAUDE_PROJECT_DIR: repo });
    expect(again.stdout).toBe(`${path.join(repo, '.claude/worktrees/t1')}\n`);
    expect(w.identities()).toHaveLength(1);
  }, 30_000);

  it('SessionStart gives Bash commands the identity through CLAUDE_ENV_FILE and tells the agent', async () => {
    const w = world();
    const { repo, settings } = await installed(w);
    const worktree = path.join(repo, '.claude/worktrees/ws-1');
    await runHook(
      w,
      hookCommand(settings, 'WorktreeCreate'),
      repo,
      { name: 'ws-1' },
      { CLAUDE_PROJECT_DIR: repo },
    );
    const envFile = path.join(testdir(), 'claude-env');
    writeFileSync(envFile, 'export EXISTING=1\n');
    const r = await runHook(
      w,
      hookCommand(settings, 'SessionStart'),
      worktree,
      { source: 'startup' },
      {
        CLAUDE_ENV_FILE: envFile,
        CLAUDE_PROJECT_DIR: worktree,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/its own Ravi identity: .*ws-1.*@ravi-local\.invalid/);
    // Claude sources the file before each Bash command
    const bash = await w.sh(
      `. '${envFile}' && echo "$EXISTING $RAVI_IDENTITY_UUID" && command -v ravi`,
      worktree,
    );
    const uuid = String(readJson(path.join(worktree, '.ravi/config.json')).identity_uuid);
    expect(bash.stdout.split('\n')[0]).toBe(`1 ${uuid}`);
    expect(bash.stdout).toMatch(/shim\/ravi$/m);
  }, 30_000);

  it('SessionStart in the main checkout provisions nothing; in a worktree made elsewhere it provisions', async () => {
    const w = world();
    const { repo, settings } = await installed(w);
    const start = hookCommand(settings, 'SessionStart');
    expect((await runHook(w, start, repo, { source: 'startup' })).code).toBe(0);
    expect(w.identities()).toHaveLength(0);
    const other = path.join(testdir(), 'desktop-wt');
    await runProcess('git', ['worktree', 'add', '-q', '-b', 'desk', other], { cwd: repo, env: w.env });
    expect((await runHook(w, start, other, { source: 'startup' })).code).toBe(0);
    expect(existsSync(path.join(other, '.ravi/config.json'))).toBe(true);
    expect(w.identities()).toHaveLength(1);
  }, 30_000);

  it('WorktreeRemove tears down and removes the worktree, exit 0 only once it is gone', async () => {
    const w = world();
    const { repo, settings } = await installed(w);
    const created = await runHook(
      w,
      hookCommand(settings, 'WorktreeCreate'),
      repo,
      { name: 'gone' },
      {
        CLAUDE_PROJECT_DIR: repo,
      },
    );
    const worktree = created.stdout.trim();
    const remove = hookCommand(settings, 'WorktreeRemove');
    const r = await runHook(w, remove, repo, { hook_event_name: 'WorktreeRemove', worktree_path: worktree });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(worktree)).toBe(false);
    expect(w.identities()).toHaveLength(0);
    // a directory that is not a worktree stays, and the hook says it failed
    const plain = path.join(testdir(), 'not-a-worktree');
    writeFileSync(`${plain}.txt`, 'x');
    const refused = await runHook(w, remove, repo, { worktree_path: path.dirname(plain) });
    expect(refused.code).not.toBe(0);
    expect(existsSync(path.dirname(plain))).toBe(true);
  }, 30_000);

  it('a provisioning failure never fails worktree creation (unless --strict)', async () => {
    // an unknown provider makes every provision fail, offline and at once
    const w = world({ RAVI_HOOKS_PROVIDER: 'no-such-provider' });
    const { repo, settings } = await installed(w);
    const r = await runHook(
      w,
      hookCommand(settings, 'WorktreeCreate'),
      repo,
      { name: 'nope' },
      {
        CLAUDE_PROJECT_DIR: repo,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path.join(repo, '.claude/worktrees/nope')}\n`);
    expect(r.stderr).toMatch(/ravi-hooks: claude-code: .* got no identity/);
    const strict = await runHook(
      w,
      `${hookCommand(settings, 'WorktreeCreate')} --strict`,
      repo,
      { name: 'nope2' },
      {
        CLAUDE_PROJECT_DIR: repo,
      },
    );
    expect(strict.code).not.toBe(0);
  }, 30_000);

  it('refuses malformed stdin with exit 2 and an unsafe worktree name', async () => {
    const w = world();
    const { repo, settings } = await installed(w);
    const command = hookCommand(settings, 'WorktreeCreate');
    const bad = await runProcess('sh', ['-c', command], { cwd: repo, env: w.env, input: 'not json' });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    const traversal = await runHook(w, command, repo, { name: '../../etc' });
    expect(traversal.code).toBe(2);
    expect(existsSync(path.join(repo, '.claude/worktrees'))).toBe(false);
  }, 20_000);

  it('init --remove gives settings.local.json back byte for byte', async () => {
    const w = world();
    const repo = gitdir();
    const original = '{\r\n  "permissions": {"allow": ["Bash(ls)"]}\r\n}';
    const file = path.join(repo, '.claude/settings.local.json');
    mkdirSync(path.dirname(file));
    writeFileSync(file, original);
    expect((await w.cli(['init', 'claude-code'], repo)).code).toBe(0);
    expect((await w.cli(['init', 'claude-code', '--remove'], repo)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
  }, 20_000);
});
