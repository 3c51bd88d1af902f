/**
 * gc the way a cron job runs it: again and again until nothing is owed. Against a service
 * that fails one call in five, a single gc may itself fail to settle something; that is
 * reported (exit 1, "still owed") and the next run finishes it.
 */
import { expect } from 'vitest';
import { runCli } from '../../support/cli';

export async function gcUntilSettled(env: NodeJS.ProcessEnv, maxRuns = 6): Promise<number> {
  for (let run = 1; ; run += 1) {
    const r = await runCli(['gc', '--json'], { env });
    if (r.code === 0) return run;
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).owed.length).toBeGreaterThan(0);
    if (run >= maxRuns) throw new Error(`gc still owes after ${run} runs: ${r.stdout}`);
  }
}
