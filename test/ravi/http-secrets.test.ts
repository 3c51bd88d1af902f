/**
 * Secrets over HTTP with the workspace's own identity key; the value travels only in a
 * request body, never in any process's argv.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, runCli } from '../support/cli';
import { gitdir } from '../support/tmp';
import { httpSandbox, json, provisionOk } from './support';

describe('secrets over HTTP', () => {
  it('set (from stdin) then list, as the workspace identity; a second set updates in place', async () => {
    const sb = await httpSandbox();
    const repo = gitdir();
    const { uuid } = await provisionOk(sb, repo);
    for (const value of ['sk-1', 'sk-2']) {
      const set = await runCli(['secrets', 'set', 'OPENAI_KEY', '-'], {
        cwd: repo,
        env: sb.env,
        input: `${value}\n`,
      });
      expect(set.code, set.stderr).toBe(0);
    }
    const list = await runCli(['secrets', 'list', repo, '--json', '--show'], { env: sb.env });
    expect(json(list.stdout).secrets).toEqual({ OPENAI_KEY: 'sk-2' });
    expect(sb.emu.secrets(uuid)).toHaveLength(1);
    const calls = sb.requests().filter((l) => l.path.startsWith('/api/secrets/'));
    expect(calls.every((l) => l.caller === 'identity')).toBe(true);
  });

  it('never puts the value in a process argv, even while the request is held by a slow server', async () => {
    const sb = await httpSandbox({}, {});
    const repo = gitdir();
    await provisionOk(sb, repo);
    sb.server.configure({ latencyMs: 1500 });
    const value = `sekret-${Date.now()}-value`;
    const child = spawn(process.execPath, [cliPath, 'secrets', 'set', 'TOKEN', '-'], {
      cwd: repo,
      env: { ...process.env, ...sb.env },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.stdin.end(`${value}\n`);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let seen = 0;
    let samples = 0;
    let done = false;
    exited.then(() => {
      done = true;
    });
    while (!done) {
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
          if (readFileSync(path.join('/proc', pid, 'cmdline'), 'utf8').includes(value)) seen += 1;
        } catch {
          // the process ended between readdir and read
        }
      }
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await exited).toBe(0);
    expect(samples).toBeGreaterThan(5);
    expect(seen).toBe(0);
    expect(
      sb.emu.secrets(json(readFileSync(path.join(repo, '.ravi/config.json'), 'utf8')).identity_uuid),
    ).toEqual([expect.objectContaining({ key: 'TOKEN', value })]);
  }, 30_000);
});
