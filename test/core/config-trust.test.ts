import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { sandbox } from '../support/env';
import { testdir } from '../support/tmp';
import { userConfig } from '../support/user-config';

describe('the config trust boundary, as a user sees it', () => {
  it('doctor shows each setting with the file (or variable) that set it, and what a repository tried to set', async () => {
    const sb = sandbox();
    const user = userConfig(sb.env, { provider: 'local', phone: true });
    const repo = testdir({ 'ravi-hooks.config.json': '{"name": "agent-{dir}", "exportSecrets": true}' });
    const r = await runCli(['doctor', '--json'], {
      env: { ...sb.env, RAVI_HOOKS_EXPORT_SECRETS: '0' },
      cwd: repo,
    });
    const report = JSON.parse(r.stdout);
    const repoFile = path.join(repo, 'ravi-hooks.config.json');
    expect(report.settings).toEqual(
      expect.arrayContaining([
        { key: 'name', value: 'agent-{dir}', from: repoFile },
        { key: 'provider', value: 'local', from: user },
        { key: 'phone', value: true, from: user },
        { key: 'exportSecrets', value: false, from: 'RAVI_HOOKS_EXPORT_SECRETS' },
        { key: 'concurrency', value: 8, from: 'default' },
      ]),
    );
    expect(report.ignored).toEqual([
      expect.stringMatching(/^ignoring exportSecrets in .*ravi-hooks\.config\.json/),
    ]);
    const human = await runCli(['doctor'], { env: sb.env, cwd: repo });
    expect(human.stdout).toMatch(
      new RegExp(`name +agent-\\{dir\\} +\\(${repoFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)`),
    );
  }, 20_000);

  it('a forbidden key costs one warning line per process on stderr, never the hook', async () => {
    const sb = sandbox();
    const ws = testdir({ 'ravi-hooks.config.json': '{"provider": "ravi", "ravi": {"bin": "/nowhere"}}' });
    const r = await runCli(['provision', ws, '--json'], { env: sb.env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).provider ?? 'local').toBe('local');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^ravi-hooks: warning: ignoring provider in .*ravi-hooks\.config\.json: a repository may only set name and concurrency/,
      ),
      expect.stringMatching(/^ravi-hooks: warning: ignoring ravi\.bin in /),
    ]);
  }, 20_000);
});
