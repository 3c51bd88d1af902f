import { describe, expect, it } from 'vitest';
import { parseLease } from '../../src/lifecycle/lease';

const now = '2026-11-30T10:00:00.000Z';
const record = {
  version: 1,
  id: 'r1',
  state: 'created',
  workspace: '/ws/a',
  repo: null,
  worktree: false,
  provider: 'local',
  name: 'ws-a',
  uuid: 'u1',
  email: null,
  phone: null,
  files: ['/ws/a/.ravi/config.json'],
  blocks: [],
  createdAt: now,
  updatedAt: now,
  host: 'h',
  pid: 1,
};

describe('leases written by ravi-hooks 0.1 are read, so an upgrade loses nothing', () => {
  it('a ledger record in state `created` is a pending lease that knows its uuid', () => {
    expect(parseLease(record)).toMatchObject({
      version: 2,
      state: 'pending',
      uuid: 'u1',
      attemptAt: now,
      attempts: 0,
    });
  });

  it('an active record stays active; an orphan is an owed lease', () => {
    expect(parseLease({ ...record, state: 'active' })?.state).toBe('active');
    const orphan = {
      version: 1,
      id: 'o1',
      provider: 'ravi',
      uuid: 'u2',
      name: 'ws-b',
      workspace: '/ws/b',
      reason: 'x',
      attempts: 2,
      createdAt: now,
      updatedAt: now,
    };
    expect(parseLease(orphan)).toMatchObject({ state: 'owed', uuid: 'u2', attempts: 2, reason: 'x' });
  });

  it('anything else is not a lease', () => {
    expect(parseLease({ ...record, version: 3 })).toBeNull();
    expect(parseLease({ ...record, state: 'deleted' })).toBeNull();
    expect(parseLease(null)).toBeNull();
  });
});
