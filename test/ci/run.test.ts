/**
 * `.ci/run` fails loudly: the first failing step stops the run, and the last line says which
 * step it was. A stand-in `pnpm` on PATH fails the step under test; nothing real is run.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runProcess } from '../support/cli';
import { testdir } from '../support/tmp';

/** A `pnpm` that reports 12.4.2, logs its arguments, and exits 1 for `pnpm <failing>`. */
function fakePnpm(failing: string): { bin: string; log: string } {
  const bin = testdir();
  const log = path.join(bin, 'pnpm.log');
  writeFileSync(
    path.join(bin, 'pnpm'),
    `#!/bin/sh\necho "$*" >> '${log}'\n[ "$1" = --version ] && echo 12.4.2\n[ "$1" = '${failing}' ] && exit 1\nexit 0\n`,
  );
  chmodSync(path.join(bin, 'pnpm'), 0o755);
  return { bin, log };
}

describe('.ci/run', () => {
  it.each(['lint', 'test:fast', 'demo'])(
    'names the step that failed (%s) and stops there',
    async (failing) => {
      const { bin, log } = fakePnpm(failing);
      const r = await runProcess('bash', [path.join(repoRoot, '.ci/run')], {
        env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
      });
      expect(r.code).toBe(1);
      expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`CI FAILED in step: ${failing} (exit 1)`);
      expect(r.stdout).not.toMatch(/== CI passed/);
      expect(readFileSync(log, 'utf8').trim().split('\n').at(-1)).toBe(failing); // nothing ran after it
    },
  );

  it('runs every step in order and says so when all pass', async () => {
    const { bin, log } = fakePnpm('nothing');
    const r = await runProcess('bash', [path.join(repoRoot, '.ci/run')], {
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/== CI passed\n$/);
    const steps = readFileSync(log, 'utf8').trim().split('\n');
    expect(steps).toEqual([
      '--version',
      '--version',
      'install --frozen-lockfile',
      'build',
      'typecheck',
      'lint',
      'test:fast',
      'test',
      'test:stress',
      'demo',
    ]);
  });
});
