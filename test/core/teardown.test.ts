import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { gitdir, gitIn, testdir } from '../support/tmp';

const json = (stdout: string) => JSON.parse(stdout);

describe('ravi-hooks teardown', () => {
  it('deletes the identity, removes only what it wrote, and drops the ledger record', async () => {
    const sb = sandbox();
    const dir = testdir({ '.ravi/notes.txt': 'mine\n' });
    const p = json((await runCli(['provision', dir, '--json'], { env: sb.env })).stdout);
    const r = await runCli(['teardown', dir, '--json'], { env: sb.env });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toEqual({
      workspace: dir,
      uuid: p.uuid,
      name: p.name,
      identityDeleted: true,
      outcome: 'deleted',
      removed: [path.join(dir, '.ravi/config.json')],
    });
    expect(readFileSync(path.join(dir, '.ravi/notes.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(path.join(sb.state, 'ledger'))).toEqual([]);
    expect(readdirSync(path.join(sb.state, 'local/identities'))).toEqual([]);
    sb.assertGlobalUntouched();
  });

  it('removes the .ravi directory when nothing else is in it', async () => {
    const sb = sandbox();
    const dir = testdir();
    await runCli(['provision', dir], { env: sb.env });
    await runCli(['teardown', dir], { env: sb.env });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is idempotent: an un-provisioned dir tears down to uuid null', async () => {
    const sb = sandbox();
    const dir = testdir();
    const r = await runCli(['teardown', dir, '--json'], { env: sb.env });
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ uuid: null, identityDeleted: false, removed: [] });
  });

  it('works when the workspace directory is already gone (the ledger remembers)', async () => {
    const sb = sandbox();
    const repo = gitdir();
    const wt = path.join(path.dirname(repo), `${path.basename(repo)}-gone`);
    gitIn(repo, ['worktree', 'add', '-q', wt]);
    const p = json((await runCli(['provision', wt, '--json'], { env: sb.env })).stdout);
    gitIn(repo, ['worktree', 'remove', '--force', wt]);
    expect(existsSync(wt)).toBe(false);
    const r = await runCli(['teardown', wt, '--json'], { env: sb.env });
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toMatchObject({ uuid: p.uuid, identityDeleted: true });
    expect(readdirSync(path.join(sb.state, 'local/identities'))).toEqual([]);
  });

  it('never deletes an identity it did not create: a foreign config is reported and left alone', async () => {
    const sb = sandbox();
    const foreign =
      '{"identity_uuid": "11111111-2222-3333-4444-555555555555", "identity_key": "ravi_id_theirs"}\n';
    const dir = testdir({ '.ravi/config.json': foreign });
    const r = await runCli(['teardown', dir, '--json'], { env: sb.env });
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({
      identityDeleted: false,
      uuid: '11111111-2222-3333-4444-555555555555',
    });
    expect(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8')).toBe(foreign);
  });

  it('leaves a config someone replaced after provisioning, but still deletes our identity', async () => {
    const sb = sandbox();
    const dir = testdir();
    await runCli(['provision', dir], { env: sb.env });
    const replaced = '{"identity_uuid": "99999999-2222-3333-4444-555555555555"}\n';
    writeFileSync(path.join(dir, '.ravi/config.json'), replaced);
    const r = await runCli(['teardown', dir, '--json'], { env: sb.env });
    expect(json(r.stdout)).toMatchObject({ identityDeleted: true, removed: [] });
    expect(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8')).toBe(replaced);
  });

  it('logs the lifecycle without secrets', async () => {
    const sb = sandbox();
    const dir = testdir();
    await runCli(['provision', dir], { env: sb.env });
    const key = json(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8')).identity_key as string;
    await runCli(['teardown', dir], { env: sb.env });
    const log = await runCli(['log', '--json'], { env: sb.env });
    const events = json(log.stdout).map((e: { event: string }) => e.event);
    expect(events).toEqual(['provision.before', 'provision.after', 'teardown.before', 'teardown.after']);
    expect(readFileSync(path.join(sb.state, 'events.jsonl'), 'utf8')).not.toContain(key);
    rmSync(dir, { recursive: true, force: true });
  });
});
