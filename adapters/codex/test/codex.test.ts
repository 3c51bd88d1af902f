import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { parseToml } from '@ravi-hooks/core';

const parse = (text: string) => parseToml(text, 'environment.toml', '');

import { describe, expect, it } from 'vitest';
import { codex } from '../src/index';

const adapter = codex();
const { apply, remove } = adapterOps(adapter);

/** What the Codex app writes (the shape of NativeScript/SimDeck's checked-in file). */
const generated = `version = 1
name = "SimDeck"

[setup]
script = '''
cd "$CODEX_WORKTREE_PATH"
npm run codex:setup
'''

[cleanup]
script = '''
cd "$CODEX_WORKTREE_PATH"
npm run codex:cache:save
'''

[[actions]]
name = "Build and Restart Daemon"
icon = "run"
command = '''
cd "$CODEX_WORKTREE_PATH"
npm run codex:run
'''
platform = "darwin"
`;

const scripts = (text: string | null) => {
  const parsed = parse(text ?? '') as Record<string, { script?: string }>;
  return { setup: parsed.setup?.script ?? '', cleanup: parsed.cleanup?.script ?? '' };
};

testAdapter(adapter, [
  { name: 'absent file', text: null },
  { name: 'what the Codex app generates', text: generated },
  { name: 'CRLF line endings', text: generated.replace(/\n/g, '\r\n') },
  { name: 'no trailing newline', text: generated.trimEnd() },
  {
    name: 'setup only, with comments',
    text: '# local env\nversion = 1 # schema\n\n[setup] # runs per worktree\nscript = """\nnpm ci\n"""\n',
  },
  {
    name: 'one-line basic strings',
    text: 'version = 1\n[setup]\nscript = "npm ci && cp \\"$CODEX_SOURCE_TREE_PATH/.env\\" ."\n[cleanup]\nscript = ""\n',
  },
  {
    name: 'script on the delimiter line',
    text: "[setup]\nscript = '''npm ci\nnpm run build'''\n[cleanup]\nscript = '''make clean'''\n",
  },
  {
    name: 'a [setup] table with no script, then other tables',
    text: 'version = 1\n[setup]\n\n[[actions]]\nname = "Test"\ncommand = "npm test"\n',
  },
  { name: 'empty file', text: '' },
  { name: 'not TOML', invalid: true, text: '[setup\nscript = 1\n' },
  { name: 'script is not a string', invalid: true, text: '[setup]\nscript = ["npm ci"]\n' },
  { name: 'a one-line literal string', invalid: true, text: "[setup]\nscript = 'npm ci'\n" },
]);

describe('Codex adapter', () => {
  it('provisions after the setup script and tears down before the cleanup script', () => {
    const { setup, cleanup } = scripts(apply(generated));
    expect(setup.startsWith('cd "$CODEX_WORKTREE_PATH"\nnpm run codex:setup\n# >>> ravi-hooks >>>')).toBe(
      true,
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
    expect(setup).toContain('ravi-hooks provision "${CODEX_WORKTREE_PATH:-$PWD}"');
    expect(cleanup.startsWith('# >>> ravi-hooks >>>')).toBe(true);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
    expect(cleanup).toContain('ravi-hooks teardown "${CODEX_WORKTREE_PATH:-$PWD}"');
    expect(cleanup.endsWith('npm run codex:cache:save\n')).toBe(true);
  });

  it('creates a file Codex reads, and deletes it again on remove', () => {
    const created = apply(null);
    expect(parse(created ?? '')).toMatchObject({ version: 1, name: 'repo' });
    expect(remove(created)).toBeNull();
  });

  it('keeps one-line strings one line, with escaped newlines', () => {
    const text = apply('[setup]\nscript = "npm ci"\n[cleanup]\nscript = "make clean"\n') ?? '';
    expect(text.split('\n')[1]).toMatch(/^script = "npm ci\\n# >>> ravi-hooks >>>\\n/);
    expect(scripts(text).cleanup.endsWith('# <<< ravi-hooks <<<\nmake clean')).toBe(true);
  });
});
