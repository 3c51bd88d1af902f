/**
 * The state dir decides what gets deleted, so a state dir others can write is refused, and
 * one that cannot be written fails at once (exit 2, one line) instead of stalling the
 * command, and `git worktree add` with it.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetFor, cliPath, runCli, runProcess } from '../support/cli';
import { sandbox } from '../support/env';
import { gitdir, testdir } from '../support/tmp';

const root = process.getuid?.() === 0;
const undo: (() => void)[] = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
});

/** Makes `dir` and everything in it unwritable, even for root (immutable), until the test ends. */
function makeReadOnly(dir: string): void {
  if (root) {
    execFileSync('chattr', ['-R', '+i', dir]);
    undo.push(() => execFileSync('chattr', ['-R', '-i', dir]));
  } else {
    execFileSync('chmod', ['-R', 'a-w', dir]);
    undo.push(() => execFileSync('chmod', ['-R', 'u+w', dir]));
  }
}

/** A tmpfs with no space left, or null when this machine does not let us mount one. */
function fullFileSystem(): string | null {
  if (!root) return null;
  const dir = testdir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  undo.push(() => execFileSync('umount', [dir]));
  mkdirSync(path.join(dir, 'state'), { mode: 0o700 });
  // fill it: dd stops with ENOSPC, which is the point
  execFileSync('sh', ['-c', `dd if=/dev/zero of=${path.join(dir, 'fill')} bs=4k 2>/dev/null || true`]);
  return path.join(dir, 'state');
}

/** Well under the ~57 s lock stall these tests guard against, well over a CLI run on a busy machine. */
const STALL_BOUND_MS = 30_000;

async function expectRefused(args: string[], env: NodeJS.ProcessEnv, mention: RegExp) {
  const started = performance.now();
  const r = await runCli(args, { env });
  const ms = performance.now() - started;
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^ravi-hooks: state dir /);
  expect(lines[0]).toMatch(mention);
  return { ...r, ms };
}

