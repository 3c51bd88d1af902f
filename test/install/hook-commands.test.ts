/**
 * What `init` writes into shared, committed files names `ravi-hooks` portably, and `init`
 * checks that it resolves in the shell the orchestrator really uses.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { world } from '../adapters/harness';
import { runCli } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';

const workflow =
  '---\nhooks:\n  after_create: |\n    git clone https://example.invalid/repo .\n---\nDo the issue.\n';

describe('init writes portable hook commands', () => {
  it('run as `node …/cli.mjs` with no ravi-hooks on PATH, it still writes `ravi-hooks` and says how to install it', async () => {
    const w = world();
    const repo = gitdir({ '.amux/workspaces.json': '{"run": "npm start"}\n' });
    const env = { ...w.env, PATH: '/usr/bin:/bin' };
    const r = await runCli(['init', 'amux'], { cwd: repo, env });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(path.join(repo, '.amux/workspaces.json'), 'utf8');
    expect(text).toContain('then ravi-hooks provision --name-hint');
    expect(text).not.toContain(process.execPath);
    expect(text).not.toContain('cli.mjs');
    expect(r.stdout).toMatch(
      /warning: amux runs its hooks with `sh -c`, and `ravi-hooks` is not on PATH there: install it with `npm install -g ravi-hooks`/,
    );
  }, 20_000);

  it('keeps --command exactly as given', async () => {
    const w = world();
    const repo = gitdir();
    const r = await w.cli(['init', 'git', '--command', '/opt/rh/bin/ravi-hooks'], repo);
    expect(r.code, r.stderr).toBe(0);
    const hook = readFileSync(path.join(repo, '.git/hooks/post-checkout'), 'utf8');
    expect(hook).toContain(
      'if command -v /opt/rh/bin/ravi-hooks >/dev/null 2>&1; then /opt/rh/bin/ravi-hooks hook',
    );
  }, 20_000);
});

describe("init checks the orchestrator's own shell", () => {
  it('Symphony (`sh -lc`): names ~/.profile and the exact line when a login shell cannot find ravi-hooks', async () => {
    const w = world();
    rmSync(path.join(w.home, '.profile'));
    const project = testdir({ 'WORKFLOW.md': workflow });
    const r = await w.cli(['init', 'symphony', '--repo', project], project);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `warning: symphony runs its hooks with \`sh -lc\`, which does not find \`ravi-hooks\` (here it is ${path.join(w.bin, 'ravi-hooks')}): add \`export PATH="${w.bin}:$PATH"\` to ~/.profile`,
    );
  }, 20_000);

  it('says nothing when the login shell finds it', async () => {
    const w = world();
    const project = testdir({ 'WORKFLOW.md': workflow });
    const r = await w.cli(['init', 'symphony', '--repo', project], project);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('warning:');
  }, 20_000);

  it('reports the check in --json as a warning, and --remove does not check', async () => {
    const w = world();
    rmSync(path.join(w.home, '.profile'));
    const project = testdir({ 'WORKFLOW.md': workflow });
    const json = JSON.parse((await w.cli(['init', 'symphony', '--repo', project, '--json'], project)).stdout);
    expect(json.warnings).toEqual([expect.stringContaining('~/.profile')]);
    const removed = JSON.parse(
      (await w.cli(['init', 'symphony', '--repo', project, '--remove', '--json'], project)).stdout,
    );
    expect(removed.warnings).toEqual([]);
  }, 20_000);
});
