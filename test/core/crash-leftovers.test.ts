import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { testdir } from '../support/tmp';

/** The pid of a process that has already exited (as after a kill -9). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number;
}

const key = (workspace: string) => createHash('sha256').update(workspace).digest('hex').slice(0, 32);

/**
 * A kill -9 inside an atomic write leaves its temp file, and one inside a ravi call its
 * private key dir: no exit handler runs. Found by the crash suite (test/stress); these pin
 * the repair down deterministically.
 */
describe('leftovers of a killed run are swept', () => {
  it('gc removes a dead run’s temp files from the workspace .ravi and the state dir', async () => {
    const sb = sandbox();
    const ws = testdir({ 'keep.txt': 'mine\n' });
    const killed = await runCli(['provision', ws], {
      env: { ...sb.env, RAVI_HOOKS_FAULT: 'mid-write:kill' },
    });
    expect(killed.code).not.toBe(0);
    // as if the kill had landed inside the config's atomic write: only the temp exists
    rmSync(path.join(ws, '.ravi', 'config.json'));
    const pid = deadPid();
    writeFileSync(path.join(ws, '.ravi', `config.json.ravi-hooks-${pid}-1.tmp`), '{"identity_');
    writeFileSync(path.join(sb.state, 'ledger', `${key(ws)}.json.ravi-hooks-${pid}-2.tmp`), '{');
    mkdirSync(path.join(sb.state, 'tmp', `ravi-ravi-hooks-${pid}-AbC123`, '.ravi'), { recursive: true });

    const gc = await runCli(['gc', '--json'], { env: sb.env });
    expect(gc.code, gc.stderr).toBe(0);
    // the killed provision is finished (its identity adopted), and no temp is left anywhere
    expect(readdirSync(ws).sort()).toEqual(['.ravi', 'keep.txt']);
    expect(readdirSync(path.join(ws, '.ravi'))).toEqual(['config.json']);
    expect(readdirSync(path.join(sb.state, 'ledger'))).toEqual([`${key(ws)}.json`]);
    expect(readdirSync(path.join(sb.state, 'tmp'))).toEqual([]);
    expect(readdirSync(path.join(sb.state, 'local/identities'))).toHaveLength(1);
  });

  it('a temp file of a process that is still running is left alone', async () => {
    const sb = sandbox();
    const live = path.join(sb.state, 'ledger', `x.json.ravi-hooks-${process.pid}-1.tmp`);
    mkdirSync(path.dirname(live), { recursive: true });
    writeFileSync(live, '{');
    expect((await runCli(['gc'], { env: sb.env })).code).toBe(0);
    expect(existsSync(live)).toBe(true);
  });
});
