import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir } from '../support/tmp';
import { gitAt, readJson, world } from './harness';

/** The README's profiles example, as Claude Squad reads it from ~/.claude-squad/config.json. */
const config = `{
  "default_program": "claude",
  "auto_yes": false,
  "daemon_poll_interval": 1000,
  "branch_prefix": "dev/",
  "profiles": [
    { "name": "claude", "program": "claude" },
    { "name": "aider", "program": "AIDER_DARK_MODE=1 aider --model ollama_chat/gemma3:1b" }
  ]
}`;

describe('Claude Squad end to end', () => {
  it("the wrapped program, started by tmux's shell in the session worktree, runs with its identity", async () => {
    const w = world();
    mkdirSync(path.join(w.home, '.claude-squad'));
    const file = path.join(w.home, '.claude-squad/config.json');
    writeFileSync(file, config);
    // fake agents: print what they got, exit with a status of their own
    w.program('claude', '#!/bin/sh\necho "claude $* in $(basename "$PWD") as $RAVI_IDENTITY_UUID"\nexit 4\n');
    w.program('aider', '#!/bin/sh\necho "aider $* dark=$AIDER_DARK_MODE as $RAVI_IDENTITY_UUID"\n');
    const repo = gitdir();
    const init = await w.cli(['init', 'claude-squad'], repo);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/init git/);

    const programs = readJson(file).profiles as Array<{ program: string }>;
    expect(readJson(file).default_program).toBe('claude');
    const worktree = path.join(w.home, '.claude-squad/worktrees/fix-tests_18a2');
    gitAt(w, repo, ['worktree', 'add', '-q', '-b', 'dev/fix-tests', worktree]);

    const claude = await w.sh(programs[0]!.program, worktree);
    const uuid = readJson(path.join(worktree, '.ravi/config.json')).identity_uuid;
    expect(claude.code).toBe(4);
    expect(claude.stdout).toBe(`claude  in fix-tests_18a2 as ${uuid}\n`);
    const aider = await w.sh(programs[1]!.program, worktree);
    expect(aider.code, aider.stderr).toBe(0);
    expect(aider.stdout).toBe(`aider --model ollama_chat/gemma3:1b dark=1 as ${uuid}\n`);
    expect(w.identities()).toHaveLength(1);

    await w.cli(['init', 'claude-squad', '--remove'], repo);
    expect(readFileSync(file, 'utf8')).toBe(config);
  });

  it('asks the user to start Claude Squad once when it has no config yet', async () => {
    const w = world();
    const r = await w.cli(['init', 'claude-squad'], gitdir());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist yet.*cs/);
  });
});
