import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, runProcess } from '../support/cli';
import { sandbox } from '../support/env';

/**
 * A ledger record of ravi-hooks 0.1 (version 1, still read as a lease) for a workspace that
 * no longer exists (gc would reclaim it), stored where 0.1 stored it: `ledger/<sha256>.json`.
 */
function writeStaleRecord(state: string, workspace: string): void {
  const key = createHash('sha256').update(workspace).digest('hex').slice(0, 32);
  mkdirSync(path.join(state, 'ledger'), { recursive: true });
  writeFileSync(path.join(state, 'ledger', `${key}.json`), JSON.stringify(staleRecord(workspace)));
}

function staleRecord(workspace: string) {
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
    const gone = path.join(sb.home, 'gone');
    for (let i = 0; i < 400; i += 1) writeStaleRecord(sb.state, path.join(gone, `ws-${i}`));
    const r = await runProcess(
      'bash',
      ['-c', 'ulimit -n 256 && exec "$0" "$@"', process.execPath, cliPath, 'gc', '--dry-run', '--json'],
      { env: sb.env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).removed).toHaveLength(400);
  });
});
