import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { raviSandbox } from '../ravi/support';
import { runCli } from '../support/cli';
import { testdir } from '../support/tmp';

/**
 * Found by the load suite (test/stress/load-ravi): a record gc could not settle because
 * the provider failed (here `identity list`, needed to find an identity a killed provision
 * may have created) was counted as removed, gc exited 0, and the record stayed for good.
 */
describe('gc when settling a record fails', () => {
  it('reports it as still owed (exit 1), keeps the record, and settles it on the next run', async () => {
    const sb = await raviSandbox();
    const ws = testdir();
    const killed = await runCli(['provision', ws], {
      env: { ...sb.env, RAVI_HOOKS_FAULT: 'before-create:kill' },
    });
    expect(killed.code).not.toBe(0);

    const failing = await runCli(['gc', '--json'], { env: { ...sb.env, RAVI_EMU_FAIL_ON: 'identity list' } });
    expect(failing.code).toBe(1);
    const result = JSON.parse(failing.stdout);
    expect(result.removed).toEqual([]);
    expect(result.owed).toMatchObject([{ workspace: ws, identityDeleted: false }]);
    expect(readdirSync(path.join(sb.state, 'ledger'))).toHaveLength(1);

    const next = await runCli(['gc', '--json'], { env: sb.env });
    expect(next.code, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout).removed).toMatchObject([{ workspace: ws }]);
    expect(readdirSync(path.join(sb.state, 'ledger'))).toEqual([]);
  });
});
