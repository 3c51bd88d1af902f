/**
 * The uuid this machine's lease binds to a workspace, read the light way (no zod, no lease
 * store): for the hot paths, which only need to know "is this config the one we wrote?".
 * Anything unreadable answers null, and the caller does the full check instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveStateDir, workspaceKey } from '../state/paths';

export function ownLeaseUuid(workspace: string, env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    const file = path.join(resolveStateDir(env), 'ledger', `${workspaceKey(workspace)}.json`);
    const lease = JSON.parse(readFileSync(file, 'utf8')) as {
      workspace?: unknown;
      uuid?: unknown;
      state?: unknown;
    };
    return lease.workspace === workspace && lease.state === 'active' && typeof lease.uuid === 'string'
      ? lease.uuid
      : null;
  } catch {
    return null;
  }
}
