/**
 * The conventions a user of any Unix CLI expects: a shell's exit statuses from `exec`, one
 * JSON document on stdout even for errors, `which` failing when nothing applies, and flags
 * that cannot apply refused instead of ignored.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor, runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { testdir } from '../support/tmp';

const provisioned = async (env: NodeJS.ProcessEnv, args: string[] = []) => {
  const dir = testdir();
  const r = await runCli(['provision', dir, '--json', ...args], { env });
  expect(r.code, r.stderr).toBe(0);
  return { dir, identity: JSON.parse(r.stdout) as { name: string; uuid: string } };
};

describe('exec passes a shell’s statuses', () => {
  it(
    '127 for a command that is not found, 126 for one that is not executable',
    async () => {
      const sb = sandbox();
      const { dir } = await provisioned(sb.env);
      const missing = await runCli(['exec', '--', 'no-such-command-xyz'], { cwd: dir, env: sb.env });
      expect(missing.code).toBe(127);
      expect(missing.stderr.trim()).toBe(
        'ravi-hooks: command not found: no-such-command-xyz (check the command after --)',
      );
      writeFileSync(path.join(dir, 'script.sh'), 'echo hi\n');
      chmodSync(path.join(dir, 'script.sh'), 0o644);
      const notExecutable = await runCli(['exec', '--', './script.sh'], { cwd: dir, env: sb.env });
      expect(notExecutable.code).toBe(126);
      expect(notExecutable.stderr).toMatch(/command not executable: \.\/script\.sh/);
    },
    budgetFor(3),
  );

  it(
    "passes the child's own status through",
    async () => {
      const sb = sandbox();
      const { dir } = await provisioned(sb.env);
      const r = await runCli(['exec', '--', 'sh', '-c', 'exit 42'], { cwd: dir, env: sb.env });
      expect(r.code).toBe(42);
    },
    budgetFor(2),
  );
});

describe('--json errors', () => {
  it('are one JSON object on stdout as well as the line on stderr', async () => {
    const sb = sandbox();
    const r = await runCli(['provision', testdir(), '--name', 'bad/name', '--json'], { env: sb.env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['error']);
    expect(doc.error).toMatchObject({ code: 'E_INPUT', message: expect.stringContaining('bad/name') });
    expect(Object.keys(doc.error).sort()).toEqual(['code', 'hint', 'message']);
  });

  it('cover bad usage caught by the parser too', async () => {
    const sb = sandbox();
    const r = await runCli(['which', '--json', '--no-such-flag'], { env: sb.env });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'E_USAGE', message: "unknown option '--no-such-flag'", hint: 'see ravi-hooks --help' },
    });
  });

  it('stay off stdout without --json', async () => {
    const sb = sandbox();
    const r = await runCli(['provision', testdir(), '--name', 'bad/name'], { env: sb.env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('which', () => {
  it(
    'exits 1 when no identity applies, and still says so',
    async () => {
      const sb = sandbox();
      const nowhere = testdir();
      // NOTE: an empty HOME, so not even the global ~/.ravi applies
      const env = { ...sb.env, HOME: testdir() };
      const human = await runCli(['which', nowhere], { env });
      expect(human.code).toBe(1);
      expect(human.stdout).toMatch(/no identity applies here/);
      const json = await runCli(['which', nowhere, '--json'], { env });
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ source: 'none', uuid: null });
    },
    budgetFor(2),
  );

  it(
    'exits 0 when one does',
    async () => {
      const sb = sandbox();
      const { dir } = await provisioned(sb.env);
      expect((await runCli(['which', dir], { env: sb.env })).code).toBe(0);
    },
    budgetFor(2),
  );
});

describe('flags that cannot apply are refused', () => {
  it(
    'env --json with another --format: exit 2, nothing printed but the error',
    async () => {
      const sb = sandbox();
      const { dir } = await provisioned(sb.env);
      const r = await runCli(['env', dir, '--json', '--format', 'dotenv'], { env: sb.env });
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'E_USAGE' } });
      expect((await runCli(['env', dir, '--json', '--format', 'json'], { env: sb.env })).code).toBe(0);
    },
    budgetFor(3),
  );

  it(
    '--name on a workspace whose identity has another name: exit 2, nothing changes',
    async () => {
      const sb = sandbox();
      const { dir, identity } = await provisioned(sb.env, ['--name', 'First Agent']);
      const r = await runCli(['provision', dir, '--name', 'Second Agent'], { env: sb.env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/already provisioned: its identity is named "First Agent" \(.*teardown/);
      const again = await runCli(['provision', dir, '--name', 'First Agent', '--json'], { env: sb.env });
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ uuid: identity.uuid, created: false });
    },
    budgetFor(3),
  );
});
