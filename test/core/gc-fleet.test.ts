import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { gitdir, gitIn, testdir } from '../support/tmp';

const json = (stdout: string) => JSON.parse(stdout);
const identities = (state: string) =>
  existsSync(path.join(state, 'local/identities')) ? readdirSync(path.join(state, 'local/identities')) : [];

describe('ravi-hooks gc', () => {
  it('tears down identities whose workspace is gone and keeps the live ones', async () => {
    const sb = sandbox();
    const live = testdir();
    const gone = testdir();
    const emptied = testdir();
    for (const d of [live, gone, emptied]) await runCli(['provision', d], { env: sb.env });
    rmSync(gone, { recursive: true });
    rmSync(path.join(emptied, '.ravi'), { recursive: true });

    const dry = json((await runCli(['gc', '--dry-run', '--json'], { env: sb.env })).stdout);
    expect(dry.removed.map((e: { workspace: string }) => e.workspace).sort()).toEqual([gone, emptied].sort());
    expect(identities(sb.state)).toHaveLength(3);

    const r = await runCli(['gc', '--json'], { env: sb.env });
    expect(r.code, r.stderr).toBe(0);
    const result = json(r.stdout);
    expect(result.kept).toBe(1);
    expect(result.removed.map((e: { why: string }) => e.why).sort()).toEqual([
      'workspace config was removed',
      'workspace directory is gone',
    ]);
    expect(identities(sb.state)).toHaveLength(1);
    expect(json((await runCli(['gc', '--json'], { env: sb.env })).stdout)).toMatchObject({
      removed: [],
      kept: 1,
    });
  });

  it('reconciles against git: a worktree removed with `git worktree remove` loses its identity', async () => {
    const sb = sandbox();
    const repo = gitdir();
    const wt = path.join(path.dirname(repo), `${path.basename(repo)}-feature`);
    gitIn(repo, ['worktree', 'add', '-q', '-b', 'feature', wt]);
    await runCli(['provision', wt], { env: sb.env });
    gitIn(repo, ['worktree', 'remove', '--force', wt]);
    const r = json((await runCli(['gc', '--json'], { env: sb.env })).stdout);
    expect(r.removed).toHaveLength(1);
    expect(identities(sb.state)).toEqual([]);
  });

  it('finishes a provision killed after create by adopting the identity it made (intent recorded first)', async () => {
    const sb = sandbox();
    const dir = testdir();
    const killed = await runCli(['provision', dir], {
      env: { ...sb.env, RAVI_HOOKS_FAULT: 'after-create:kill' },
    });
    expect(killed.code).not.toBe(0);
    expect(identities(sb.state)).toHaveLength(1);
    const r = json((await runCli(['gc', '--json'], { env: sb.env })).stdout);
    expect(r.removed).toEqual([]);
    expect(r.adopted).toHaveLength(1);
    expect(r.adopted[0].why).toMatch(/did not finish/);
    expect(identities(sb.state)).toHaveLength(1);
    const which = json((await runCli(['which', dir, '--json'], { env: sb.env })).stdout);
    expect(identities(sb.state)).toEqual([`${which.uuid}.json`]);
  });

  it('settles a killed provision whose workspace is gone: the identity it made is deleted', async () => {
    const sb = sandbox();
    const dir = testdir();
    await runCli(['provision', dir], { env: { ...sb.env, RAVI_HOOKS_FAULT: 'after-create:kill' } });
    rmSync(dir, { recursive: true });
    const r = json((await runCli(['gc', '--json'], { env: sb.env })).stdout);
    expect(r.removed).toHaveLength(1);
    expect(r.removed[0].why).toMatch(/did not finish/);
    expect(identities(sb.state)).toEqual([]);
  });

  it('never touches identities that are not in this machine’s ledger', async () => {
    const sb = sandbox();
    const dir = testdir();
    await runCli(['provision', dir], { env: sb.env });
    // the same account used by another tool: an identity with no ledger record
    const other = testdir();
    await runCli(['provision', other], { env: sb.env });
    rmSync(path.join(sb.state, 'ledger'), { recursive: true });
    rmSync(dir, { recursive: true });
    const r = json((await runCli(['gc', '--json'], { env: sb.env })).stdout);
    expect(r.removed).toEqual([]);
    expect(identities(sb.state)).toHaveLength(2);
  });
});

describe('ravi-hooks fleet', () => {
  it('provisions many workspaces in parallel, reports each, and exits 1 if any failed', async () => {
    const sb = sandbox();
    const dirs = Array.from({ length: 12 }, () => testdir());
    const missing = path.join(sb.home, 'missing');
    const r = await runCli(['fleet', 'provision', ...dirs, missing, '--concurrency', '4', '--json'], {
      env: sb.env,
    });
    expect(r.code).toBe(1);
    const out = json(r.stdout);
    expect(out.failed).toBe(1);
    expect(out.results).toHaveLength(13);
    expect(out.results.at(-1)).toMatchObject({ workspace: missing, ok: false });
    expect(
      new Set(
        out.results
          .filter((i: { ok: boolean }) => i.ok)
          .map((i: { result: { uuid: string } }) => i.result.uuid),
      ).size,
    ).toBe(12);
    const down = await runCli(['fleet', 'teardown', ...dirs, '--json'], { env: sb.env });
    expect(down.code, down.stderr).toBe(0);
    expect(identities(sb.state)).toEqual([]);
    for (const d of dirs) expect(readdirSync(d)).toEqual([]);
    sb.assertGlobalUntouched();
  });

  it('prints a table for humans', async () => {
    const sb = sandbox();
    const dirs = [testdir(), testdir()];
    const r = await runCli(['fleet', 'provision', ...dirs], { env: sb.env });
    expect(r.stdout).toMatch(/^workspace\s+identity\s+email/);
    expect(r.stdout).toContain('2 ok, 0 failed');
    expect(readFileSync(path.join(dirs[0]!, '.ravi/config.json'), 'utf8')).toContain('identity_uuid');
  });
});
