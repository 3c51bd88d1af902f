/**
 * One hostile-input case, checked the same way every time:
 *   - no command injection: the canary ($CANARY, inherited by every child) never appears;
 *   - the expected exit code; on failure exactly one stderr line naming the problem and,
 *     in parentheses, the fix;
 *   - every pre-existing file byte-identical: on failure the whole case tree and no state
 *     or identity left; on success only `.ravi` (and git's exclude file) may be new, and a
 *     teardown restores the tree byte for byte.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { type CliResult, runCli } from '../../support/cli';
import { testdir } from '../../support/tmp';
import type { ProviderWorld } from './providers';
import { type Snapshot, snapshot } from './world';

/** `${IFS}`, a space where the shell would split (branch names can't hold a real one). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, on purpose
export const IFS = '${IFS}';

/** Injection attempts: each would create $CANARY if any shell ever evaluated it. */
export const INJECTIONS: Record<string, string> = {
  '$(…)': 'x$(touch $CANARY)',
  backticks: 'x`touch $CANARY`',
  semicolon: 'x;touch $CANARY;',
  newline: 'x\ntouch $CANARY',
  quotes: `it's "q" '$(touch $CANARY)'`,
  'pipe, ampersand': 'x|touch $CANARY&',
};

export interface CaseSetup {
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Teardown target after a successful provision. @default none */
  workspace?: string;
  /** The tree whose files must stay byte-identical. @default the case root */
  tree?: string;
  /** Directories outside the workspace that nothing may touch, success or not. */
  outside?: string[];
}

export interface HostileCase {
  label: string;
  /** Builds the case in `root`, a fresh temp dir. */
  setup(root: string): CaseSetup;
  code: 0 | 1 | 2 | 3;
  /** What the stderr line must mention on failure. */
  mention?: RegExp;
}

/** `[title, case]` rows for it.each: "<label> → exit <code>". */
export const named = (cases: HostileCase[]) => cases.map((c) => [`${c.label} → exit ${c.code}`, c] as const);

const mayBeNew = (rel: string) => rel.split(path.sep).includes('.ravi') || rel.startsWith(`.git${path.sep}`);

export async function checkHostile(c: HostileCase, pw: ProviderWorld): Promise<CliResult> {
  const canary = path.join(testdir(), 'canary');
  const caseRoot = testdir();
  const run = c.setup(caseRoot);
  const root = run.tree ?? caseRoot;
  const env = { ...pw.env, CANARY: canary, ...run.env };
  const before = snapshot(root);
  const untouched = (run.outside ?? []).map((dir) => [dir, snapshot(dir)] as const);
  const r = await runCli(run.args, { env, ...(run.cwd ? { cwd: run.cwd } : {}) });
  for (const [dir, was] of untouched) expectSame(was, snapshot(dir));
  expect(existsSync(canary), 'command injection: the canary was created').toBe(false);
  expect(r.code, r.stderr).toBe(c.code);
  if (c.code !== 0) {
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^ravi-hooks: .+ \(.+\)$/);
    if (c.mention) expect(lines[0]).toMatch(c.mention);
    expectSame(before, snapshot(root));
    expect(list(path.join(pw.state, 'ledger'))).toEqual([]);
    expect(pw.live()).toEqual([]);
    return r;
  }
  const after = snapshot(root);
  // NOTE: inside .git only git's exclude file is ours to touch (the `.ravi/` line)
  for (const [rel, content] of before)
    if (!rel.startsWith(`.git${path.sep}`)) expect(after.get(rel), `${rel} changed`).toBe(content);
  for (const rel of after.keys()) if (!before.has(rel)) expect(mayBeNew(rel), `${rel} is new`).toBe(true);
  if (run.workspace) {
    const down = await runCli(['teardown', run.workspace], { env });
    expect(down.code, down.stderr).toBe(0);
    const outsideGit = (s: Snapshot) => [...s.keys()].filter((rel) => !rel.startsWith(`.git${path.sep}`));
    const restored = snapshot(root);
    expect(outsideGit(restored).sort(), 'teardown restores the tree').toEqual(outsideGit(before).sort());
    for (const rel of outsideGit(before)) expect(restored.get(rel), `${rel} changed`).toBe(before.get(rel));
    expect(pw.live()).toEqual([]);
  }
  expect(existsSync(canary), 'command injection: the canary was created').toBe(false);
  return r;
}

function expectSame(before: Snapshot, after: Snapshot) {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [rel, content] of before) expect(after.get(rel), `${rel} changed`).toBe(content);
}

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
