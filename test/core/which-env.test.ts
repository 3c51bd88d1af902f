import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runProcess } from '../support/cli';
import { sandbox } from '../support/env';
import { testdir } from '../support/tmp';

const json = (stdout: string) => JSON.parse(stdout);

describe('ravi-hooks which / env / exec', () => {
  it('which: the nearest .ravi/config.json walking up, from any subdirectory', async () => {
    const sb = sandbox();
    const ws = testdir({ 'src/deep/er/file.ts': '' });
    const p = json((await runCli(['provision', ws, '--json'], { env: sb.env })).stdout);
    const r = await runCli(['which', '--json'], { cwd: path.join(ws, 'src/deep/er'), env: sb.env });
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual({
      source: 'workspace',
      configPath: path.join(ws, '.ravi/config.json'),
      uuid: p.uuid,
      name: p.name,
    });
  });

  it('which: RAVI_CONFIG_DIR wins over everything', async () => {
    const sb = sandbox();
    const ws = testdir({ 'other/config.json': '{"identity_uuid": "env-uuid", "identity_name": "from-env"}' });
    await runCli(['provision', ws], { env: sb.env });
    const r = await runCli(['which', ws, '--json'], {
      env: { ...sb.env, RAVI_CONFIG_DIR: path.join(ws, 'other') },
    });
    expect(json(r.stdout)).toMatchObject({ source: 'env', uuid: 'env-uuid', name: 'from-env' });
  });

  it('which: only the global config applies outside any workspace', async () => {
    const sb = sandbox();
    const dir = testdir();
    const r = await runCli(['which', dir, '--json'], { env: sb.env });
    expect(json(r.stdout)).toEqual({ source: 'global', configPath: sb.globalConfig, uuid: null, name: null });
    const none = await runCli(['which', dir, '--json'], { env: { ...sb.env, HOME: dir } });
    expect(json(none.stdout)).toMatchObject({ source: 'none', configPath: null });
  });

  it('env: prints the identity for a subdirectory, quoted for each format', async () => {
    const sb = sandbox();
    const ws = testdir({ "it's here/sub/.keep": '' });
    const dir = path.join(ws, "it's here");
    const p = json((await runCli(['provision', dir, '--json'], { env: sb.env })).stdout);
    const sub = path.join(dir, 'sub');
    const asJson = json((await runCli(['env', sub, '--format', 'json'], { env: sb.env })).stdout);
    expect(asJson).toMatchObject({
      RAVI_CONFIG_DIR: path.join(dir, '.ravi'),
      RAVI_EMAIL: p.email,
      RAVI_PHONE: '',
      RAVI_IDENTITY_UUID: p.uuid,
    });
    const sh = (await runCli(['env', sub], { env: sb.env })).stdout;
    const evaluated = await runProcess('sh', ['-c', `${sh}\nprintf '%s' "$RAVI_CONFIG_DIR"`]);
    expect(evaluated.stdout).toBe(path.join(dir, '.ravi'));
    const dotenv = (await runCli(['env', sub, '--format', 'dotenv'], { env: sb.env })).stdout;
    expect(dotenv).toContain(`RAVI_IDENTITY_UUID=${p.uuid}\n`);
  });

  it('exec: runs the command with the identity env, passing stdio and the exit code through', async () => {
    const sb = sandbox();
    const ws = testdir({ 'sub/.keep': '' });
    const p = json((await runCli(['provision', ws, '--json'], { env: sb.env })).stdout);
    const r = await runCli(
      ['exec', '--', 'sh', '-c', 'read x; echo "$x $RAVI_EMAIL"; echo oops >&2; exit 7'],
      {
        cwd: path.join(ws, 'sub'),
        env: sb.env,
        input: 'hello\n',
      },
    );
    expect(r.code).toBe(7);
    expect(r.stdout).toBe(`hello ${p.email}\n`);
    expect(r.stderr).toBe('oops\n');
  });

  it('exec --provision: provisions first when the workspace has no identity', async () => {
    const sb = sandbox();
    const ws = testdir();
    const r = await runCli(
      ['exec', '--dir', ws, '--provision', '--', 'sh', '-c', 'printf %s "$RAVI_IDENTITY_UUID"'],
      {
        env: sb.env,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(json(readFileSync(path.join(ws, '.ravi/config.json'), 'utf8')).identity_uuid);
  });

  it('exec without an identity fails with exit 2 and a hint', async () => {
    const sb = sandbox();
    const ws = testdir();
    const r = await runCli(['exec', '--dir', ws, '--', 'true'], { env: { ...sb.env, HOME: ws } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no identity applies/);
  });
});
