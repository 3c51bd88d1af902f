import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { gitdir, gitIn, testdir } from '../support/tmp';

const json = (stdout: string) => JSON.parse(stdout);
const BEGIN = '# >>> ravi-hooks secrets >>>';
const END = '# <<< ravi-hooks secrets <<<';

describe('ravi-hooks secrets', () => {
  it('sets (value from stdin) and lists the secrets of the identity that applies in a subdirectory', async () => {
    const sb = sandbox();
    const ws = testdir({ 'src/.keep': '' });
    await runCli(['provision', ws], { env: sb.env });
    const set = await runCli(['secrets', 'set', 'STRIPE_TEST_KEY', '-'], {
      cwd: path.join(ws, 'src'),
      env: sb.env,
      input: "sk_test_'quoted' value\n",
    });
    expect(set.code, set.stderr).toBe(0);
    const list = await runCli(['secrets', 'list', path.join(ws, 'src'), '--json', '--show'], { env: sb.env });
    expect(json(list.stdout).secrets).toEqual({ STRIPE_TEST_KEY: "sk_test_'quoted' value" });
    expect((await runCli(['secrets', 'list', ws], { env: sb.env })).stdout).toBe('STRIPE_TEST_KEY\n');
  });

  it('refuses an invalid key and a directory without a workspace identity (exit 2)', async () => {
    const sb = sandbox();
    const ws = testdir();
    await runCli(['provision', ws], { env: sb.env });
    expect((await runCli(['secrets', 'set', 'lower', 'x', '--dir', ws], { env: sb.env })).code).toBe(2);
    expect((await runCli(['secrets', 'list', testdir()], { env: sb.env })).code).toBe(2);
  });
});

describe('exporting secrets to .env.local', () => {
  it('with exportSecrets, provision writes a 0600, git-excluded block, `secrets set` keeps it in step, teardown restores the user file', async () => {
    const sb = sandbox();
    sb.env.RAVI_HOOKS_EXPORT_SECRETS = '1';
    const repo = gitdir();
    const wt = path.join(path.dirname(repo), `${path.basename(repo)}-secrets`);
    gitIn(repo, ['worktree', 'add', '-q', wt]);
    const userFile = 'FOO=1\n# mine, no trailing newline';
    writeFileSync(path.join(wt, '.env.local'), userFile);
    try {
      expect((await runCli(['provision', wt], { env: sb.env })).code).toBe(0);
      const envLocal = path.join(wt, '.env.local');
      expect(readFileSync(envLocal, 'utf8')).toBe(`${userFile}\n${BEGIN}\n${END}\n`);
      await runCli(['secrets', 'set', 'API_TOKEN', "it's $HOME", '--dir', wt], { env: sb.env });
      expect(readFileSync(envLocal, 'utf8')).toBe(
        `${userFile}\n${BEGIN}\nAPI_TOKEN="it's \\$HOME"\n${END}\n`,
      );
      expect(gitIn(wt, ['status', '--porcelain'])).toBe('');
      await runCli(['teardown', wt], { env: sb.env });
      expect(readFileSync(envLocal, 'utf8')).toBe(`${userFile}\n`);
    } finally {
      gitIn(repo, ['worktree', 'remove', '--force', wt]);
    }
  });

  it('`secrets export` on demand creates .env.local 0600 and teardown deletes it again', async () => {
    const sb = sandbox();
    const ws = testdir();
    await runCli(['provision', ws], { env: sb.env });
    await runCli(['secrets', 'set', 'DB_URL', 'postgres://x', '--dir', ws], { env: sb.env });
    const r = await runCli(['secrets', 'export', ws, '--json'], { env: sb.env });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toMatchObject({ keys: ['DB_URL'], file: path.join(ws, '.env.local') });
    expect(statSync(path.join(ws, '.env.local')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(ws, '.env.local'), 'utf8')).toBe(`${BEGIN}\nDB_URL=postgres://x\n${END}\n`);
    await runCli(['teardown', ws], { env: sb.env });
    expect(() => statSync(path.join(ws, '.env.local'))).toThrow();
  });
});
