import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { gitdir, gitIn, testdir, writeTree } from '../support/tmp';
import { checkHostile, type HostileCase, IFS, named } from './support/hostile';
import { type ProviderName, providerWorld } from './support/providers';
import { bySize } from './support/size';

/** `ravi-hooks init <adapter>` in a directory holding `tree`. */
const initIn =
  (adapter: string, tree: Record<string, string | null>): HostileCase['setup'] =>
  (root) => {
    writeTree(root, tree);
    return { args: ['init', adapter, '--repo', root] };
  };

const AMUX: Record<string, string> = {
  'truncated JSON': '{"setup-workspace": [',
  'a JSON array': '[]',
  'a string setup-workspace': '{"setup-workspace": "echo hi"}',
  'a non-string setup command': '{"setup-workspace": [1]}',
  'comments (Go rejects them)': '// setup\n{}',
};
const SYMPHONY: Record<string, string> = {
  'front matter that is not YAML': '---\ntracker: [oops\n---\n# Workflow\n',
  'front matter that is a list': '---\n- a\n- b\n---\n',
  'hooks: that is not a mapping': '---\nhooks: 5\n---\n',
  'front matter never closed': '---\ntracker: linear\n',
};

// Broken orchestrator files are refused before anything is written: exit 2, one line
// naming the file and the fix, the file byte-identical.
const cases: HostileCase[] = [
  ...Object.entries(AMUX).map(([label, text]) => ({
    label: `init amux on .amux/workspaces.json holding ${label}`,
    setup: initIn('amux', { '.amux/workspaces.json': text }),
    code: 2 as const,
    mention: /\.amux\/workspaces\.json/,
  })),
  ...Object.entries(SYMPHONY).map(([label, text]) => ({
    label: `init symphony on a WORKFLOW.md with ${label}`,
    setup: initIn('symphony', { 'WORKFLOW.md': text }),
    code: 2 as const,
    mention: /WORKFLOW\.md/,
  })),
  {
    label: 'init git outside a repository',
    setup: initIn('git', { 'keep.txt': 'x\n' }),
    code: 2,
    mention: /not in a git repository/,
  },
];

describe('hostile orchestrator files', () => {
  it.each(named(cases))('%s', async (_, c) => {
    await checkHostile(c, await providerWorld('local'));
  });
});

// git hands the new worktree's path to nothing but the hook's cwd, and the branch to git
// itself: a worktree path and branch full of shell syntax must still just get an identity.
describe.each<ProviderName>(bySize(['local'], ['local', 'ravi']))(
  'the git hook (%s provider)',
  (provider) => {
    it('a worktree added at a path and branch full of shell syntax: provisioned, canary never created', async () => {
      const pw = await providerWorld(provider);
      const repo = gitdir();
      const canary = path.join(testdir(), 'canary');
      const env = { ...pw.env, CANARY: canary };
      expect((await runCli(['init', 'git', '--repo', repo], { env })).code).toBe(0);
      const wt = path.join(testdir(), 'wt $(touch $CANARY) `touch $CANARY`; "q"');
      gitIn(repo, ['worktree', 'add', '-q', '-b', `b$(touch${IFS}$CANARY)`, wt], env);

      expect(existsSync(canary)).toBe(false);
      const config = JSON.parse(readFileSync(path.join(wt, '.ravi', 'config.json'), 'utf8'));
      expect(pw.live()).toEqual([config.identity_uuid]);
      gitIn(repo, ['worktree', 'remove', '--force', wt], env);
      expect((await runCli(['gc'], { env })).code).toBe(0);
      expect(pw.live()).toEqual([]);
      expect(existsSync(canary)).toBe(false);
    });
  },
);
