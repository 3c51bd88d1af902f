#!/usr/bin/env node
// `pnpm demo`: the whole flow on a fresh machine, offline, with no Ravi account.
// In a temporary git repo: install the git hook, add four worktrees in parallel (each gets
// its own identity from the hook), show them, resolve from a subdirectory, tear down
// (one way with `ravi-hooks worktree remove`, the other with plain git + `ravi-hooks gc`),
// and prove nothing is left. Everything lives in a temp dir with its own HOME and state.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENT_SCRIPT, signupDemo } from './demo-signup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// NOTE: `pnpm demo` shows the demo; the build's own output only matters when it fails.
const build = spawnSync('pnpm', ['build'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  console.error(`demo: building the CLI failed (${build.error?.message ?? `exit ${build.status}`})`);
  process.exit(1);
}
const cli = path.join(root, 'packages/cli/dist/cli.mjs');
const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ravi-hooks-demo-')));
const home = path.join(base, 'home');
const repo = path.join(base, 'app');
const globalConfig = path.join(home, '.ravi', 'config.json');
const globalText =
  '{\n  "management_key": "ravi_mk_demo_never_touched",\n  "user_email": "you@example.invalid"\n}\n';
const env = {
  ...process.env,
  HOME: home,
  RAVI_HOOKS_STATE_DIR: path.join(base, 'state'),
  XDG_CONFIG_HOME: path.join(home, '.config'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
  GIT_AUTHOR_NAME: 'Demo',
  GIT_AUTHOR_EMAIL: 'demo@example.invalid',
  GIT_COMMITTER_NAME: 'Demo',
  GIT_COMMITTER_EMAIL: 'demo@example.invalid',
};
delete env.RAVI_HOOKS_PROVIDER;
// NOTE: what `npm install -g ravi-hooks` gives a user: the command on PATH, which is how the
// hooks `init` writes find it.
const bin = path.join(base, 'bin');
mkdirSync(bin);
writeFileSync(path.join(bin, 'ravi-hooks'), `#!/bin/sh\nexec '${process.execPath}' '${cli}' "$@"\n`, {
  mode: 0o755,
});
env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;
delete env.RAVI_CONFIG_DIR;

const step = (text) => console.log(`\n\x1b[1m== ${text}\x1b[0m`);
const sh = (cmd, args, cwd = repo) => execFileSync(cmd, args, { cwd, env, encoding: 'utf8' });
const ravi = (args, cwd = repo) => sh(process.execPath, [cli, ...args], cwd);
const run = (cmd, args, cwd) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(Object.assign(new Error(`${cmd} ${args.join(' ')} exited ${code}`), { stderr })),
    );
  });
// NOTE: git itself races when several `worktree add` run in one repository (one may read
// another's half-written commondir and give up before creating anything); retry that case.
async function addWorktree(dir, branch) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run('git', ['worktree', 'add', '-q', dir, branch], repo);
    } catch (error) {
      if (attempt >= 4 || existsSync(dir) || !/commondir/.test(error.stderr ?? '')) throw error;
    }
  }
}

