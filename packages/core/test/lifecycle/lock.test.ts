import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileOf, sweepLocks, withLock } from '../../src/lifecycle/lock';
import { startTimeOf } from '../../src/lifecycle/owner';
import { statePaths } from '../../src/state/paths';

function state() {
  const root = mkdtempSync(path.join(tmpdir(), 'ravi-hooks-lock-'));
  return statePaths(root);
}

/** A pid that certainly belongs to no running process (a child that has exited). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

function plantLock(paths: ReturnType<typeof state>, key: string, owner: Record<string, unknown>): string {
  const file = lockFileOf(paths, key);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ token: 'planted', key, at: new Date().toISOString(), ...owner }));
  return file;
}

describe('the workspace lock', () => {
  it('runs holders one at a time and leaves no lock file behind', async () => {
    const paths = state();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withLock(paths, '/ws/a', async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(readdirSync(paths.locksDir)).toEqual([]);
  });

  it('takes over a lock whose owner process is dead, once, while everyone else waits for the taker', async () => {
    const paths = state();
    plantLock(paths, '/ws/a', { host: hostname(), pid: await deadPid(), start: null });
    let inside = 0;
    let most = 0;
    let runs = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withLock(paths, '/ws/a', async () => {
          inside += 1;
          runs += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside -= 1;
        }),
      ),
    );
    expect({ most, runs }).toEqual({ most: 1, runs: 8 });
  });

  it('treats a live pid that started at another time (pid reuse) as dead', async () => {
    const paths = state();
    plantLock(paths, '/ws/a', { host: hostname(), pid: process.pid, start: `${startTimeOf(process.pid)}1` });
    await expect(withLock(paths, '/ws/a', async () => 'ran', { wait: false })).resolves.toBe('ran');
  });

  it('never takes a live holder’s lock: without waiting it is busy (E_LOCKED)', async () => {
    const paths = state();
    plantLock(paths, '/ws/a', { host: hostname(), pid: process.pid, start: startTimeOf(process.pid) });
    await expect(withLock(paths, '/ws/a', async () => 'ran', { wait: false })).rejects.toMatchObject({
      code: 'E_LOCKED',
    });
    await expect(withLock(paths, '/ws/a', async () => 'ran', { waitMs: 50 })).rejects.toMatchObject({
      code: 'E_LOCKED',
    });
  });

  it('never presumes a lock of another host dead', async () => {
    const paths = state();
    plantLock(paths, '/ws/a', { host: 'elsewhere.example', pid: await deadPid(), start: null });
    await expect(withLock(paths, '/ws/a', async () => 'ran', { wait: false })).rejects.toMatchObject({
      code: 'E_LOCKED',
    });
  });

  it('gc sweeps lock files of dead owners and keeps live ones', async () => {
    const paths = state();
    const dead = plantLock(paths, '/ws/dead', { host: hostname(), pid: await deadPid(), start: null });
    const live = plantLock(paths, '/ws/live', {
      host: hostname(),
      pid: process.pid,
      start: startTimeOf(process.pid),
    });
    expect(await sweepLocks(paths)).toBe(1);
    expect({ dead: existsSync(dead), live: existsSync(live) }).toEqual({ dead: false, live: true });
  });

  it('fails at once, not after a minute, when the state dir cannot be written (exit 2)', async () => {
    const paths = state();
    writeFileSync(paths.locksDir, 'not a directory');
    await expect(withLock(paths, '/ws/a', async () => 'ran')).rejects.toMatchObject({ code: 'E_STATE_DIR' });
  });
});
