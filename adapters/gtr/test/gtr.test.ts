import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { gtr } from '../src/index';

const adapter = gtr();
const { context, file, apply, remove } = adapterOps(adapter);

/** A .git/config as git writes it, with a gtr hook and worktree settings already there. */
const config = `[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = false
[remote "origin"]
\turl = git@github.com:acme/app.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
[gtr "hook"]
\tpostCreate = npm install
[gtr "worktrees"]
\tdir = ../app-worktrees
`;

testAdapter(adapter, [
  { name: 'a .git/config with its own gtr hooks', text: config },
  { name: 'CRLF line endings', text: config.replace(/\n/g, '\r\n') },
  { name: 'no trailing newline', text: '[core]\n\tbare = false' },
  { name: 'comments and ; comments', text: '# mine\n[core]\n\tbare = false ; why\n' },
  { name: 'already installed', installed: true, text: apply(config) as string },
  { name: 'no git config file', invalid: true, text: null },
]);

describe('gtr adapter', () => {
  it('edits the git config file git names, in scope "git"', () => {
    expect(file).toEqual({ path: '/work/repo/.git/config', scope: 'git' });
  });

  it('adds a [gtr "hook"] section with quoted values after everything else', () => {
    const text = apply(config) as string;
    expect(text.startsWith(config)).toBe(true);
    expect(text.slice(config.length)).toMatch(
      /^# >>> ravi-hooks >>>\n# Added by ravi-hooks: .*\n\[gtr "hook"\]\n\tpostCreate = "if command -v ravi-hooks .*then ravi-hooks provision \\"\$WORKTREE_PATH\\" --name-hint \\"\$BRANCH\\"; else .*; fi \|\| true"\n\tpreRemove = "if .*then ravi-hooks teardown \\"\$WORKTREE_PATH\\"; else .*; fi \|\| true"\n# <<< ravi-hooks <<<\n$/,
    );
  });

  it('keeps a value `git config --add` appended into our section when removing ours', () => {
    const installed = apply(config) as string;
    const added = installed.replace(/(\tpreRemove = .*\n)/, '$1\tpostCreate = make seed\n');
    expect(remove(added)).toBe(`${config}[gtr "hook"]\n\tpostCreate = make seed\n`);
    const again = adapter.apply(context, file, added) as string;
    expect(again).toContain('[gtr "hook"]\n\tpostCreate = make seed\n# >>> ravi-hooks >>>');
  });

  it('--strict drops `|| true`', () => {
    expect(adapter.apply({ ...context, strict: true }, file, config)).not.toContain('|| true');
  });
});
