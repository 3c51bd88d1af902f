import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gitdir, testdir } from '../support/tmp';
import { readJson, world } from './harness';

/** Symphony's own example workflow, cloning a local repository instead of GitHub. */
const cloneWorkflow = (source: string) => `---
tracker:
  kind: linear
  provider: { project_slug: "symphony-0c79b11b75ea" }
workspace:
  root: ~/code/symphony-workspaces
hooks:
  after_create: |
    git clone --depth 1 file://${source} .
    if command -v mise >/dev/null 2>&1; then
      cd elixir && mise trust && mise exec -- mix deps.get
    fi
  before_remove: |
    cd elixir 2>/dev/null && echo "before_remove in $(basename "$PWD")"
---
You are working on a Linear ticket \`{{ issue.identifier }}\`
`;

/** A workflow whose workspaces are worktrees of a local checkout (git's hook fires there too). */
const worktreeWorkflow = (source: string) => `---
tracker:
    kind: linear
hooks:
    timeout_ms: 120000
    after_create: |-
        git -C ${source} worktree add -q "$PWD" -b "symphony/$(basename "$PWD")"
---
Fix {{ issue.identifier }}.
`;

/** What Symphony does: an empty <root>/<issue key>, `sh -lc` each hook there, no env vars. */
async function runHook(
  w: ReturnType<typeof world>,
  workflow: string,
  key: 'after_create' | 'before_remove',
  dir: string,
) {
  const text = readFileSync(workflow, 'utf8');
  const script = parse(text.split(/^---$/m)[1]!).hooks[key] as string;
  return w.sh(script, dir, { login: true });
}

describe('Symphony end to end', () => {
  it('after_create clones, then provisions; before_remove tears down first', async () => {
    const w = world();
    const source = gitdir({ 'README.md': '# app\n' });
    const project = testdir({ 'WORKFLOW.md': cloneWorkflow(source) });
    const workflow = path.join(project, 'WORKFLOW.md');
    const init = await w.cli(['init', 'symphony'], project);
    expect(init.code, init.stderr).toBe(0);

    const workspace = path.join(w.home, 'code/symphony-workspaces/MT-101');
    mkdirSync(workspace, { recursive: true });
    const created = await runHook(w, workflow, 'after_create', workspace);
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(existsSync(path.join(workspace, 'README.md'))).toBe(true);
    expect(String(readJson(path.join(workspace, '.ravi/config.json')).identity_name)).toMatch(/MT-101/);
    expect(w.identities()).toHaveLength(1);

    const removing = await runHook(w, workflow, 'before_remove', workspace);
    expect(removing.code).not.toBe(0); // the user's `cd elixir` fails, as it did before
    expect(existsSync(path.join(workspace, '.ravi'))).toBe(false);
    expect(w.identities()).toHaveLength(0);
    rmSync(workspace, { recursive: true });
  });

  it('a failing clone still fails after_create (and provisions nothing)', async () => {
    const w = world();
    const workflow =
      '---\nhooks:\n  after_create: |\n    git clone --depth 1 file:///nonexistent/repo .\n---\nprompt\n';
    const project = testdir({ 'WORKFLOW.md': workflow });
    await w.cli(['init', 'symphony'], project);
    const workspace = testdir();
    const r = await runHook(w, path.join(project, 'WORKFLOW.md'), 'after_create', workspace);
    expect(r.code).not.toBe(0);
    expect(w.identities()).toHaveLength(0);
  });

  it('with git\'s hook installed too, `git worktree add "$PWD"` plus after_create make exactly one identity', async () => {
    const w = world();
    const source = gitdir();
    const project = testdir({ 'WORKFLOW.md': worktreeWorkflow(source) });
    expect((await w.cli(['init', 'symphony'], project)).code).toBe(0);
    expect((await w.cli(['init', 'git'], source)).code).toBe(0);
    const workspace = path.join(testdir(), 'ENG-7');
    mkdirSync(workspace);
    const r = await runHook(w, path.join(project, 'WORKFLOW.md'), 'after_create', workspace);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(workspace, '.git'))).toBe(true);
    expect(w.identities()).toHaveLength(1);
    const before = await runHook(w, path.join(project, 'WORKFLOW.md'), 'before_remove', workspace);
    expect(before.code, before.stderr).toBe(0);
    expect(w.identities()).toHaveLength(0);
  });

  it('init --remove gives the workflow back byte for byte; a file without front matter too', async () => {
    const w = world();
    const original = worktreeWorkflow('/src/app').replace(/\n/g, '\r\n');
    const project = testdir({ 'WORKFLOW.md': original, 'plain/WORKFLOW.md': 'Fix {{ issue.identifier }}.' });
    for (const dir of [project, path.join(project, 'plain')]) {
      const before = readFileSync(path.join(dir, 'WORKFLOW.md'), 'utf8');
      expect((await w.cli(['init', 'symphony', '--repo', dir], project)).code).toBe(0);
      expect(readFileSync(path.join(dir, 'WORKFLOW.md'), 'utf8')).not.toBe(before);
      expect((await w.cli(['init', 'symphony', '--remove', '--repo', dir], project)).code).toBe(0);
      expect(readFileSync(path.join(dir, 'WORKFLOW.md'), 'utf8')).toBe(before);
    }
  });

  it('refuses invalid YAML with exit 2 and leaves WORKFLOW.md untouched', async () => {
    const w = world();
    const broken = '---\nhooks:\n  after_create: |\n    make\n  bad: [\n---\nprompt\n';
    const project = testdir({ 'WORKFLOW.md': broken });
    const r = await w.cli(['init', 'symphony'], project);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid YAML/);
    expect(readFileSync(path.join(project, 'WORKFLOW.md'), 'utf8')).toBe(broken);
  });
});
