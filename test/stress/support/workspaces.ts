/**
 * Workspaces for a stress run: `n` directories under one temp root (cleaned up after the
 * test), each holding a user file, snapshotted so the end state can be compared byte for
 * byte.
 */
import path from 'node:path';
import { testdir, writeTree } from '../../support/tmp';
import { type Snapshot, snapshot } from './world';

export interface Workspaces {
  dirs: string[];
  snapshots: Map<string, Snapshot>;
}

export function makeWorkspaces(n: number, prefix = 'ws'): Workspaces {
  const root = testdir();
  const dirs = Array.from({ length: n }, (_, i) =>
    path.join(root, `${prefix}-${String(i).padStart(3, '0')}`),
  );
  for (const dir of dirs) writeTree(dir, { 'keep.txt': `user file in ${path.basename(dir)}\n` });
  return { dirs, snapshots: new Map(dirs.map((d) => [d, snapshot(d)])) };
}

/** A deterministic pseudo-random source, so a failing trial can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
