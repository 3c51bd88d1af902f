import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitdir } from '../support/tmp';
import { gitAt, readJson, type World, world } from './harness';

/** A scripts value from settings.toml (one-line basic strings here; the unit tests parse the rest). */
function script(file: string, key: 'setup' | 'archive'): string {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key} = `));
  if (!line) throw new Error(`no ${key} in ${file}`);
  return JSON.parse(line.slice(key.length + 3));
}

/** What Conductor does: a worktree named after a city, setup in it with CONDUCTOR_* set. */
function conductorWorkspace(w: World, repo: string, name: string) {
  const workspace = path.join(w.home, 'conductor/workspaces', path.basename(repo), name);
  mkdirSync(path.dirname(workspace), { recursive: true });
  gitAt(w, repo, ['worktree', 'add', '-q', '-b', name, workspace]);
  const env = {
    CONDUCTOR_WORKSPACE_NAME: name,
    CONDUCTOR_WORKSPACE_PATH: workspace,
    CONDUCTOR_ROOT_PATH: repo,
    CONDUCTOR_DEFAULT_BRANCH: 'main',
    CONDUCTOR_PORT: '55100',
  };
  return { workspace, env };
}

const settings = `"$schema" = "https://conductor.build/schemas/settings.repo.schema.json"

[scripts]
setup = "echo installing"
run = "pnpm dev --port $CONDUCTOR_PORT"
archive = "echo archived"
`;

describe('Conductor end to end', () => {
  it('setup provisions the workspace named after it; archive tears it down before the directory goes', async () => {
    const w = world();
    const repo = gitdir({ '.conductor/settings.toml': settings });
    const file = path.join(repo, '.conductor/settings.toml');
    expect((await w.cli(['init', 'conductor'], repo)).code).toBe(0);
    const { workspace, env } = conductorWorkspace(w, repo, 'denver');
    const setup = await w.sh(script(file, 'setup'), workspace, { env });
    expect(setup.code, setup.stderr).toBe(0);
    expect(setup.stdout).toContain('installing');
    expect(String(readJson(path.join(workspace, '.ravi/config.json')).identity_name)).toMatch(/denver/);
    const archive = await w.sh(script(file, 'archive'), workspace, { env });
    expect(archive.code, archive.stderr).toBe(0);
    expect(archive.stdout).toContain('archived');
    expect(w.identities()).toHaveLength(0);
    rmSync(workspace, { recursive: true });
  }, 20_000);

  it('edits the legacy conductor.json while it is the only file, and never creates settings.toml beside it', async () => {
    const w = world();
    const legacy = '{\n  "scripts": {\n    "setup": "npm install",\n    "archive": "echo bye"\n  }\n}\n';
    const repo = gitdir({ 'conductor.json': legacy });
    expect((await w.cli(['init', 'conductor'], repo)).code).toBe(0);
    expect(existsSync(path.join(repo, '.conductor/settings.toml'))).toBe(false);
    const scripts = readJson(path.join(repo, 'conductor.json')).scripts as Record<string, string>;
    const { workspace, env } = conductorWorkspace(w, repo, 'austin');
    w.program('npm', '#!/bin/sh\necho "npm $*"\n');
    expect((await w.sh(scripts.setup!, workspace, { env })).code).toBe(0);
    expect(w.identities()).toHaveLength(1);
    expect((await w.cli(['init', 'conductor', '--remove'], repo)).code).toBe(0);
    expect(readFileSync(path.join(repo, 'conductor.json'), 'utf8')).toBe(legacy);
  }, 20_000);
});
