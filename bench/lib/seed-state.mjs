/**
 * Writes `n` provisioned workspaces straight to disk, in the exact schema ravi-hooks uses
 * (packages/core/src/lifecycle/lease.ts, providers/local/store.ts), because provisioning
 * 10,000 through the CLI would take longer than the thing being measured. The caller
 * checks with `gc --dry-run` that every record parses.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

export function seedState({ state, parent, n }) {
  const ledger = path.join(state, 'ledger');
  const identities = path.join(state, 'local', 'identities');
  for (const dir of [ledger, identities]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = new Date().toISOString();
  for (let i = 0; i < n; i += 1) {
    const workspace = path.join(parent, `ws-${String(i).padStart(5, '0')}`);
    const uuid = randomUUID();
    const name = `ws-${i}`;
    const email = `ws-${i}.${uuid.slice(0, 8)}@ravi-local.invalid`;
    const key = `local_id_${randomBytes(18).toString('base64url')}`;
    const config = path.join(workspace, '.ravi', 'config.json');
    const id = randomUUID();
    mkdirSync(path.dirname(config), { recursive: true, mode: 0o700 });
    writeFileSync(config, json({ identity_uuid: uuid, identity_name: name, identity_key: key }), {
      mode: 0o600,
    });
    const record = {
      version: 2,
      id,
      state: 'active',
      workspace,
      repo: null,
      worktree: false,
      provider: 'local',
      name,
      uuid,
      email,
      phone: null,
      files: [config],
      blocks: [],
      createdAt: now,
      updatedAt: now,
      host: os.hostname(),
      pid: process.pid,
      attemptAt: now,
      attempts: 0,
      nextAttemptAt: null,
      reason: null,
    };
    const file = `${createHash('sha256').update(workspace).digest('hex').slice(0, 32)}.json`;
    writeFileSync(path.join(ledger, file), json(record), { mode: 0o600 });
    const identity = { uuid, name, email, phone: null, createdAt: now, tag: id, key, secrets: {} };
    writeFileSync(path.join(identities, `${uuid}.json`), json(identity), { mode: 0o600 });
  }
}
