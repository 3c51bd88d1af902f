/**
 * A workspace that moved (`git worktree move`, `mv`) keeps its identity: the lease is
 * re-keyed to the new path and the files it records move with it.
 */
import path from 'node:path';
import { configNames } from '../workspace/files';
import { worktreePaths } from '../workspace/git';
import type { Lease } from './lease';

export function rebound(lease: Lease, workspace: string): Lease {
  const move = (file: string) => {
    const rel = path.relative(lease.workspace, file);
    return rel.startsWith('..') || path.isAbsolute(rel) ? file : path.join(workspace, rel);
  };
  return { ...lease, workspace, files: lease.files.map(move), blocks: lease.blocks.map(move) };
}

/** Worktree lists per repository, asked once per run (gc checks many leases of one repo). */
export type WorktreeCache = Map<string, Promise<Set<string> | null>>;

/**
 * Where a lease's workspace went: another worktree of its repository whose config still
 * names the lease's identity (`git worktree list --porcelain`), or null.
 */
export async function findMoved(lease: Lease, cache: WorktreeCache = new Map()): Promise<string | null> {
  if (!lease.repo || !lease.uuid) return null;
  for (const candidate of (await worktreesOf(lease.repo, cache)) ?? []) {
    if (candidate !== lease.workspace && configNames(candidate, lease.uuid)) return candidate;
  }
  return null;
}

/** The repository's worktree paths, asked once per run; null when git cannot say. */
export function worktreesOf(repo: string, cache: WorktreeCache): Promise<Set<string> | null> {
  let list = cache.get(repo);
  if (!list) {
    list = worktreePaths(repo);
    cache.set(repo, list);
  }
  return list;
}