describe('a state dir you can trust', () => {
  it(
    'creates a new state dir private (0700)',
    async () => {
      const sb = sandbox();
      const state = path.join(sb.home, 'fresh', 'state');
      const ws = testdir();
      const r = await runCli(['provision', ws], { env: { ...sb.env, RAVI_HOOKS_STATE_DIR: state } });
      expect(r.code, r.stderr).toBe(0);
      expect(statSync(state).mode & 0o777).toBe(0o700);
    },
    budgetFor(3),
  );

  it(
    'refuses a state dir writable by group or others, naming the chmod to run',
    async () => {
      const sb = sandbox();
      chmodSync(sb.state, 0o775);
      const ws = testdir();
      const r = await expectRefused(['provision', ws], sb.env, /writable by group \(mode 0775\)/);
      expect(r.stderr).toContain(`(run: chmod 700 ${sb.state})`);
      expect(readdirSync(ws)).toEqual([]);
      expect(readdirSync(sb.state)).toEqual([]);
      // and once fixed, it works
      chmodSync(sb.state, 0o700);
      expect((await runCli(['provision', ws], { env: sb.env })).code).toBe(0);
    },
    budgetFor(3),
  );

  it(
    'refuses a ledger others can write, for gc too (a planted record must not be acted on)',
    async () => {
      const sb = sandbox();
      expect((await runCli(['provision', testdir()], { env: sb.env })).code).toBe(0);
      chmodSync(path.join(sb.state, 'ledger'), 0o777);
      const r = await expectRefused(['gc'], sb.env, /ledger is writable by group and other users/);
      expect(r.stderr).toContain(`chmod 700 ${path.join(sb.state, 'ledger')}`);
    },
    budgetFor(3),
  );

  it(
    'refuses a state dir owned by another user, naming the chown to run',
    async (ctx) => {
      if (!root) {
        ctx.skip(); // only root can give a directory away; run the suite as root to cover this
        return;
      }
      const sb = sandbox();
      chmodSync(sb.state, 0o700);
      chownSync(sb.state, 65534, 65534);
      const r = await expectRefused(['provision', testdir()], sb.env, /owned by uid 65534, not by you/);
      expect(r.stderr).toMatch(/\(run: chown -R \S+ /);
    },
    budgetFor(3),
  );

  it(
    'a read-only state dir fails at once: exit 2, one line (it stalled ~57 s in the lock before)',
    async () => {
      const sb = sandbox();
      expect((await runCli(['provision', testdir()], { env: sb.env })).code).toBe(0);
      makeReadOnly(sb.state);
      const ws = testdir();
      const r = await expectRefused(['provision', ws], sb.env, /is not writable: permission denied/);
      // NOTE: "at once" against a ~57 s stall: ~0.2 s idle, but two suites on two cores can
      // stretch one CLI run to several seconds, so the bound sits between the two, not near 0.2 s
      expect(r.ms).toBeLessThan(STALL_BOUND_MS);
      expect(readdirSync(ws)).toEqual([]);
      // reading still works on a read-only state dir
      const log = await runCli(['log', '--json'], { env: sb.env });
      expect(log.code, log.stderr).toBe(0);
      expect(JSON.parse(log.stdout).length).toBeGreaterThan(0);
    },
    budgetFor(5),
  );

  it(
    'a full state dir fails at once: exit 2, one line',
    async (ctx) => {
      const state = fullFileSystem();
      if (state === null) {
        ctx.skip(); // needs root and permission to mount a tmpfs
        return;
      }
      const sb = sandbox({ RAVI_HOOKS_STATE_DIR: state });
      const r = await expectRefused(['provision', testdir()], sb.env, /no space left on device/);
      expect(r.ms).toBeLessThan(STALL_BOUND_MS);
      expect(readdirSync(state)).toEqual([]); // the probe left nothing behind
    },
    budgetFor(3),
  );

  it(
    '`git worktree add` still succeeds at once when the state dir is unusable',
    async () => {
      const base = sandbox();
      // NOTE: the hook calls `ravi-hooks` by name: put this run's bundle first on PATH
      const bin = path.join(testdir(), 'bin');
      mkdirSync(bin);
      writeFileSync(
        path.join(bin, 'ravi-hooks'),
        `#!/bin/sh\nexec '${process.execPath}' '${cliPath}' "$@"\n`,
        {
          mode: 0o755,
        },
      );
      const sb = {
        ...base,
        env: { ...base.env, PATH: `${bin}${path.delimiter}${base.env.PATH ?? process.env.PATH}` },
      };
      const repo = gitdir();
      expect((await runCli(['init', 'git'], { cwd: repo, env: sb.env })).code).toBe(0);
      chmodSync(sb.state, 0o700);
      makeReadOnly(sb.state);
      const wt = path.join(testdir(), 'wt');
      const started = performance.now();
      const r = await runProcess('git', ['worktree', 'add', '-q', '-b', 'feature', wt], {
        cwd: repo,
        env: sb.env,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(performance.now() - started).toBeLessThan(STALL_BOUND_MS);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/got no identity: state dir .* is not writable/);
      expect(existsSync(path.join(wt, '.ravi'))).toBe(false);
    },
    budgetFor(5),
  );
});

describe('ravi-hooks log', () => {
  it(
    'a torn last line, then a new event: both the events before and after it are shown',
    async () => {
      const sb = sandbox();
      expect((await runCli(['provision', testdir()], { env: sb.env })).code).toBe(0);
      appendFileSync(
        path.join(sb.state, 'events.jsonl'),
        '{"time":"2026-01-01T00:00:00.000Z","event":"provi',
      );
      expect((await runCli(['provision', testdir()], { env: sb.env })).code).toBe(0);
      const r = await runCli(['log', '--json'], { env: sb.env });
      const events = JSON.parse(r.stdout) as { event: string }[];
      expect(events.map((e) => e.event)).toEqual([
        'provision.before',
        'provision.after',
        'provision.before',
        'provision.after',
      ]);
    },
    budgetFor(5),
  );

  it(
    '--follow prints the latest events, then each new one as it happens',
    async () => {
      const sb = sandbox();
      expect((await runCli(['provision', testdir()], { env: sb.env })).code).toBe(0);
      const follower = spawn(process.execPath, [cliPath, 'log', '--follow', '--json', '--limit', '1'], {
        env: { ...process.env, ...sb.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      undo.push(() => follower.kill('SIGKILL'));
      const seen: string[] = [];
      const lines = new Promise<void>((resolve) => {
        let buffer = '';
        follower.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          buffer += chunk;
          for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n')) {
            seen.push((JSON.parse(buffer.slice(0, nl)) as { event: string }).event);
            buffer = buffer.slice(nl + 1);
            if (seen.length === 3) resolve();
          }
        });
      });
      // the latest event first, then a provision while it follows
      await expect.poll(() => seen.length, { timeout: 60_000 }).toBe(1);
      expect((await runCli(['provision', testdir()], { env: sb.env })).code).toBe(0);
      await lines;
      expect(seen).toEqual(['provision.after', 'provision.before', 'provision.after']);
      follower.kill('SIGTERM');
      expect(await new Promise((resolve) => follower.on('exit', resolve))).toBe(0);
    },
    budgetFor(6),
  );
});
