/**
 * A workspace that moved (`git worktree move`, `mv`) keeps its identity: the lease is
 * re-keyed to the new path and the files it records move with it.
 */
import path from 'node:path';
import { readRaviConfig } from '../resolve/ravi-config';
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
  let list = cache.get(lease.repo);
  if (!list) {
    list = worktreePaths(lease.repo);
    cache.set(lease.repo, list);
  }
  for (const candidate of (await list) ?? []) {
    if (candidate !== lease.workspace && configNames(candidate, lease.uuid)) return candidate;
  }
  return null;
}

/** Whether `workspace`'s config (if readable) names `uuid`. */
export function configNames(workspace: string, uuid: string): boolean {
  try {
    return readRaviConfig(path.join(workspace, '.ravi', 'config.json'))?.identity_uuid === uuid;
  } catch {
    return false;
  }
}
