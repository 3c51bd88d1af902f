/**
 * The ravi provider's inbox over HTTP: received email and SMS, read with the workspace's
 * own key, newest first, `since` and `limit` honoured.
 */
import { describe, expect, it } from 'vitest';
import { createRaviProvider } from '../../packages/core/src/providers/ravi/index';
import { testdir } from '../support/tmp';
import { httpSandbox } from './support';

describe('inbox over HTTP', () => {
  it('returns received email and SMS newest first, since and limit applied', async () => {
    const sb = await httpSandbox();
    const provider = await createRaviProvider({ stateDir: testdir(), env: sb.env, settings: {} });
    expect(provider.capabilities.inbox).toBe(true);
    const identity = await provider.create({ name: 'Inbox Agent', tag: 't', phone: true });
    const credentials = await provider.credentials(identity);
    expect(await provider.messages?.(identity, credentials)).toEqual([]);

    const first = sb.emu.receiveEmail(identity.uuid, {
      from: 'a@example.test',
      subject: 'Welcome',
      body: 'hello',
    });
    sb.emu.receiveSms(identity.uuid, { from: '+15550100', body: 'Your code is 123456' });
    sb.emu.receiveEmail(identity.uuid, { from: 'b@example.test', subject: 'Verify', body: 'click' });

    const all = await provider.messages?.(identity, credentials);
    expect(all?.map((m) => [m.channel, m.from, m.body])).toEqual([
      ['email', 'b@example.test', 'click'],
      ['sms', '+15550100', 'Your code is 123456'],
      ['email', 'a@example.test', 'hello'],
    ]);
    expect(all?.[2]).toMatchObject({ to: identity.email, subject: 'Welcome', receivedAt: first.created_dt });
    expect(all?.[1]).toMatchObject({ to: identity.phone, subject: null });
    const since = await provider.messages?.(identity, credentials, { since: first.created_dt });
    expect(since?.map((m) => m.body)).toEqual(['click', 'Your code is 123456']);
    expect((await provider.messages?.(identity, credentials, { limit: 1 }))?.map((m) => m.body)).toEqual([
      'click',
    ]);
    expect(
      sb
        .requests()
        .filter((l) => l.path.startsWith('/api/messages/') || l.path.startsWith('/api/email-messages/'))
        .every((l) => l.caller === 'identity'),
    ).toBe(true);
  });
});
