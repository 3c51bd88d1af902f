import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { testdir } from '../support/tmp';
import { raviSandbox } from './support';

const json = (stdout: string) => JSON.parse(stdout);

describe('secrets through the ravi provider', () => {
  it('sets and lists with the workspace’s identity key only (never the management key)', async () => {
    const sb = await raviSandbox();
    const ws = testdir({ 'src/.keep': '' });
    const p = await runCli(['provision', ws, '--json'], { env: sb.env });
    expect(p.code, p.stderr).toBe(0);
    const set = await runCli(['secrets', 'set', 'OPENAI_KEY', '-', '--dir', path.join(ws, 'src')], {
      env: sb.env,
      input: 'sk-123\n',
    });
    expect(set.code, set.stderr).toBe(0);
    const list = await runCli(['secrets', 'list', ws, '--json', '--show'], { env: sb.env });
    expect(json(list.stdout).secrets).toEqual({ OPENAI_KEY: 'sk-123' });
    expect(sb.emu.secrets(json(p.stdout).uuid).map((s) => s.key)).toEqual(['OPENAI_KEY']);
    const calls = sb.invocations().filter((argv) => argv[0] === 'secrets');
    expect(calls.map((argv) => argv.slice(0, 2))).toEqual([
      ['secrets', 'set'],
      ['secrets', 'list'],
    ]);
    sb.assertGlobalUntouched();
  });
});
