/**
 * Test-only fault points. `RAVI_HOOKS_FAULT=<stage>` makes the named stage throw, and
 * `RAVI_HOOKS_FAULT=<stage>:kill` SIGKILLs the process there (`:term` sends SIGTERM), so the crash and rollback
 * suites can hit each window (before create, between create and key minting, mid-write,
 * after write) deterministically instead of hoping a random kill lands in it.
 */
import { RaviHooksError } from '../errors';

export type FaultStage =
  | 'before-create'
  | 'after-create'
  | 'after-credentials'
  | 'mid-write'
  | 'after-write'
  | 'before-delete'
  | 'after-delete';

export function faultPoint(stage: FaultStage, env: NodeJS.ProcessEnv): void {
  const fault = env.RAVI_HOOKS_FAULT;
  if (!fault) return;
  if (fault === `${stage}:kill`) process.kill(process.pid, 'SIGKILL');
  if (fault === `${stage}:term`) process.kill(process.pid, 'SIGTERM');
  if (fault === stage) throw new RaviHooksError('E_INTERNAL', `injected fault at ${stage}`);
}
