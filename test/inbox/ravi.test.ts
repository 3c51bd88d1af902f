/**
 * otp --wait with the ravi provider against the emulator's API server: each workspace reads
 * its own identity's mail through its own identity key, by polling with backoff.
 */
import { describe, expect, it } from 'vitest';
import { httpSandbox, provisionOk } from '../ravi/support';
import { gitdir } from '../support/tmp';
import { shuffle, sleep, start } from './support';

describe('ravi-hooks otp --wait (ravi provider, emulator server)', () => {
  it('8 workspaces wait at once; each prints exactly its own code despite decoys and random order', async () => {
    const sb = await httpSandbox();
    const dirs = Array.from({ length: 9 }, () => gitdir());
    const identities = [];
    for (const dir of dirs) identities.push({ dir, ...(await provisionOk(sb, dir)) });
    const [other, ...agents] = identities;
    if (!other) throw new Error('no workspaces');
    const codes = agents.map((_, i) => String(520000 + i * 1313));
    const from = 'Acme <no-reply@acme.example>';
    for (const a of agents)
      sb.emu.receiveEmail(a.uuid, { from, subject: 'Old', body: 'Your code is 111111' });
    await sleep(20);
    const waiters = agents.map((a) =>
      start(['otp', '--wait', '--timeout', '60'], { cwd: a.dir, env: sb.env }),
    );
    // NOTE: as for local: a waiter counts only what arrives after its own start, so deliver in rounds
    for (let round = 0; waiters.some((w) => !w.exited()) && round < 200; round += 1) {
      sb.emu.receiveEmail(other.uuid, { from, subject: 'Not yours', body: 'Your code is 999999' });
      const pending = agents.map((a, i) => ({ a, i })).filter(({ i }) => !waiters[i]?.exited());
      for (const { a } of shuffle(pending))
        sb.emu.receiveEmail(a.uuid, { from, subject: 'Hi', body: 'Welcome to Acme!' });
      for (const { a, i } of shuffle(pending))
        sb.emu.receiveEmail(a.uuid, { from, subject: 'Acme code', body: `Your Acme code is ${codes[i]}` });
      await sleep(500);
    }
    const results = await Promise.all(waiters.map((w) => w.done));
    expect(results.map((r) => r.stdout)).toEqual(codes.map((c) => `${c}\n`));
    const reads = sb.requests().filter((l) => l.path.startsWith('/api/email-messages/'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((l) => l.caller === 'identity')).toBe(true);
  }, 120_000);
});
