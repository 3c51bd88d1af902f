import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { AdapterError } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { cursor } from '../src/index';

const adapter = cursor();
const { apply, remove } = adapterOps(adapter);

/** The shape of Cursor's documented example. */
const documented = `{
  "setup-worktree": [
    "npm ci",
    "cp $ROOT_WORKTREE_PATH/.env .env"
  ]
}
`;

testAdapter(adapter, [
  { name: 'absent file', text: null },
  { name: "Cursor's documented example", text: documented },
  { name: 'CRLF line endings', text: documented.replace(/\n/g, '\r\n') },
  { name: 'no trailing newline, inline array', text: '{"setup-worktree": ["bun install"]}' },
  {
    name: 'unix and windows keys',
    text: '{\n  "setup-worktree-unix": ["./setup.sh"],\n  "setup-worktree-windows": ["setup.bat"]\n}\n',
  },
  { name: 'windows key only', text: '{\n  "setup-worktree-windows": ["setup.bat"]\n}\n' },
  { name: 'empty object', text: '{}\n' },
  { name: 'a script path', invalid: true, text: '{"setup-worktree": "setup-worktree.sh"}\n' },
  { name: 'comments', invalid: true, text: '{\n  // setup\n  "setup-worktree": []\n}\n' },
]);

describe('Cursor adapter', () => {
  it("appends to the key Cursor runs on unix, after the user's commands", () => {
    const json = JSON.parse(apply(documented) ?? '');
    expect(json['setup-worktree']).toHaveLength(3);
    expect(json['setup-worktree'][2]).toContain('provision --name-hint "cursor-$(basename "$PWD")"');
    expect(json['setup-worktree-unix']).toBeUndefined();
    const both = JSON.parse(apply('{"setup-worktree": ["a"], "setup-worktree-unix": ["b"]}') ?? '');
    expect(both['setup-worktree']).toEqual(['a']);
    expect(both['setup-worktree-unix']).toHaveLength(2);
  });

  it('creates setup-worktree-unix when the file has no setup at all, and deletes a file it created', () => {
    expect(Object.keys(JSON.parse(apply('{"setup-worktree-windows": ["x.bat"]}') ?? ''))).toEqual([
      'setup-worktree-windows',
      'setup-worktree-unix',
    ]);
    expect(remove(apply(null))).toBeNull();
  });

  it('refuses a script path and says what to add to it', () => {
    expect(() => apply('{"setup-worktree-unix": "setup.sh"}')).toThrow(AdapterError);
    expect(() => apply('{"setup-worktree-unix": "setup.sh"}')).toThrow(/names a script/);
  });
});
