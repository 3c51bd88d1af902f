import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/errors';
import { classify, cliErrorText, failureError, parseStdout } from '../../src/providers/ravi/failure';
import { identityListSchema, identitySchema } from '../../src/providers/ravi/schemas';

const identity = {
  uuid: '0b7c7f3e-6d1c-4a8e-9d7e-2f1f6a7b8c9d',
  name: 'ws-app',
  inbox: 'ws-app-1a2b@raviapp.com',
  phone: '',
  created_dt: '2026-04-23T10:00:00Z',
  updated_dt: '2026-04-23T10:00:00Z',
};
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n\n`;

describe('reading ravi stderr', () => {
  it('takes the message from the JSON form of runtime errors', () => {
    expect(cliErrorText('{\n  "error": "API error: Invalid API key."\n}\n')).toBe(
      'API error: Invalid API key.',
    );
  });

  it('takes the message from the plain `Error:` form of usage errors, colour or not', () => {
    expect(cliErrorText('Error: unknown flag: --json\n')).toBe('unknown flag: --json');
    expect(cliErrorText('\u001b[31mError:\u001b[0m accepts 1 arg(s), received 0\n')).toBe(
      'accepts 1 arg(s), received 0',
    );
  });

  it('skips a warning printed before the JSON, and masks anything shaped like a key', () => {
    const text = cliErrorText('Warning: $HOME not set\n{"error": "API error: bad key ravi_mk_abcdefgh1234"}');
    expect(text).toBe('API error: bad key ravi_mk_***');
  });
});

describe('classifying failures', () => {
  it('a rate limit carries the seconds to wait', () => {
    expect(classify('Rate limited: Request was throttled. (retry in 7s)')).toEqual({
      kind: 'rate-limited',
      text: 'Rate limited: Request was throttled. (retry in 7s)',
      retryAfterSeconds: 7,
    });
    expect(classify('creating identity key: Rate limited: Request was throttled.')).toMatchObject({
      kind: 'rate-limited',
      retryAfterSeconds: undefined,
    });
  });

  it('5xx and network failures are transient; only some may have reached the server', () => {
    expect(classify('API error (status 502): <html>bad gateway</html>')).toMatchObject({
      kind: 'transient',
      ambiguous: true,
    });
    expect(
      classify('Post "https://ravi.id/api/identities/": dial tcp 1.2.3.4:443: connect: connection refused'),
    ).toMatchObject({ kind: 'transient', ambiguous: false });
    expect(
      classify(
        'Post "https://ravi.id/api/identities/": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
      ),
    ).toMatchObject({ kind: 'transient', ambiguous: true });
  });

  it('anything else fails fast', () => {
    expect(classify('API error: Phone provisioning requires an active subscription.').kind).toBe('fatal');
    expect(classify('unknown flag: --json').kind).toBe('fatal');
    expect(classify('identity "x" not found').kind).toBe('fatal');
  });

  it('turns a failure into a one-line ProviderError with a stable code', () => {
    const err = failureError('identity create', classify('Rate limited: slow down (retry in 3s)'));
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: 'E_RATE_LIMITED', transient: true, retryAfterSeconds: 3 });
    expect(err.message).toBe('ravi identity create failed: Rate limited: slow down (retry in 3s)');
    expect(failureError('identity list', classify('API error: nope'))).toMatchObject({
      code: 'E_PROVIDER',
      transient: false,
    });
  });
});

describe('parsing ravi stdout', () => {
  it('accepts pretty JSON followed by the two newlines ravi prints', () => {
    expect(parseStdout('identity create', pretty(identity), identitySchema)).toEqual(identity);
  });

  it('reads `null` as an empty identity list (Go nil slice)', () => {
    expect(parseStdout('identity list', 'null\n\n', identityListSchema)).toEqual([]);
  });

  it.each([
    [
      'help text',
      'Manage identities\n\nUsage:\n  ravi identity [command]\n\nAvailable Commands:\n  list\n',
      /help text/,
    ],
    ['plain text', 'Created identity ws-app\n', /not JSON/],
    ['truncated JSON', pretty(identity).slice(0, 40), /not JSON/],
    ['nothing', '\n', /printed nothing/],
    ['the wrong shape', pretty({ id: 1 }), /unexpected shape \(at uuid/],
  ])('rejects %s with E_PROVIDER_OUTPUT and a one-line message', (_what, stdout, message) => {
    let caught: unknown;
    try {
      parseStdout('identity create', stdout, identitySchema);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProviderError);
    expect((caught as ProviderError).code).toBe('E_PROVIDER_OUTPUT');
    expect((caught as ProviderError).message).toMatch(message);
    expect((caught as ProviderError).message).not.toMatch(/\n/);
  });
});
