import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setupCommand, teardownCommand } from '../../adapters/amux/src/config';
import { gitdir } from '../support/tmp';
import { gitAt, readJson, world } from './harness';

/** amux's README example, archiving beside the workspace (inside it, GNU tar may see its own archive grow). */
const config = `{
  "setup-workspace": ["npm install", "cp $ROOT_WORKSPACE_PATH/.env.local .env.local"],
  "run": "npm start",
  "archive": "tar -czf ../archive.tar.gz ."
}
`;

/** What amux does: a worktree under ~/.amux/workspaces/<project>/<name>, then each setup command. */
function amuxWorkspace(w: ReturnType<typeof world>, repo: string, name: string) {
  const branch = name.replace(/\s+/g, '-');
  const root = path.join(w.home, '.amux', 'workspaces', path.basename(repo), branch);
  gitAt(w, repo, ['worktree', 'add', '-q', '-b', branch, root]);
  const env = {
    AMUX_WORKSPACE_NAME: name,
    AMUX_WORKSPACE_ROOT: root,
    AMUX_WORKSPACE_BRANCH: branch,
    ROOT_WORKSPACE_PATH: repo,
    AMUX_PORT: '6200',
    AMUX_PORT_RANGE: '6200-6209',
  };
  return { root, env };
}

describe('amux end to end', () => {
  it('setup-workspace provisions the new workspace; archive tears it down, then archives', async () => {
    const w = world();
    w.program('npm', '#!/bin/sh\necho "npm $*"\n');
    const repo = gitdir({ '.amux/workspaces.json': config, '.env.local': 'API=1\n', 'package.json': '{}\n' });
    const init = await w.cli(['init', 'amux'], repo);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/trust/i);

    const setup = readJson(path.join(repo, '.amux/workspaces.json'))['setup-workspace'] as string[];
    expect(setup.at(-1)).toBe(setupCommand('ravi-hooks'));
    const { root, env } = amuxWorkspace(w, repo, 'fix login bug');
    for (const command of setup) {
      const r = await w.sh(command, root, { env });
      expect(r.code, `${command}: ${r.stderr}`).toBe(0);
    }
    const identity = readJson(path.join(root, '.ravi/config.json'));
    expect(String(identity.identity_name)).toMatch(/fix.login.bug/);
    expect(w.identities()).toHaveLength(1);

    const archive = String(readJson(path.join(repo, '.amux/workspaces.json')).archive);
    expect(archive).toBe(`${teardownCommand('ravi-hooks')}; tar -czf ../archive.tar.gz .`);
    const first = await w.sh(archive, root, { env });
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(path.join(root, '.ravi/config.json'))).toBe(false);
    const archived = await w.sh('tar -tzf ../archive.tar.gz', root);
    expect(archived.stdout).toContain('./.env.local');
    expect(archived.stdout).not.toContain('.ravi');
    expect(w.identities()).toHaveLength(0);
    // amux runs archive again when the delete after it failed: at-least-once is fine
    const again = await w.sh(archive, root, { env });
    expect(again.code, again.stderr).toBe(0);
  });

  it('without ravi-hooks on PATH, setup and archive still succeed, with one line on stderr each', async () => {
    const w = world();
    const repo = gitdir({ '.amux/workspaces.json': config, '.env.local': 'API=1\n' });
    expect((await w.cli(['init', 'amux'], repo)).code).toBe(0);
    const file = readJson(path.join(repo, '.amux/workspaces.json'));
    const { root, env } = amuxWorkspace(w, repo, 'no tool');
    const bare = { ...env, PATH: '/usr/bin:/bin' };
    const setup = await w.sh((file['setup-workspace'] as string[]).at(-1)!, root, { env: bare });
    expect(setup.code).toBe(0);
    expect(setup.stderr).toMatch(
      /^ravi-hooks: ravi-hooks is not on PATH, so this workspace gets no Ravi identity \(.*\)\n$/,
    );
    const archive = await w.sh(String(file.archive), root, { env: bare });
    expect(archive.code, archive.stderr).toBe(0);
    expect(archive.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(w.identities()).toHaveLength(0);
  }, 20_000);

  it("the user's failing archive command still fails amux's archive step, after teardown ran", async () => {
    const w = world();
    const repo = gitdir({
      '.amux/workspaces.json': '{"archive": "echo archiving; exit 3 # no space left"}\n',
    });
    await w.cli(['init', 'amux'], repo);
    const { root, env } = amuxWorkspace(w, repo, 'ws-2');
    const json = readJson(path.join(repo, '.amux/workspaces.json'));
    for (const command of json['setup-workspace'] as string[])
      expect((await w.sh(command, root, { env })).code).toBe(0);
    const r = await w.sh(String(json.archive), root, { env });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('archiving');
    expect(w.identities()).toHaveLength(0);
  });

  it('init --remove gives back the exact bytes amux trusted before', async () => {
    const w = world();
    const repo = gitdir({ '.amux/workspaces.json': config.replace(/\n/g, '\r\n') });
    const before = readFileSync(path.join(repo, '.amux/workspaces.json'), 'utf8');
    expect((await w.cli(['init', 'amux'], repo)).code).toBe(0);
    expect((await w.cli(['init', 'amux'], repo)).stdout).toMatch(/already up to date/);
    expect((await w.cli(['init', 'amux', '--remove'], repo)).code).toBe(0);
    expect(readFileSync(path.join(repo, '.amux/workspaces.json'), 'utf8')).toBe(before);
  });

  it('creates .amux/workspaces.json when the repository has none, and deletes it on --remove', async () => {
    const w = world();
    const repo = gitdir();
    expect((await w.cli(['init', 'amux', '--json'], repo)).stdout).toMatch(/"action": "create"/);
    expect(existsSync(path.join(repo, '.amux/workspaces.json'))).toBe(true);
    await w.cli(['init', 'amux', '--remove'], repo);
    expect(existsSync(path.join(repo, '.amux/workspaces.json'))).toBe(false);
  });

  it('refuses a file amux itself could not read, and writes nothing', async () => {
    const w = world();
    const broken = '{\n  // comments are not JSON\n  "run": "npm start"\n}\n';
    const repo = gitdir({ '.amux/workspaces.json': broken });
    const r = await w.cli(['init', 'amux'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path.join(repo, '.amux/workspaces.json'), 'utf8')).toBe(broken);
  });
});
