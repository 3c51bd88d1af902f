import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { sleep, workspaces } from './support';

describe('ravi-hooks inbox and local deliver', () => {
  it('inbox --json: this workspace’s messages only, newest first, in the documented shape', async () => {
    const sb = sandbox();
    const [a, b] = await workspaces(sb, 2);
    if (!a || !b) throw new Error('no workspaces');
    const deliver = (to: string, body: string, extra: string[] = []) =>
      runCli(['local', 'deliver', '--to', to, '--body', body, ...extra], { env: sb.env });
    expect((await deliver(a.email, 'first', ['--subject', 'One', '--from', 'x@acme.example'])).code).toBe(0);
    await sleep(5);
    expect(
      (await runCli(['local', 'deliver', '--to', a.email, '--body', '-'], { env: sb.env, input: 'second\n' }))
        .code,
    ).toBe(0);
    await deliver(b.email, 'for b only');
    const r = await runCli(['inbox', '--json'], { cwd: path.join(a.dir, 'src'), env: sb.env });
    expect(r.code).toBe(0);
    const messages = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(messages.map((m) => m.body)).toEqual(['second\n', 'first']);
    expect(Object.keys(messages[1] ?? {}).sort()).toEqual([
      'body',
      'channel',
      'from',
      'id',
      'receivedAt',
      'subject',
      'to',
    ]);
    expect(messages[1]).toMatchObject({
      channel: 'email',
      from: 'x@acme.example',
      to: a.email,
      subject: 'One',
    });
    const human = await runCli(['inbox', '--limit', '1'], { cwd: a.dir, env: sb.env });
    expect(human.stdout.split('\n')[1]).toMatch(/email\s+deliver@ravi-local\.invalid\s+second$/);
  }, 30_000);

  it('deliver: unknown address or empty body is exit 2 with one line; nothing is stored', async () => {
    const sb = sandbox();
    const [a] = await workspaces(sb, 1);
    if (!a) throw new Error('no workspace');
    const unknown = await runCli(['local', 'deliver', '--to', 'nobody@ravi-local.invalid', '--body', 'hi'], {
      env: sb.env,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
    const phone = await runCli(['local', 'deliver', '--to', '+1 201 555 0199', '--body', 'hi'], {
      env: sb.env,
    });
    expect(phone.code).toBe(2);
    const empty = await runCli(['local', 'deliver', '--to', a.email, '--body', ' \n'], { env: sb.env });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/body is empty/);
    expect(existsSync(path.join(sb.state, 'local/inbox', a.uuid))).toBe(false);
  }, 30_000);

  it('messages are private files in the state dir, survive restarts, and go with the identity', async () => {
    const sb = sandbox();
    const [a] = await workspaces(sb, 1);
    if (!a) throw new Error('no workspace');
    await runCli(['local', 'deliver', '--to', a.email, '--body', 'Your code is 424242'], { env: sb.env });
    const dir = path.join(sb.state, 'local/inbox', a.uuid);
    const [file] = readdirSync(dir);
    expect(statSync(path.join(dir, file ?? '')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect((await runCli(['otp'], { cwd: a.dir, env: sb.env })).stdout).toBe('424242\n');
    expect((await runCli(['teardown', a.dir], { env: sb.env })).code).toBe(0);
    expect(existsSync(dir)).toBe(false);
  }, 30_000);
});
