/**
 * `ravi-hooks list`: every lease of this machine, and `forget`: clearing an irrevocable (or
 * retired) lease by hand once its identity has been dealt with outside ravi-hooks.
 */
import type { Engine } from '../engine';
import { InputError } from '../errors';
import { isBound, type Lease, type LeaseState } from './lease';
import { withReleased } from './session';

export interface LeaseView {
  id: string;
  workspace: string;
  uuid: string | null;
  name: string;
  email: string | null;
  provider: string;
  state: LeaseState;
  createdAt: string;
  updatedAt: string;
  reason: string | null;
}

export interface LeaseCounts {
  pending: number;
  active: number;
  owed: number;
  retired: number;
  irrevocable: number;
  corrupt: number;
}

export async function listLeases(
  engine: Pick<Engine, 'ledger'>,
  options: { all?: boolean } = {},
): Promise<{ leases: LeaseView[]; counts: LeaseCounts }> {
  const { leases, corrupt } = await engine.ledger.list();
  const counts: LeaseCounts = {
    pending: 0,
    active: 0,
    owed: 0,
    retired: 0,
    irrevocable: 0,
    corrupt: corrupt.length,
  };
  for (const lease of leases) counts[lease.state] += 1;
  const shown = options.all ? leases : leases.filter((lease) => lease.state !== 'retired');
  shown.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.workspace.localeCompare(b.workspace));
  return { leases: shown.map(view), counts };
}

function view(lease: Lease): LeaseView {
  return {
    id: lease.id,
    workspace: lease.workspace,
    uuid: lease.uuid,
    name: lease.name,
    email: lease.email,
    provider: lease.provider,
    state: lease.state,
    createdAt: lease.createdAt,
    updatedAt: lease.updatedAt,
    reason: lease.reason,
  };
}

/** Drops a released lease (irrevocable or retired) named by its uuid or lease id. */
export async function forgetLease(engine: Engine, ref: string): Promise<LeaseView> {
  const { leases } = await engine.ledger.list();
  const lease = leases.find((l) => l.id === ref || l.uuid === ref);
  if (!lease) throw new InputError(`no lease for ${ref}`, { hint: 'see `ravi-hooks list --all` for uuids' });
  if (isBound(lease) || lease.state === 'owed') {
    throw new InputError(
      `the lease of ${ref} is ${lease.state}; only irrevocable or retired leases can be forgotten`,
      {
        hint:
          lease.state === 'owed'
            ? 'run `ravi-hooks gc` to retry its deletion'
            : 'run `ravi-hooks teardown` on its workspace',
      },
    );
  }
  await withReleased(engine, lease, (tx) => tx.drop());
  return view(lease);
}
