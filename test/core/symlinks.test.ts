import { lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { testdir } from '../support/tmp';

/**
 * git checks symlinks out, so a hostile repository can ship `.ravi -> ~/somewhere`.
 * ravi-hooks must never write credentials through such a link, and must not create an
 * identity it then cannot store.
 */
describe('symlinks leading out of the workspace', () => {
  async function expectRefused(workspace: string, env: NodeJS.ProcessEnv, state: string) {
    const r = await runCli(['provision', workspace], { env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/symlink/);
    expect(readdirSync(state)).not.toContain('ledger');
    return r;
  }

  it('a .ravi symlink to a directory outside: refused, nothing written there, no identity', async () => {
    const sb = sandbox();
    const outside = testdir({ 'keep.txt': 'outside\n' });
    const ws = testdir();
    symlinkSync(outside, path.join(ws, '.ravi'));
    await expectRefused(ws, sb.env, sb.state);
    expect(readdirSync(outside)).toEqual(['keep.txt']);
    sb.assertGlobalUntouched();
  });

  it('a .ravi symlink to the global ~/.ravi: refused, global config byte-identical', async () => {
    const sb = sandbox();
    const ws = testdir();
    // the global config has no identity_uuid, so this reads as a foreign, unprovisioned config
    symlinkSync(path.dirname(sb.globalConfig), path.join(ws, '.ravi'));
    const r = await runCli(['provision', ws], { env: sb.env });
    expect(r.code).toBe(2);
    sb.assertGlobalUntouched();
  });

  it('a .ravi/config.json symlink, dangling or to a file outside: refused, target untouched', async () => {
    const sb = sandbox();
    const outside = testdir();
    const ws = testdir({ '.ravi': null });
    symlinkSync(path.join(outside, 'config.json'), path.join(ws, '.ravi/config.json'));
    await expectRefused(ws, sb.env, sb.state);
    expect(readdirSync(outside)).toEqual([]);
    expect(lstatSync(path.join(ws, '.ravi/config.json')).isSymbolicLink()).toBe(true);
  });

  it('a .env.local symlink out of the workspace with exportSecrets: the secrets block is not written there', async () => {
    const sb = sandbox();
    const outside = testdir({ env: 'A=1\n' });
    const ws = testdir();
    symlinkSync(path.join(outside, 'env'), path.join(ws, '.env.local'));
    await expectRefused(ws, { ...sb.env, RAVI_HOOKS_EXPORT_SECRETS: '1' }, sb.state);
    expect(readFileSync(path.join(outside, 'env'), 'utf8')).toBe('A=1\n');
    expect(readdirSync(ws).sort()).toEqual(['.env.local']);
  });

  // NOTE: since issue 9 a .ravi reached through any symlink is foreign (docs/decisions.md),
  // even one that stays inside the workspace: refused before anything is created
  it('a .ravi symlink, even one that stays inside the workspace, is refused: exit 2, nothing written', async () => {
    const sb = sandbox();
    const ws = testdir({ 'private/ravi': null });
    symlinkSync('private/ravi', path.join(ws, '.ravi'));
    const r = await runCli(['provision', ws], { env: sb.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/reached through a symlink \(\.ravi -> private\/ravi\)/);
    expect(readdirSync(path.join(ws, 'private/ravi'))).toEqual([]);
    const list = await runCli(['list', '--all', '--json'], { env: sb.env });
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});
