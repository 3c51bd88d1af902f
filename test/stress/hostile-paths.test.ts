import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { checkHostile, type HostileCase, INJECTIONS, named } from './support/hostile';
import { type ProviderName, providerWorld } from './support/providers';

/** A workspace directory named `name` under the case root; provision by absolute path. */
const workspaceNamed =
  (name: string): HostileCase['setup'] =>
  (root) => {
    const ws = path.join(root, name);
    mkdirSync(ws, { recursive: true });
    return { args: ['provision', ws], workspace: ws };
  };

// Paths are data, never code: every one of these is a legitimate directory, so provision
// succeeds (exit 0) and the identity name derived from it is cleaned up.
const cases: HostileCase[] = [
  ...Object.entries(INJECTIONS).map(([label, name]) => ({
    label: `a workspace dir named with ${label}`,
    setup: workspaceNamed(name),
    code: 0 as const,
  })),
  { label: 'a workspace dir with spaces', setup: workspaceNamed('my  work space'), code: 0 },
  { label: 'a unicode workspace dir', setup: workspaceNamed('工作区-é-🚀'), code: 0 },
  {
    label: 'a workspace path of 1000+ characters',
    setup: workspaceNamed(Array.from({ length: 5 }, (_, i) => `${i}`.repeat(200)).join('/')),
    code: 0,
  },
  {
    label: 'a path through `..`',
    setup: (root) => {
      mkdirSync(path.join(root, 'a'));
      mkdirSync(path.join(root, 'ws'));
      return { args: ['provision', path.join(root, 'a', '..', 'ws')], workspace: path.join(root, 'ws') };
    },
    code: 0,
  },
  {
    label: 'a workspace dir named like an option, after `--`',
    setup: (root) => {
      mkdirSync(path.join(root, '-rf'));
      return { args: ['provision', '--', '-rf'], cwd: root, workspace: path.join(root, '-rf') };
    },
    code: 0,
  },
  {
    label: 'a workspace dir named like an option, without `--` (an unknown option)',
    setup: (root) => {
      mkdirSync(path.join(root, '-rf'));
      return { args: ['provision', '-rf'], cwd: root };
    },
    code: 2,
    mention: /unknown option/,
  },
  {
    label: 'a workspace that is a symlink to a directory elsewhere (its real path is the workspace)',
    setup: (root) => {
      mkdirSync(path.join(root, 'real'));
      symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
      return { args: ['provision', path.join(root, 'link')], workspace: path.join(root, 'link') };
    },
    code: 0,
  },
];

describe.each<ProviderName>(['local', 'ravi'])('hostile paths (%s provider)', (provider) => {
  it.each(named(cases))('%s', async (_, c) => {
    await checkHostile(c, await providerWorld(provider));
  });
});
