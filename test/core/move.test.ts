/**
 * Identity bound to the workspace, not to a path string (issue 8): `git worktree move`
 * keeps the identity, commands at the new path act on it and say so, a subdirectory gets
 * the enclosing identity unless --nested, and a `.ravi/config.json` we did not write
 * (dead, foreign, copied, committed, symlinked) is replaced or refused, never adopted.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpSandbox } from '../ravi/support';
import { localIdentities } from '../stress/support/world';
import { budgetFor, runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { gitdir, gitIn, testdir } from '../support/tmp';

const json = (stdout: string) => JSON.parse(stdout);
const configOf = (ws: string) => path.join(ws, '.ravi', 'config.json');

/** A repository with one linked worktree `wt`, and where it will move to. */
function movableWorktree() {
  const repo = gitdir();
  const from = path.join(testdir(), 'wt');
  const to = path.join(testdir(), 'wt-moved');
  gitIn(repo, ['worktree', 'add', '-q', from]);
  return { repo, from, to };
}

async function provisioned(env: NodeJS.ProcessEnv, dir: string, args: string[] = []) {
  const r = await runCli(['provision', dir, '--json', ...args], { env });
  expect(r.code, r.stderr).toBe(0);
  return json(r.stdout) as { uuid: string; email: string; name: string; workspace: string; created: boolean };
}

describe('a moved worktree keeps its identity', () => {
  it(
    'gc re-keys the lease to the new path; which, env, list and provision see it there',
    async () => {
      const sb = sandbox();
      const { repo, from, to } = movableWorktree();
      const p = await provisioned(sb.env, from);
      gitIn(repo, ['worktree', 'move', from, to]);
      const gc = await runCli(['gc', '--json'], { env: sb.env });
      expect(gc.code, gc.stderr).toBe(0);
      expect(json(gc.stdout)).toMatchObject({ moved: [{ from, to, uuid: p.uuid }], removed: [] });
      expect(localIdentities(sb.state)).toEqual([p.uuid]);
      const which = json((await runCli(['which', to, '--json'], { env: sb.env })).stdout);
      expect(which).toMatchObject({ source: 'workspace', uuid: p.uuid, configPath: configOf(to) });
      const env = json((await runCli(['env', to, '--format', 'json'], { env: sb.env })).stdout);
      expect(env).toMatchObject({ RAVI_EMAIL: p.email, RAVI_IDENTITY_UUID: p.uuid });
      const list = json((await runCli(['list', '--json'], { env: sb.env })).stdout);
      expect(list).toMatchObject([{ workspace: to, uuid: p.uuid, state: 'active' }]);
      expect(await provisioned(sb.env, to)).toMatchObject({ uuid: p.uuid, created: false, workspace: to });
    },
    budgetFor(7),
  );

  it(
    'with no gc in between, provision at the new path returns the identity and teardown there deletes it',
    async () => {
      const sb = sandbox();
      const { repo, from, to } = movableWorktree();
      const p = await provisioned(sb.env, from);
      gitIn(repo, ['worktree', 'move', from, to]);
      expect(await provisioned(sb.env, to)).toMatchObject({ uuid: p.uuid, created: false });
      const down = await runCli(['teardown', to, '--json'], { env: sb.env });
      expect(down.code, down.stderr).toBe(0);
      expect(json(down.stdout)).toMatchObject({
        workspace: to,
        uuid: p.uuid,
        outcome: 'deleted',
        identityDeleted: true,
      });
      expect(localIdentities(sb.state)).toEqual([]);
      expect(existsSync(configOf(to))).toBe(false);
    },
    budgetFor(3),
  );

  it(
    'teardown at the old path says the workspace moved and deletes nothing',
    async () => {
      const sb = sandbox();
      const { repo, from, to } = movableWorktree();
      const p = await provisioned(sb.env, from);
      gitIn(repo, ['worktree', 'move', from, to]);
      const old = await runCli(['teardown', from, '--json'], { env: sb.env });
      expect(old.code, old.stderr).toBe(0);
      expect(json(old.stdout)).toMatchObject({ uuid: p.uuid, identityDeleted: false, outcome: 'none' });
      expect(json(old.stdout).reason).toContain(`moved to ${to}`);
      const human = await runCli(['teardown', from], { env: sb.env });
      expect(human.stdout).toMatch(/^did not tear down .*\n.*moved to/);
      expect(localIdentities(sb.state)).toEqual([p.uuid]);
      expect(json(readFileSync(configOf(to), 'utf8')).identity_uuid).toBe(p.uuid);
      const here = json((await runCli(['teardown', to, '--json'], { env: sb.env })).stdout);
      expect(here).toMatchObject({ uuid: p.uuid, outcome: 'deleted' });
    },
    budgetFor(4),
  );
});

