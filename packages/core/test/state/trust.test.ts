import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testdir } from '../../../../test/support/tmp';
import { InputError } from '../../src/errors';
import { statePaths } from '../../src/state/paths';
import { assertStateDirUsable, forgetCheckedStateDirs } from '../../src/state/trust';

const root = process.getuid?.() === 0;
const immutable: string[] = [];
afterEach(() => {
  for (const dir of immutable.splice(0)) execFileSync('chattr', ['-i', dir]);
  forgetCheckedStateDirs();
});

/** The error `assertStateDirUsable` rejects with (it must reject). */
async function refusal(dir: string, options?: { write?: boolean }): Promise<InputError> {
  const error = await assertStateDirUsable(statePaths(dir), options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('a state dir is trusted only when nobody else can write it', () => {
  it('creates a missing state dir 0700 whatever the umask', async () => {
    const dir = path.join(testdir(), 'a', 'state');
    const previous = process.umask(0);
    try {
      await assertStateDirUsable(statePaths(dir));
    } finally {
      process.umask(previous);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual([]); // the write probe cleaned up after itself
  });

  it('refuses a group-writable state dir, with the chmod to run', async () => {
    const dir = testdir();
    chmodSync(dir, 0o770);
    const error = await refusal(dir);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/writable by group \(mode 0770\)/);
    expect(error.hint).toBe(`run: chmod 700 ${dir}`);
  });

  it('refuses a world-writable ledger inside a private state dir', async () => {
    const dir = testdir({ ledger: null });
    chmodSync(dir, 0o700);
    chmodSync(path.join(dir, 'ledger'), 0o1777);
    const error = await refusal(dir, { write: false });
    expect(error.message).toMatch(/ledger is writable by group and other users/);
    expect(error.hint).toBe(`run: chmod 700 ${path.join(dir, 'ledger')}`);
  });

  it.skipIf(!root)(
    'refuses a state dir owned by another user, with the chown to run (needs root)',
    async () => {
      const dir = testdir();
      chmodSync(dir, 0o700);
      chownSync(dir, 65534, 65534);
      const error = await refusal(dir);
      expect(error.message).toMatch(/is owned by uid 65534, not by you/);
      expect(error.hint).toMatch(/^run: chown -R \S+ /);
    },
  );

  it('refuses a state dir that is a file', async () => {
    const file = path.join(testdir(), 'state');
    writeFileSync(file, 'x');
    expect((await refusal(file)).message).toMatch(/is not a directory/);
  });

  it('refuses a state dir that cannot be written, but lets read-only commands read it', async () => {
    const dir = testdir({ 'events.jsonl': '' });
    chmodSync(dir, 0o700);
    if (root) {
      execFileSync('chattr', ['+i', dir]);
      immutable.push(dir);
    } else chmodSync(dir, 0o500);
    try {
      const error = await refusal(dir);
      expect(error.message).toMatch(/is not writable: permission denied/);
      expect(error.exitCode).toBe(2);
      await expect(assertStateDirUsable(statePaths(dir), { write: false })).resolves.toBeUndefined();
    } finally {
      if (!root) chmodSync(dir, 0o700);
    }
  });

  it('accepts a missing state dir for reading without creating it', async () => {
    const dir = path.join(testdir(), 'never');
    await assertStateDirUsable(statePaths(dir), { write: false });
    expect(() => statSync(dir)).toThrow();
  });

  it('checks once per process, and again after a failure', async () => {
    const dir = testdir();
    chmodSync(dir, 0o777);
    await refusal(dir);
    chmodSync(dir, 0o700);
    await assertStateDirUsable(statePaths(dir));
    mkdirSync(path.join(dir, 'ledger'), { mode: 0o777 });
    chmodSync(path.join(dir, 'ledger'), 0o777);
    // cached: a process does not re-stat for every operation it runs
    await expect(assertStateDirUsable(statePaths(dir))).resolves.toBeUndefined();
  });
});
