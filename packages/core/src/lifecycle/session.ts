/**
 * The only way to change a lease: inside `withWorkspace` (holding that workspace's lock) or
 * `withReleased` (holding a released lease's lock). Provision, teardown, gc, secrets export
 * and move handling are thin callers of these; nobody else can write a lease.
 */
import type { Engine } from '../engine';
import type { Lease } from './lease';
import { type LockOptions, withLock, withLocks } from './lock';
import type { LeaseStore } from './store';

export interface WorkspaceTx {
  readonly workspace: string;
  /** The lease bound to the workspace now (read fresh, under the lock). */
  current(): Promise<Lease | null>;
  /** Records the workspace's lease (pending or active). */
  save(lease: Lease): Promise<Lease>;
  /** Forgets the workspace's lease (its identity is deleted, or it was never created). */
  drop(): Promise<void>;
  /**
   * Keeps a lease released from the workspace (owed, retired, irrevocable). Call `drop`
   * afterwards to unbind: kept first, unbound second, so a crash between leaves the lease in
   * both places (list de-duplicates by id), never in neither.
   */
  keep(lease: Lease): Promise<void>;
}

export interface ReleasedTx {
  /** The released lease as it is now (read under its lock), or null when it is gone. */
  current(): Promise<Lease | null>;
  save(lease: Lease): Promise<Lease>;
  drop(): Promise<void>;
  /** Keeps another released lease (an identity found while settling this one). */
  keep(lease: Lease): Promise<void>;
}

const stores = new WeakMap<Engine, LeaseStore>();

/** Registers the writable store behind an engine (engine.ts, once per engine). */
export function attachStore(engine: Engine, store: LeaseStore): void {
  stores.set(engine, store);
}

function storeOf(engine: Engine): LeaseStore {
  const store = stores.get(engine);
  if (!store) throw new Error('engine has no lease store');
  return store;
}

function txFor(store: LeaseStore, workspace: string): WorkspaceTx {
  return {
    workspace,
    current: () => store.get(workspace),
    async save(lease) {
      const next = { ...lease, workspace, updatedAt: new Date().toISOString() };
      await store.putBound(next);
      return next;
    },
    drop: () => store.dropBound(workspace),
    keep: (lease) => store.putReleased({ ...lease, updatedAt: new Date().toISOString() }),
  };
}

export function withWorkspace<T>(
  engine: Engine,
  workspace: string,
  fn: (tx: WorkspaceTx) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const store = storeOf(engine);
  return withLock(engine.paths, workspace, () => fn(txFor(store, workspace)), options);
}

/** Two workspaces at once (a moved worktree's old and new path), locked in a fixed order. */
export function withWorkspaces<T>(
  engine: Engine,
  workspaces: [string, string],
  fn: (a: WorkspaceTx, b: WorkspaceTx) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const store = storeOf(engine);
  const [a, b] = workspaces;
  return withLocks(engine.paths, workspaces, () => fn(txFor(store, a), txFor(store, b)), options);
}

export function withReleased<T>(
  engine: Engine,
  lease: Lease,
  fn: (tx: ReleasedTx) => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const store = storeOf(engine);
  return withLock(
    engine.paths,
    `lease:${lease.id}`,
    () =>
      fn({
        current: () => store.getReleased(lease.id),
        async save(next) {
          const saved = { ...next, updatedAt: new Date().toISOString() };
          await store.putReleased(saved);
          return saved;
        },
        drop: () => store.dropReleased(lease.id),
        keep: (other) => store.putReleased({ ...other, updatedAt: new Date().toISOString() }),
      }),
    options,
  );
}
