import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Ledger, type LedgerRecord, statePaths } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { cliPath, runProcess } from '../support/cli';
import { sandbox } from '../support/env';

/** A ledger record for a workspace that no longer exists (gc would reclaim it). */
function staleRecord(workspace: string): LedgerRecord {
  const now = new Date().toISOString();
  return {
    version: 1,
    id: randomUUID(),
    state: 'active',
    workspace,
    repo: null,
    worktree: false,
    provider: 'local',
    name: path.basename(workspace),
    uuid: randomUUID(),
    email: null,
    phone: null,
    files: [path.join(workspace, '.ravi', 'config.json')],
    blocks: [],
    createdAt: now,
    updatedAt: now,
    host: 'bench',
    pid: 1,
  };
}

/**
 * Found by the scale benchmark (bench/scale.mjs): gc read every ledger file at once and
 * died with EMFILE past `ulimit -n` (1024 on most Linux desktops, 256 on macOS), so on any
 * machine with more recorded workspaces than that. Here: 400 records under a limit of 256.
 */
describe('a ledger larger than the open-file limit', () => {
  it('gc --dry-run reads every record without running out of file descriptors', async () => {
    const sb = sandbox();
    const ledger = new Ledger(statePaths(sb.state));
    const gone = path.join(sb.home, 'gone');
    for (let i = 0; i < 400; i += 1) await ledger.put(staleRecord(path.join(gone, `ws-${i}`)));
    const r = await runProcess(
      'bash',
      ['-c', 'ulimit -n 256 && exec "$0" "$@"', process.execPath, cliPath, 'gc', '--dry-run', '--json'],
      { env: sb.env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).removed).toHaveLength(400);
  });
});
