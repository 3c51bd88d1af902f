/**
 * `eval "$(ravi-hooks env)"` exports RAVI_CONFIG_DIR, which outranks the nearest workspace.
 * After `cd` into another workspace, an agent must never run as the first one's identity:
 * `exec` refuses, and running `env` again switches to the workspace the shell is now in.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor, runCli, runProcess } from '../support/cli';
import { sandbox } from '../support/env';
import { testdir } from '../support/tmp';

async function twoWorkspaces() {
  const sb = sandbox();
  const [a, b] = [testdir(), testdir()];
  for (const dir of [a, b]) expect((await runCli(['provision', dir], { env: sb.env })).code).toBe(0);
  // the environment `eval "$(ravi-hooks env)"` left behind in workspace a
  const envA = await runCli(['env', '--format', 'json'], { cwd: a, env: sb.env });
  const stale = { ...sb.env, ...(JSON.parse(envA.stdout) as Record<string, string>) };
  return { sb, a, b, stale };
}

describe('a RAVI_* environment from another workspace', () => {
  it(
    'exec refuses to run the agent with it: exit 2, the command never starts',
    async () => {
      const { b, stale } = await twoWorkspaces();
      const marker = path.join(b, 'ran');
      const r = await runCli(['exec', '--', 'touch', marker], { cwd: path.join(b), env: stale });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/this is the workspace .*, but RAVI_CONFIG_DIR names .*\.ravi \(.*direnv/);
      expect((await runProcess('test', ['-e', marker])).code).toBe(1);
    },
    budgetFor(5),
  );

  it(
    'env prints the identity of the workspace it runs in, with a one-line warning',
    async () => {
      const { sb, b, stale } = await twoWorkspaces();
      const own = JSON.parse((await runCli(['env', '--format', 'json'], { cwd: b, env: sb.env })).stdout);
      const r = await runCli(['env', '--format', 'json'], { cwd: b, env: stale });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(own);
      expect(r.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^ravi-hooks: warning: RAVI_CONFIG_DIR names .*; printing the identity of this workspace/,
        ),
      ]);
    },
    budgetFor(6),
  );

  it(
    'in the workspace it belongs to, or outside any workspace, it is used as is',
    async () => {
      const { a, stale } = await twoWorkspaces();
      const same = await runCli(['exec', '--', 'sh', '-c', 'echo "$RAVI_CONFIG_DIR"'], {
        cwd: a,
        env: stale,
      });
      expect(same.code, same.stderr).toBe(0);
      expect(same.stdout.trim()).toBe(path.join(a, '.ravi'));
      const outside = await runCli(['exec', '--', 'sh', '-c', 'echo "$RAVI_CONFIG_DIR"'], {
        cwd: testdir(),
        env: stale,
      });
      expect(outside.code, outside.stderr).toBe(0);
      expect(outside.stdout.trim()).toBe(path.join(a, '.ravi'));
    },
    budgetFor(6),
  );

  it(
    'a RAVI_CONFIG_DIR set by hand (not by ravi-hooks env) is an explicit choice: exec honours it',
    async () => {
      const { a, b, stale } = await twoWorkspaces();
      const byHand = { ...stale, RAVI_HOOKS_SHIM_DIR: '' };
      const r = await runCli(['exec', '--', 'sh', '-c', 'echo "$RAVI_CONFIG_DIR"'], { cwd: b, env: byHand });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(path.join(a, '.ravi'));
    },
    budgetFor(5),
  );
});
