/**
 * Issue 8's first promise under fire: a provision killed at any moment, then 8 concurrent
 * provisions of the same worktree and a gc, ends with exactly one identity at the provider,
 * one active lease, the config naming it, nothing unrecorded, no lock and no temp file left.
 * For local, for ravi over HTTP (emulator server), and for a ravi server that cannot delete
 * (405), where a second identity could never be taken back: adoption must not make one.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpSandbox } from '../ravi/support';
import { sandbox } from '../support/env';
import { gitdir, gitIn, testdir } from '../support/tmp';
import {
  type Kill,
  killedProvision,
  landing,
  recoverConcurrently,
  recoveryProblems,
} from './support/recovery';
import { bySize } from './support/size';
import { seeded } from './support/workspaces';
import { localIdentities } from './support/world';

const STAGES = ['before-create', 'after-create', 'after-credentials', 'mid-write', 'after-write'];

type Setup = 'local' | 'ravi' | 'ravi, no delete';

async function world(setup: Setup) {
  if (setup === 'local') {
    const sb = sandbox();
    return { env: sb.env, state: sb.state, identities: () => localIdentities(sb.state) };
  }
  const sb = await httpSandbox(setup === 'ravi' ? {} : { deleteMode: 'not-allowed' });
  return { env: sb.env, state: sb.state, identities: () => sb.emu.identities().map((i) => i.uuid) };
}

/** A fresh linked worktree of a fresh repository. */
function worktree(): string {
  const repo = gitdir();
  const wt = path.join(testdir(), 'agent-wt');
  gitIn(repo, ['worktree', 'add', '-q', wt]);
  return wt;
}

/**
 * Trial i: SIGKILL on even i, SIGTERM on odd. Pairs of trials take turns: a RAVI_HOOKS_FAULT
 * stage (each stage in turn), a random delay after spawn (up to 1.2 × a whole provision), a
 * random delay after the pending lease appears (up to 1.2 × the work from there on).
 */
function plan(i: number, offset: number, typical: { runMs: number; workMs: number }, random: () => number) {
  const signal = i % 2 === 0 ? 'SIGKILL' : 'SIGTERM';
  const pair = Math.floor(i / 2);
  if (pair % 3 === 0) {
    const stage = STAGES[(Math.floor(pair / 3) + offset) % STAGES.length];
    return `${stage}:${signal === 'SIGKILL' ? 'kill' : 'term'}`;
  }
  if (pair % 3 === 1) return `delay ${Math.round(random() * typical.runMs * 1.2)} ${signal}`;
  return `in-work ${Math.round(random() * typical.workMs * 1.2)} ${signal}`;
}

describe.each<Setup>(['local', 'ravi', 'ravi, no delete'])(
  'crash, then concurrent recovery (%s)',
  (setup) => {
    const trials = bySize(5, 20);
    const offset = ['local', 'ravi', 'ravi, no delete'].indexOf(setup) * 2;

    it(
      `${trials} killed provisions, each followed by 8 concurrent provisions and a gc: one identity, one lease`,
      async () => {
        // NOTE: one unkilled run sizes the random delays: its whole length and its work's
        const probe = await world(setup);
        const started = performance.now();
        const first = await killedProvision(worktree(), probe.env, probe.state, 'in-work 600000 SIGKILL');
        expect(first.code).toBe(0);
        const typical = { runMs: performance.now() - started, workMs: first.workMs ?? 0 };
        const random = seeded(0x8a11 + offset);
        const landed: Record<string, number> = {};
        let lockTemps = 0;
        for (let i = 0; i < trials; i++) {
          const w = await world(setup);
          const ws = worktree();
          const kill: Kill = await killedProvision(ws, w.env, w.state, plan(i, offset, typical, random));
          const where = `${kill.how.replace(/ \d+ /, ' ')} → ${landing(w.state, ws, kill)}`;
          landed[where] = (landed[where] ?? 0) + 1;
          const { provisions, gc } = await recoverConcurrently(ws, w.env);
          const context = `trial ${i} (${kill.how}, landed ${where})`;
          for (const p of provisions) expect(p.code, `${context}: ${p.stderr}`).toBe(0);
          expect(gc.code, `${context}: gc ${gc.stdout}${gc.stderr}`).toBe(0);
          const uuids = new Set(provisions.map((p) => JSON.parse(p.stdout).uuid));
          expect([...uuids], context).toEqual(w.identities());
          expect(
            recoveryProblems({
              state: w.state,
              workspace: ws,
              identities: w.identities(),
              killedPid: kill.pid,
            }),
            context,
          ).toEqual([]);
          const locks = path.join(w.state, 'locks');
          lockTemps += existsSync(locks) ? readdirSync(locks).filter((n) => n.endsWith('.tmp')).length : 0;
        }
        console.log(
          `${setup}: ${trials} trials (typical run ${Math.round(typical.runMs)} ms, work ${Math.round(typical.workMs)} ms),`,
          `${lockTemps} lock owner temps of killed runs; kills landed`,
          landed,
        );
      },
      bySize(5, 20) * 40_000,
    );
  },
);
