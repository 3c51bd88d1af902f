import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitEnv, testdir } from '../../../../test/support/tmp';
import { loadConfig } from '../../src/config/load';
import { onConfigWarning } from '../../src/config/warnings';

/** A repository config (data) and a user-level config, in a fake HOME. */
function world(repoTree: Record<string, string>, user?: string) {
  const home = testdir(user === undefined ? {} : { '.config/ravi-hooks/config.json': user });
  const repo = testdir(repoTree);
  const env: NodeJS.ProcessEnv = { ...gitEnv(home), XDG_CONFIG_HOME: path.join(home, '.config') };
  return { repo, home, env, userFile: path.join(home, '.config/ravi-hooks/config.json') };
}

const HOSTILE = JSON.stringify({
  provider: 'ravi',
  name: 'repo-{dir}',
  concurrency: 3,
  exportSecrets: true,
  phone: true,
  trustCodeConfig: true,
  ravi: { bin: '/tmp/evil', apiUrl: 'http://127.0.0.1:1', timeoutMs: 5 },
});

afterEach(() => onConfigWarning(null));

describe('the trust boundary: what a repository config may set', () => {
  it.each([
    ['ravi-hooks.config.json', HOSTILE],
    ['.ravi-hooksrc', HOSTILE],
    [
      '.ravi-hooksrc.yaml',
      'provider: ravi\nname: repo-{dir}\nconcurrency: 3\nexportSecrets: true\nphone: true\ntrustCodeConfig: true\nravi:\n  bin: /tmp/evil\n  apiUrl: http://127.0.0.1:1\n  timeoutMs: 5\n',
    ],
    ['package.json', JSON.stringify({ name: 'x', 'ravi-hooks': JSON.parse(HOSTILE) })],
  ])(
    '%s: only name and concurrency apply; every other key is ignored with one warning naming file and key',
    async (file, text) => {
      const w = world({ [file]: text });
      const config = await loadConfig({ from: w.repo, env: w.env });
      expect(config).toMatchObject({
        provider: 'local',
        name: 'repo-{dir}',
        concurrency: 3,
        exportSecrets: false,
        phone: false,
        ravi: {},
      });
      const where = path.join(w.repo, file);
      expect(config.warnings).toHaveLength(5);
      for (const key of [
        'provider',
        'exportSecrets',
        'phone',
        'trustCodeConfig',
        'ravi.bin, ravi.apiUrl, ravi.timeoutMs',
      ])
        expect(config.warnings.some((l) => l.startsWith(`ignoring ${key} in ${where}:`))).toBe(true);
      expect(config.origins).toMatchObject({
        name: where,
        concurrency: where,
        provider: 'default',
        exportSecrets: 'default',
      });
    },
  );

  it('a forbidden key is ignored whatever its value: `provider: 5` never fails a hook', async () => {
    const w = world({ 'ravi-hooks.config.json': '{"provider": 5, "ravi": {"timeoutMs": -1}}' });
    const config = await loadConfig({ from: w.repo, env: w.env });
    expect(config.provider).toBe('local');
    expect(config.warnings).toHaveLength(2);
  });

  it('allowed keys and unknown keys are still validated (a typo is an error naming the file)', async () => {
    const w = world({ 'ravi-hooks.config.json': '{"concurrency": "lots"}' });
    await expect(loadConfig({ from: w.repo, env: w.env })).rejects.toThrow(
      /ravi-hooks\.config\.json is invalid: concurrency/,
    );
    const typo = world({ 'ravi-hooks.config.json': '{"provder": "ravi"}' });
    await expect(loadConfig({ from: typo.repo, env: typo.env })).rejects.toThrow(/provder/);
  });

  it('the user-level config may set everything, and a repository cannot override it', async () => {
    const w = world(
      { 'ravi-hooks.config.json': '{"provider": "local", "ravi": {"bin": "/tmp/evil"}}' },
      JSON.stringify({
        provider: 'ravi',
        exportSecrets: true,
        phone: true,
        ravi: { bin: '/opt/ravi', retries: 1 },
      }),
    );
    const config = await loadConfig({ from: w.repo, env: w.env });
    expect(config).toMatchObject({
      provider: 'ravi',
      exportSecrets: true,
      phone: true,
      ravi: { bin: '/opt/ravi', retries: 1 },
    });
    expect(config.origins).toMatchObject({
      provider: w.userFile,
      'ravi.bin': w.userFile,
      'ravi.retries': w.userFile,
    });
  });

  it('the environment beats the user config: RAVI_BIN and RAVI_HOOKS_API_URL drop ravi.bin and ravi.apiUrl', async () => {
    const w = world(
      {},
      JSON.stringify({ provider: 'ravi', ravi: { bin: '/opt/ravi', apiUrl: 'https://example.invalid' } }),
    );
    const env = {
      ...w.env,
      RAVI_BIN: '/usr/bin/ravi',
      RAVI_HOOKS_API_URL: 'http://127.0.0.1:9',
      RAVI_HOOKS_PROVIDER: 'local',
    };
    const config = await loadConfig({ from: w.repo, env });
    expect(config.ravi).toEqual({});
    expect(config.provider).toBe('local');
    expect(config.origins).toMatchObject({
      provider: 'RAVI_HOOKS_PROVIDER',
      'ravi.bin': 'RAVI_BIN',
      'ravi.apiUrl': 'RAVI_HOOKS_API_URL',
    });
  });

  it('exportSecrets and phone come from RAVI_HOOKS_EXPORT_SECRETS and RAVI_HOOKS_PHONE; a bad value is a config error', async () => {
    const w = world({});
    const on = await loadConfig({
      from: w.repo,
      env: { ...w.env, RAVI_HOOKS_EXPORT_SECRETS: '1', RAVI_HOOKS_PHONE: 'true' },
    });
    expect(on).toMatchObject({ exportSecrets: true, phone: true });
    expect(on.origins.exportSecrets).toBe('RAVI_HOOKS_EXPORT_SECRETS');
    await expect(loadConfig({ from: w.repo, env: { ...w.env, RAVI_HOOKS_PHONE: 'maybe' } })).rejects.toThrow(
      /RAVI_HOOKS_PHONE/,
    );
  });

  it('a repository cannot opt itself into code configs', async () => {
    const w = world({
      'package.json': '{"ravi-hooks": {"trustCodeConfig": true}}',
      'ws/ravi-hooks.config.mjs': 'export default {}',
    });
    await expect(loadConfig({ from: path.join(w.repo, 'ws'), stopDir: w.repo, env: w.env })).rejects.toThrow(
      /refusing to run code config/,
    );
  });

  it('warnings reach the installed sink once per process, however often the config is loaded', async () => {
    const w = world({ 'ravi-hooks.config.json': '{"provider": "ravi", "phone": true}' });
    const seen: string[] = [];
    onConfigWarning((line) => seen.push(line));
    await loadConfig({ from: w.repo, env: w.env });
    await loadConfig({ from: w.repo, env: w.env });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(
      /^ignoring provider in .*ravi-hooks\.config\.json: a repository may only set name and concurrency/,
    );
  });
});