try {
  mkdirSync(path.dirname(globalConfig), { recursive: true, mode: 0o700 });
  writeFileSync(globalConfig, globalText, { mode: 0o600 });
  mkdirSync(repo, { recursive: true });
  sh('git', ['init', '-q', '-b', 'main']);
  writeFileSync(path.join(repo, 'README.md'), '# app\n');
  // NOTE: a repository config may only name identities (and set fleet concurrency); the
  // provider and phone numbers (they cost money) are the user's choice, in their own config
  writeFileSync(path.join(repo, 'ravi-hooks.config.json'), '{\n  "name": "agent-{branch}"\n}\n');
  mkdirSync(path.join(env.XDG_CONFIG_HOME, 'ravi-hooks'), { recursive: true });
  writeFileSync(
    path.join(env.XDG_CONFIG_HOME, 'ravi-hooks', 'config.json'),
    '{\n  "provider": "local",\n  "phone": true\n}\n',
  );
  sh('git', ['add', '-A']);
  sh('git', ['commit', '-q', '-m', 'init']);

  step('ravi-hooks init git   (installs a post-checkout hook; nothing else changes)');
  console.log(ravi(['init', 'git']).trimEnd());

  step('git worktree add x4, in parallel: the hook gives each new worktree its own identity');
  const names = ['billing', 'search', 'onboarding', 'docs'];
  const trees = names.map((n) => path.join(base, `app-${n}`));
  for (const n of names) sh('git', ['branch', n]);
  await Promise.all(names.map((n, i) => addWorktree(trees[i], n)));
  const rows = trees.map((t) => JSON.parse(ravi(['provision', t, '--json'])));
  console.log(
    table(
      ['worktree', 'identity', 'email', 'phone'],
      rows.map((r) => [path.basename(r.workspace), r.name, r.email, r.phone ?? '-']),
    ),
  );
  if (new Set(rows.map((r) => r.uuid)).size !== 4 || rows.some((r) => r.created))
    throw new Error('expected 4 hook-made identities');

  step('ravi-hooks which, from a subdirectory of one worktree (the real ravi CLI would not walk up)');
  const nested = path.join(trees[1], 'src', 'deep');
  mkdirSync(nested, { recursive: true });
  console.log(`$ cd ${path.relative(base, nested)} && ravi-hooks which`);
  console.log(ravi(['which'], nested).trimEnd());

  step('four agents sign up at once on a local web service; each reads its own emailed code');
  console.log(`each agent, in its worktree: ravi-hooks exec -- sh -c '${AGENT_SCRIPT}'`);
  const signups = await signupDemo({ cli, env, base, trees });
  console.log(
    table(
      ['agent', 'address', 'code', 'its own?'],
      signups.map((s) => [s.agent, s.email, s.code, s.ok ? 'yes' : 'NO']),
    ),
  );
  if (signups.some((s) => !s.ok)) throw new Error('an agent read a code that was not its own');

  step(
    'teardown: `ravi-hooks worktree remove` for two, plain `git worktree remove` + `ravi-hooks gc` for two',
  );
  for (const t of trees.slice(0, 2)) console.log(ravi(['worktree', 'remove', t]).trimEnd());
  for (const t of trees.slice(2)) sh('git', ['worktree', 'remove', '--force', t]);
  console.log(ravi(['gc']).trimEnd());

  step('proof that nothing is left');
  const state = env.RAVI_HOOKS_STATE_DIR;
  const left = (dir) => (existsSync(dir) ? readdirSync(dir) : []);
  const checks = [
    ['identities in the local provider', left(path.join(state, 'local/identities')).length === 0],
    ['inboxes in the local provider', left(path.join(state, 'local/inbox')).length === 0],
    ['leases (ravi-hooks list --all)', JSON.parse(ravi(['list', '--all', '--json'])).length === 0],
    ['lock files', left(path.join(state, 'locks')).length === 0],
    ['worktree directories', trees.every((t) => !existsSync(t))],
    ['~/.ravi/config.json byte-identical', readFileSync(globalConfig, 'utf8') === globalText],
    ['git status clean in the main checkout', sh('git', ['status', '--porcelain']) === ''],
  ];
  for (const [label, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'}  ${label}`);
  console.log(`\nlifecycle log (ravi-hooks log):\n${ravi(['log', '--limit', '8']).trimEnd()}`);
  if (checks.some(([, ok]) => !ok)) throw new Error('something was left behind');
  console.log('\ndemo finished: 4 worktrees, 4 identities, all gone again.');
} catch (error) {
  console.error(`demo failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (process.env.KEEP_TMP === '1') console.log(`kept ${base}`);
  else rmSync(base, { recursive: true, force: true });
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
