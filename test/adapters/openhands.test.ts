import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { gitdir, testdir } from '../support/tmp';
import { readJson, type World, world } from './harness';

function hookCommand(project: string, event: string): string {
  const hooks = readJson(path.join(project, '.openhands/hooks.json')).hooks as Record<
    string,
    Array<{ hooks: Array<{ command: string }> }>
  >;
  return hooks[event]!.at(-1)!.hooks[0]!.command;
}

/** What OpenHands does: `sh -c` with cwd = OPENHANDS_PROJECT_DIR and the event as JSON on stdin. */
function runHook(w: World, command: string, project: string, event: string, cwd = project) {
  const input = JSON.stringify({ event_type: event, session_id: 'conv-1', working_dir: project });
  const env = {
    ...w.env,
    OPENHANDS_PROJECT_DIR: project,
    OPENHANDS_SESSION_ID: 'conv-1',
    OPENHANDS_EVENT_TYPE: event,
  };
  return runProcess('sh', ['-c', command], { cwd, env, input });
}

describe('OpenHands end to end', () => {
  it('SessionStart provisions the project once; SessionEnd tears down only once it is gone', async () => {
    const w = world();
    const project = gitdir();
    expect((await w.cli(['init', 'openhands'], project)).code).toBe(0);
    const start = hookCommand(project, 'SessionStart');
    for (let i = 0; i < 2; i += 1) {
      const r = await runHook(w, start, project, 'SessionStart');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(path.join(project, '.ravi/config.json'))).toBe(true);
    expect(w.identities()).toHaveLength(1);
    const end = hookCommand(project, 'SessionEnd');
    expect((await runHook(w, end, project, 'SessionEnd')).code).toBe(0);
    expect(w.identities()).toHaveLength(1);
    const elsewhere = testdir();
    rmSync(project, { recursive: true, force: true });
    const gone = await runHook(w, end, project, 'SessionEnd', elsewhere);
    expect(gone.code, gone.stderr).toBe(0);
    expect(w.identities()).toHaveLength(0);
  }, 20_000);
});
