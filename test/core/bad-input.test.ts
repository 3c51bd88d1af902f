import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { testdir } from '../support/tmp';

/** Bad input: exit 2, exactly one line on stderr, nothing written anywhere. */
async function expectRejected(args: string[], env: NodeJS.ProcessEnv, mention: RegExp) {
  const r = await runCli(args, { env });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^ravi-hooks: /);
  expect(lines[0]).toMatch(mention);
  return r;
}

const immutable: string[] = [];
afterEach(() => {
  for (const dir of immutable.splice(0)) execFileSync('chattr', ['-i', dir]);
});

describe('bad input is refused with exit 2, one line, nothing written', () => {
  it('a missing DIR', async () => {
    const sb = sandbox();
    await expectRejected(['provision', path.join(sb.home, 'nope')], sb.env, /does not exist/);
    expect(readdirSync(sb.state)).toEqual([]);
  });

  it('a DIR that is a file', async () => {
    const sb = sandbox();
    const dir = testdir({ 'file.txt': 'x' });
    await expectRejected(['provision', path.join(dir, 'file.txt')], sb.env, /not a directory/);
    expect(readFileSync(path.join(dir, 'file.txt'), 'utf8')).toBe('x');
  });

  it('an unwritable DIR (even for root)', async () => {
    const sb = sandbox();
    const dir = testdir({ 'a.txt': 'a' });
    if (process.getuid?.() === 0) {
      execFileSync('chattr', ['+i', dir]);
      immutable.push(dir);
    } else execFileSync('chmod', ['0555', dir]);
    await expectRejected(['provision', dir], sb.env, /not writable/);
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(readdirSync(sb.state)).toEqual([]);
  });

  it('a read-only .ravi: refused before any identity is created (found by test/stress)', async () => {
    const sb = sandbox();
    const dir = testdir({ '.ravi': null });
    const ravi = path.join(dir, '.ravi');
    if (process.getuid?.() === 0) {
      execFileSync('chattr', ['+i', ravi]);
      immutable.push(ravi);
    } else execFileSync('chmod', ['0555', ravi]);
    await expectRejected(['provision', dir], sb.env, /\.ravi is not writable/);
    expect(readdirSync(ravi)).toEqual([]);
    expect(readdirSync(sb.state)).not.toContain('local');
  });

  for (const [label, content] of [
    ['truncated JSON', '{"identity_uuid": "abc'],
    ['a JSON array', '[]'],
    ['a wrong type', '{"identity_uuid": 42}'],
    ['no identity_uuid', '{"identity_name": "x"}'],
  ] as const) {
    it(`an existing .ravi/config.json holding ${label}`, async () => {
      const sb = sandbox();
      const dir = testdir({ '.ravi/config.json': content });
      await expectRejected(['provision', dir], sb.env, /config\.json/);
      expect(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8')).toBe(content);
      expect(readdirSync(sb.state)).toEqual([]);
    });
  }

  it('a .ravi that is a file', async () => {
    const sb = sandbox();
    const dir = testdir({ '.ravi': 'not a dir' });
    await expectRejected(['provision', dir], sb.env, /\.ravi/);
    expect(readFileSync(path.join(dir, '.ravi'), 'utf8')).toBe('not a dir');
  });

  it('a malformed config file names the file and each bad key', async () => {
    const sb = sandbox();
    const dir = testdir({
      'ravi-hooks.config.json': '{"provider": "local", "concurrency": "lots", "bogus": 1}',
    });
    const r = await expectRejected(['provision', dir], sb.env, /ravi-hooks\.config\.json/);
    expect(r.stderr).toMatch(/concurrency/);
    expect(readdirSync(dir)).toEqual(['ravi-hooks.config.json']);
  });

  it('a config file that is not valid YAML', async () => {
    const sb = sandbox();
    const dir = testdir({ '.ravi-hooksrc.yaml': 'provider: [local\n' });
    await expectRejected(['provision', dir], sb.env, /\.ravi-hooksrc\.yaml/);
  });

  it('an unparseable config says what the parser found, not just the file name (found by test/stress)', async () => {
    const sb = sandbox();
    const json = testdir({ 'ravi-hooks.config.json': '{"provider": "lo' });
    await expectRejected(
      ['provision', json],
      sb.env,
      /is invalid: Unterminated string in JSON at position 16 \(/,
    );
    const yaml = testdir({ '.ravi-hooksrc.yaml': 'provider: !!js/function "f"\n' });
    await expectRejected(['provision', yaml], sb.env, /is invalid: unknown tag .*js\/function/);
  });

  it('a code config inside a repository is not run unless the user opted in', async () => {
    const sb = sandbox();
    const canary = path.join(sb.home, 'canary');
    const dir = testdir({
      'ravi-hooks.config.mjs': `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(canary)}, 'ran'); export default {};`,
    });
    await expectRejected(['provision', dir], sb.env, /refusing to run code config/);
    expect(readdirSync(sb.home)).not.toContain('canary');
    const trusted = await runCli(['provision', dir], {
      env: { ...sb.env, RAVI_HOOKS_TRUST_CODE_CONFIG: '1' },
    });
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(readdirSync(sb.home)).toContain('canary');
  });

  for (const [label, name] of [
    ['quotes', 'bob "the" builder'],
    ['$()', 'x$(touch /tmp/ravi-hooks-canary)'],
    ['backticks', 'x`id`'],
    ['a newline', 'two\nlines'],
    ['a semicolon', 'a;b'],
    ['1000 characters', 'a'.repeat(1000)],
  ] as const) {
    it(`a --name with ${label}`, async () => {
      const sb = sandbox();
      const dir = testdir();
      await expectRejected(['provision', dir, '--name', name], sb.env, /name/);
      expect(readdirSync(dir)).toEqual([]);
      expect(readdirSync(sb.state)).toEqual([]);
    });
  }

  it('an unknown provider, from the flag or the environment', async () => {
    const sb = sandbox();
    const dir = testdir();
    await expectRejected(['provision', dir, '--provider', 'nope'], sb.env, /unknown provider "nope"/);
    await expectRejected(['provision', dir], { ...sb.env, RAVI_HOOKS_PROVIDER: 'nope' }, /unknown provider/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unknown command or option', async () => {
    const sb = sandbox();
    const r = await runCli(['provison'], { env: sb.env });
    expect(r.code).toBe(2);
    const o = await runCli(['provision', '--frobnicate'], { env: sb.env });
    expect(o.code).toBe(2);
    expect(o.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes nothing for bad input even when the workspace file is unreadable JSON and --json is given', async () => {
    const sb = sandbox();
    const dir = testdir({ '.ravi/config.json': '{' });
    const r = await runCli(['provision', dir, '--json'], { env: sb.env });
    expect(r.code).toBe(2);
    // with --json the error is the one document on stdout
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'E_WORKSPACE' } });
    expect(readFileSync(path.join(dir, '.ravi/config.json'), 'utf8')).toBe('{');
  });
});
