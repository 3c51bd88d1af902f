import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invocationPattern, invokedCommand, shellInvocation } from '../../src/install/edits/invocation';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A PATH holding nothing but, when given, a fake `ravi-hooks` exiting with `status`. */
function fakePath(status?: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ravi-hooks-invocation-'));
  dirs.push(dir);
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  if (status !== undefined) {
    writeFileSync(
      path.join(bin, 'ravi-hooks'),
      `#!/bin/sh\necho "argv: $*"\n[ ${status} = 0 ] || echo "failing for real" >&2\nexit ${status}\n`,
      { mode: 0o755 },
    );
  }
  return bin;
}

function runLine(line: string, PATH: string) {
  const r = spawnSync('/bin/sh', ['-c', line], { env: { PATH }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const line = shellInvocation(
  'ravi-hooks',
  ['provision', '--name-hint', '"$NAME"'],
  'this workspace gets no identity',
);

describe('shellInvocation: a hook call that survives a missing command', () => {
  it('prints one stderr line and succeeds when the command is not on PATH', () => {
    const r = runLine(line, fakePath());
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ravi-hooks: ravi-hooks is not on PATH, so this workspace gets no identity \(/),
    ]);
  });

  it('runs the command with its arguments when it is there', () => {
    const r = runLine(`NAME='my ws'; ${line}`, fakePath(0));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('argv: provision --name-hint my ws\n');
  });

  it('keeps a real failure visible: its status and its stderr', () => {
    const r = runLine(line, fakePath(3));
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('failing for real\n');
  });

  it('guards on the first word of a quoted --command', () => {
    const guarded = shellInvocation(
      "'/opt/node 20/bin/node' /x/cli.mjs",
      ['teardown'],
      'nothing is torn down',
    );
    expect(guarded.startsWith("if command -v '/opt/node 20/bin/node' >/dev/null 2>&1; then")).toBe(true);
    const r = runLine(guarded, fakePath());
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^ravi-hooks: \/opt\/node 20\/bin\/node is not on PATH, so nothing is torn down/,
    );
  });

  it('is recognised, with its command, in the guarded and in the old bare form', () => {
    const pattern = invocationPattern('provision --name-hint "\\$NAME"');
    expect(invokedCommand(pattern, line)).toBe('ravi-hooks');
    expect(invokedCommand(pattern, '\'/n\' /c.mjs provision --name-hint "$NAME"')).toBe("'/n' /c.mjs");
    expect(invokedCommand(pattern, 'ravi-hooks teardown')).toBeUndefined();
  });
});
