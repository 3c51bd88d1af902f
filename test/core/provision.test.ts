import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor, runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { gitdir, gitIn, testdir } from '../support/tmp';

const json = (stdout: string) => JSON.parse(stdout);

describe('ravi-hooks provision', () => {
  it('creates an identity and writes .ravi/config.json (0600 in a 0700 dir)', async () => {
    const sb = sandbox();
    const repo = gitdir();
    const r = await runCli(['provision', repo, '--json'], { env: sb.env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out).toMatchObject({
      workspace: repo,
      provider: 'local',
      created: true,
      name: `ws-${path.basename(repo)}`,
    });
    expect(out.email).toMatch(/@ravi-local\.invalid$/);
    const config = json(readFileSync(path.join(repo, '.ravi/config.json'), 'utf8'));
    expect(config).toMatchObject({ identity_uuid: out.uuid, identity_name: out.name });
    expect(config.management_key).toBeUndefined();
    expect(statSync(path.join(repo, '.ravi')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(repo, '.ravi/config.json')).mode & 0o777).toBe(0o600);
    sb.assertGlobalUntouched();
  });

  it('is idempotent: a second run returns the same identity with created:false', async () => {
    const sb = sandbox();
    const repo = gitdir();
    const first = json((await runCli(['provision', repo, '--json'], { env: sb.env })).stdout);
    const second = await runCli(['provision', repo, '--json'], { env: sb.env });
    expect(second.code).toBe(0);
    expect(json(second.stdout)).toMatchObject({ uuid: first.uuid, created: false, email: first.email });
    expect(readdirSync(path.join(sb.state, 'local/identities'))).toHaveLength(1);
  });

  it('adds .ravi/ to the shared exclude file once, even from linked worktrees', async () => {
    const sb = sandbox();
    const repo = gitdir();
    const wt = path.join(path.dirname(repo), `${path.basename(repo)}-wt`);
    gitIn(repo, ['worktree', 'add', '-q', wt]);
    try {
      await runCli(['provision', repo], { env: sb.env });
      await runCli(['provision', wt], { env: sb.env });
      const exclude = readFileSync(path.join(repo, '.git/info/exclude'), 'utf8');
      expect(exclude.split('\n').filter((l) => l === '.ravi/')).toHaveLength(1);
      expect(gitIn(wt, ['status', '--porcelain'])).toBe('');
    } finally {
      gitIn(repo, ['worktree', 'remove', '--force', wt]);
    }
  });

  it('names the identity from --name, or cleans up --name-hint', async () => {
    const sb = sandbox();
    const a = testdir();
    const b = testdir();
    expect(
      json((await runCli(['provision', a, '--name', 'Agent Smith', '--json'], { env: sb.env })).stdout).name,
    ).toBe('Agent Smith');
    const hinted = await runCli(['provision', b, '--name-hint', 'feat/$(rm -rf ~); "quoted"', '--json'], {
      env: sb.env,
    });
    expect(hinted.code).toBe(0);
    expect(json(hinted.stdout).name).toBe('feat-rm-rf-quoted');
  });

  it(
    '50 concurrent provision processes on 50 dirs give 50 distinct identities and 50 ledger records',
    async () => {
      const sb = sandbox();
      const dirs = Array.from({ length: 50 }, () => testdir());
      const results = await Promise.all(dirs.map((d) => runCli(['provision', d, '--json'], { env: sb.env })));
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const uuids = new Set(results.map((r) => json(r.stdout).uuid));
      const emails = new Set(results.map((r) => json(r.stdout).email));
      expect(uuids.size).toBe(50);
      expect(emails.size).toBe(50);
      const ledger = readdirSync(path.join(sb.state, 'ledger'));
      expect(ledger).toHaveLength(50);
      for (const f of ledger)
        expect(json(readFileSync(path.join(sb.state, 'ledger', f), 'utf8')).state).toBe('active');
      expect(readdirSync(path.join(sb.state, 'local/identities'))).toHaveLength(50);
      sb.assertGlobalUntouched();
    },
    budgetFor(50),
  );

  it(
    'the same workspace provisioned by 8 processes at once still ends with exactly one identity',
    async () => {
      const sb = sandbox();
      const dir = testdir();
      const results = await Promise.all(
        Array.from({ length: 8 }, () => runCli(['provision', dir, '--json'], { env: sb.env })),
      );
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      expect(new Set(results.map((r) => json(r.stdout).uuid)).size).toBe(1);
      expect(results.filter((r) => json(r.stdout).created)).toHaveLength(1);
      expect(readdirSync(path.join(sb.state, 'local/identities'))).toHaveLength(1);
    },
    budgetFor(8),
  );

  for (const stage of ['after-create', 'after-credentials', 'mid-write', 'after-write']) {
    it(`a failure ${stage} leaves no orphan identity and no half-written file`, async () => {
      const sb = sandbox({ RAVI_HOOKS_FAULT: stage });
      const dir = testdir({ 'keep.txt': 'user file\n' });
      const r = await runCli(['provision', dir], { env: sb.env });
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(dir)).toEqual(['keep.txt']);
      expect(readdirSync(path.join(sb.state, 'local/identities'))).toEqual([]);
      expect(readdirSync(path.join(sb.state, 'ledger'))).toEqual([]);
    });
  }

  it('a provision killed mid-way is settled by the next provision of that workspace: one identity, no wait', async () => {
    const sb = sandbox();
    const dir = testdir();
    const killed = await runCli(['provision', dir], {
      env: { ...sb.env, RAVI_HOOKS_FAULT: 'after-credentials:kill' },
    });
    expect(killed.code).not.toBe(0);
    // NOTE: a lock refreshed "in the future" never goes stale, so only recognising its owner
    // as dead lets this provision through; waiting it out would end in E_LOCKED instead.
    const future = new Date(Date.now() + 3_600_000);
    for (const lock of readdirSync(path.join(sb.state, 'locks')))
      utimesSync(path.join(sb.state, 'locks', lock), future, future);
    const again = await runCli(['provision', dir, '--json'], { env: sb.env });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(path.join(sb.state, 'local/identities'))).toEqual([`${json(again.stdout).uuid}.json`]);
  });
});
