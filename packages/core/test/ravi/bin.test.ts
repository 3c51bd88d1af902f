import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBinary, pathWithout, shimDirs } from '../../src/providers/ravi/bin';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function binDir(...names: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ravi-bin-'));
  dirs.push(dir);
  for (const name of names) {
    writeFileSync(path.join(dir, name), '#!/bin/sh\n');
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}

describe('finding the real ravi', () => {
  it('looks a bare name up on PATH, skipping the ravi-hooks shim dirs', () => {
    const state = binDir();
    mkdirSync(path.join(state, 'shim'));
    writeFileSync(path.join(state, 'shim/ravi'), '#!/bin/sh\n', { mode: 0o755 });
    const other = binDir('ravi');
    const custom = binDir('ravi');
    const env = {
      PATH: [path.join(state, 'shim'), custom, other].join(path.delimiter),
      RAVI_HOOKS_SHIM_DIR: custom,
    };
    expect(findBinary('ravi', env, shimDirs(env, state))).toBe(path.join(other, 'ravi'));
    expect(pathWithout(env, shimDirs(env, state))).toBe(other);
  });

  it('takes a path as given, when it is an executable file', () => {
    const dir = binDir('ravi');
    writeFileSync(path.join(dir, 'plain'), 'x');
    expect(findBinary(path.join(dir, 'ravi'), {}, [])).toBe(path.join(dir, 'ravi'));
    expect(findBinary(path.join(dir, 'plain'), {}, [])).toBeNull();
    expect(findBinary(path.join(dir, 'missing'), {}, [])).toBeNull();
  });

  it('returns null when nothing is on PATH', () => {
    expect(findBinary('ravi', { PATH: binDir() }, [])).toBeNull();
  });
});
