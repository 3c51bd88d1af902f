import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir, testdir } from '../../../../test/support/tmp';
import { readRaviConfig } from '../../src/resolve/ravi-config';
import { withoutManagementKeys } from '../../src/workspace/agent-env';
import { applySecretsBlock, dotenvQuote } from '../../src/workspace/env-local';
import { inspectWorkspaceConfig } from '../../src/workspace/foreign';
import { gitFacts } from '../../src/workspace/git';

const CONFIG = '{"identity_uuid": "u-1", "identity_key": "ravi_id_attacker"}\n';

describe('reading a .ravi/config.json', () => {
  it('refuses a device, a FIFO and a file over 64 KiB instead of reading them (16.8 GB from /dev/zero before)', () => {
    const dir = testdir({ '.ravi': null, 'big/.ravi/config.json': `{"x": "${'a'.repeat(70_000)}"}` });
    symlinkSync('/dev/zero', path.join(dir, '.ravi/config.json'));
    expect(() => readRaviConfig(path.join(dir, '.ravi/config.json'))).toThrow(/not a regular file/);
    expect(() => readRaviConfig(path.join(dir, 'big/.ravi/config.json'))).toThrow(/larger than 64 KiB/);
    const fifo = path.join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    expect(() => readRaviConfig(fifo)).toThrow(/not a regular file/);
  });

  it('with noFollow, a symlinked file is refused; without, a symlink to a regular file is read', () => {
    const dir = testdir({ 'real.json': CONFIG });
    symlinkSync(path.join(dir, 'real.json'), path.join(dir, 'link.json'));
    expect(readRaviConfig(path.join(dir, 'link.json'))?.identity_uuid).toBe('u-1');
    expect(() => readRaviConfig(path.join(dir, 'link.json'), { noFollow: true })).toThrow(/symlink/);
  });
});

describe('inspectWorkspaceConfig: can this .ravi/config.json be ours?', () => {
  it('a config committed to the repository is flagged as tracked', async () => {
    const repo = gitdir({ '.ravi/config.json': CONFIG });
    const r = await inspectWorkspaceConfig(repo, await gitFacts(repo));
    expect(r.problems).toEqual(['tracked by git (.ravi/config.json)']);
    expect(r.config?.identity_uuid).toBe('u-1');
  });

  it('a .ravi symlink into a tracked folder is flagged (our key would be committed)', async () => {
    const repo = gitdir({ 'src/keep.txt': 'x\n' });
    symlinkSync('src', path.join(repo, '.ravi'));
    const r = await inspectWorkspaceConfig(repo, await gitFacts(repo));
    expect(r.problems).toEqual(['reached through a symlink (.ravi -> src)']);
  });

  it('a config.json symlink (here to /dev/zero) is flagged and never read', async () => {
    const ws = testdir({ '.ravi': null });
    symlinkSync('/dev/zero', path.join(ws, '.ravi/config.json'));
    expect(await inspectWorkspaceConfig(ws, null)).toEqual({
      config: null,
      problems: ['a symlink (config.json -> /dev/zero)'],
    });
  });

  it('a directory, a huge file, or malformed JSON is a problem, not a crash; an untracked regular file has none', async () => {
    const dir = testdir({
      'a/.ravi/config.json/x': '',
      'b/.ravi/config.json': 'x'.repeat(70_000),
      'c/.ravi/config.json': '{',
    });
    expect((await inspectWorkspaceConfig(path.join(dir, 'a'), null)).problems).toEqual([
      'not a regular file',
    ]);
    expect((await inspectWorkspaceConfig(path.join(dir, 'b'), null)).problems).toEqual([
      'larger than 64 KiB',
    ]);
    expect((await inspectWorkspaceConfig(path.join(dir, 'c'), null)).problems).toEqual([
      'malformed: not valid JSON',
    ]);
    const repo = gitdir();
    mkdirSync(path.join(repo, '.ravi'));
    writeFileSync(path.join(repo, '.ravi/config.json'), CONFIG);
    expect(await inspectWorkspaceConfig(repo, await gitFacts(repo))).toEqual({
      config: JSON.parse(CONFIG),
      problems: [],
    });
    expect(await inspectWorkspaceConfig(testdir(), null)).toEqual({ config: null, problems: [] });
  });
});

describe('values in dotenv output and the .env.local block', () => {
  const hostile = [
    'a`touch CANARY`',
    "it's `touch CANARY`",
    "q'$(touch CANARY)",
    "x'\n`touch CANARY`\\",
    'plain',
    "o'k",
  ];

  it('sourcing them in sh never runs anything and gives every single-line value back', () => {
    const dir = testdir();
    const canary = path.join(dir, 'CANARY');
    const secrets = Object.fromEntries(hostile.map((v, i) => [`K${i}`, v]));
    writeFileSync(path.join(dir, '.env.local'), applySecretsBlock(null, secrets));
    const out = execFileSync(
      'sh',
      [
        '-c',
        `. ./.env.local; for k in ${Object.keys(secrets).join(' ')}; do eval "printf '%s\\0' \\"\\$$k\\""; done`,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(existsSync(canary)).toBe(false);
    const back = out.split('\0').slice(0, -1);
    hostile.forEach((v, i) => {
      if (!v.includes('\n')) expect(back[i]).toBe(v);
    });
  });

  it('a backtick inside double quotes is escaped', () => {
    expect(dotenvQuote("it's `x`")).toBe('"it\'s \\`x\\`"');
  });
});

describe('the environment of children we start', () => {
  it('drops every management credential, by name and by value, and keeps the rest', () => {
    const env = {
      PATH: '/bin',
      RAVI_HOOKS_MANAGEMENT_KEY: 'ravi_mk_1',
      RAVI_MANAGEMENT_KEY: 'x',
      OTHER_MANAGEMENT_KEY: 'y',
      COPY: 'ravi_mk_abc',
      LOCAL: 'local_mk_abc',
      RAVI_CONFIG_DIR: '/w/.ravi',
    };
    expect(withoutManagementKeys(env)).toEqual({ PATH: '/bin', RAVI_CONFIG_DIR: '/w/.ravi' });
  });
});
