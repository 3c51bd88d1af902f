/**
 * kill -9 trials, three kinds in turn:
 *   - `<stage>:kill`: dies at a deterministic RAVI_HOOKS_FAULT point (each window for sure);
 *   - `random <ms>`: SIGKILL a random time after spawn (start-up included);
 *   - `in-lock <ms>`: SIGKILL a random time after the workspace lock is taken, so kills
 *     land inside the real work even when a loaded machine stretches Node's start-up.
 * Returns how each one ended.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { cliPath } from '../../support/cli';
import { inPool } from './pool';
import { seeded } from './workspaces';

export interface Trial {
  dir: string;
  how: string;
  /** Exit code: 0 when it finished before the kill landed, 128 when SIGKILLed. */
  code: number;
}

export interface TrialPlan {
  dirs: string[];
  args: (dir: string) => string[];
  env: NodeJS.ProcessEnv;
  /** ravi-hooks state dir (where the workspace lock appears). */
  state: string;
  stages: string[];
  /** Upper bound of the delays after spawn, and after the lock (ms). */
  maxDelayMs: number;
  maxInLockMs: number;
  seed: number;
  /** Trials at once. @default 4 */
  width?: number;
}

export async function killTrials(plan: TrialPlan): Promise<Trial[]> {
  const random = seeded(plan.seed);
  const hows = plan.dirs.map((_, i) => {
    const kind = i % 3;
    if (kind === 0) return `${plan.stages[Math.floor(i / 3) % plan.stages.length]}:kill`;
    if (kind === 1) return `random ${Math.round(random() * plan.maxDelayMs)}`;
    return `in-lock ${Math.round(random() * plan.maxInLockMs)}`;
  });
  return inPool(plan.dirs, plan.width ?? 4, async (dir, i) => {
    const how = hows[i] as string;
    const [kind, ms] = how.split(' ');
    const child = spawn(process.execPath, [cliPath, ...plan.args(dir)], {
      env: { ...process.env, ...plan.env, RAVI_HOOKS_FAULT: ms === undefined ? how : '' },
      stdio: 'ignore',
    });
    const exited = new Promise<number>((resolve) =>
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1))),
    );
    if (kind === 'random') setTimeout(() => child.kill('SIGKILL'), Number(ms));
    if (kind === 'in-lock') {
      void lockTaken(plan.state, dir, Date.now(), exited).then((taken) => {
        if (taken) setTimeout(() => child.kill('SIGKILL'), Number(ms));
      });
    }
    return { dir, how, code: await exited };
  });
}

/** Resolves true once the workspace's lock file is (re)created after `since`, false if the process ends first. */
async function lockTaken(state: string, dir: string, since: number, exited: Promise<number>) {
  const key = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  const lock = path.join(state, 'locks', `${key}.lk`);
  let over = false;
  void exited.then(() => {
    over = true;
  });
  while (!over) {
    const made = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (made >= since - 5) return true;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return false;
}

/**
 * Median wall time (ms) of `command` run on each item, `width` at a time: the same
 * parallelism as the trials, so random kill moments spread over the whole run.
 */
export async function typicalMs<T>(items: T[], width: number, command: (item: T) => Promise<unknown>) {
  const times = await inPool(items, width, async (item) => {
    const started = performance.now();
    await command(item);
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