describe('provision inside a provisioned workspace', () => {
  it(
    'returns the enclosing identity (created: false); --nested gives the subdirectory its own',
    async () => {
      const sb = sandbox();
      const ws = testdir({ 'packages/app/index.ts': '' });
      const sub = path.join(ws, 'packages/app');
      const outer = await provisioned(sb.env, ws);
      const inner = await provisioned(sb.env, sub);
      expect(inner).toMatchObject({ uuid: outer.uuid, workspace: ws, created: false });
      expect(existsSync(path.join(sub, '.ravi'))).toBe(false);
      const nested = await provisioned(sb.env, sub, ['--nested']);
      expect(nested).toMatchObject({ workspace: sub, created: true });
      expect(nested.uuid).not.toBe(outer.uuid);
      expect(localIdentities(sb.state).sort()).toEqual([outer.uuid, nested.uuid].sort());
      // from then on the subdirectory is a workspace of its own
      expect(await provisioned(sb.env, sub)).toMatchObject({ uuid: nested.uuid, created: false });
    },
    budgetFor(4),
  );
});

describe('a workspace config ravi-hooks did not write', () => {
  it('naming an identity unknown here and to the provider (dead) is replaced on provision', async () => {
    const sb = sandbox();
    const dead = '0b7c7f3e-6d1c-4a8e-9d7e-2f1f6a7b8c9d';
    const ws = testdir({
      '.ravi/config.json': JSON.stringify({ identity_uuid: dead, identity_name: 'gone' }),
    });
    const p = await provisioned(sb.env, ws);
    expect(p.created).toBe(true);
    expect(p.uuid).not.toBe(dead);
    expect(json(readFileSync(configOf(ws), 'utf8')).identity_uuid).toBe(p.uuid);
    expect(localIdentities(sb.state)).toEqual([p.uuid]);
  });

  it('naming an identity the provider knows but no lease of this machine made is refused (exit 2)', async () => {
    const sb = await httpSandbox();
    const theirs = sb.emu.createIdentity({ name: 'someone else' });
    const text = JSON.stringify({ identity_uuid: theirs.uuid, identity_name: theirs.name });
    const ws = testdir({ '.ravi/config.json': text });
    const r = await runCli(['provision', ws], { env: sb.env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('did not create on this machine');
    expect(readFileSync(configOf(ws), 'utf8')).toBe(text);
    expect(sb.emu.identities().map((i) => i.uuid)).toEqual([theirs.uuid]);
  });

  it(
    "a copy of another workspace's config is refused, and the original keeps its identity",
    async () => {
      const sb = sandbox();
      const [a, b] = [testdir(), testdir()];
      const p = await provisioned(sb.env, a);
      mkdirSync(path.join(b, '.ravi'));
      const copy = readFileSync(configOf(a), 'utf8');
      writeFileSync(configOf(b), copy);
      const r = await runCli(['provision', b], { env: sb.env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is a copy of');
      expect(readFileSync(configOf(b), 'utf8')).toBe(copy);
      expect(await provisioned(sb.env, a)).toMatchObject({ uuid: p.uuid, created: false });
      expect(localIdentities(sb.state)).toEqual([p.uuid]);
    },
    budgetFor(3),
  );

  it(
    'one committed to git, or reached through a symlink, is refused (exit 2) and left as it is',
    async () => {
      const sb = sandbox();
      const dead = JSON.stringify({ identity_uuid: '0b7c7f3e-6d1c-4a8e-9d7e-2f1f6a7b8c9d' });
      const tracked = gitdir({ 'README.md': '# x\n', '.ravi/config.json': dead });
      const linked = testdir({ 'elsewhere/config.json': dead, '.ravi': null });
      symlinkSync(path.join(linked, 'elsewhere/config.json'), configOf(linked));
      for (const ws of [tracked, linked]) {
        const r = await runCli(['provision', ws], { env: sb.env });
        expect(r.code, `${ws}: ${r.stderr}`).toBe(2);
        expect(readFileSync(configOf(ws), 'utf8')).toBe(dead);
      }
      expect(localIdentities(sb.state)).toEqual([]);
    },
    budgetFor(2),
  );
});
