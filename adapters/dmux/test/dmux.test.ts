import { contractContext, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { dmux } from '../src/index';

const adapter = dmux();

/** dmux's own example hook (.dmux-hooks/AGENTS.md). */
const example = `#!/bin/bash
# .dmux-hooks/worktree_created
cd "$DMUX_WORKTREE_PATH"
[ -f "$DMUX_ROOT/.env.local" ] && cp "$DMUX_ROOT/.env.local" "$DMUX_WORKTREE_PATH/.env.local"
`;

for (const index of [0, 1]) {
  testAdapter(
    adapter,
    [
      { name: 'absent hook', text: null },
      { name: "dmux's example hook", text: example },
      { name: 'CRLF line endings', text: example.replace(/\n/g, '\r\n') },
      { name: 'no trailing newline', text: '#!/bin/sh\ntmux display closing' },
      { name: 'a node hook', invalid: true, text: '#!/usr/bin/env node\nconsole.log(1)\n' },
      { name: 'set -e prologue', text: '#!/bin/sh\nset -e\nset -u\ntmux display "closing"\n' },
      {
        name: 'already installed',
        installed: true,
        text: adapter.apply(contractContext(), adapter.files(contractContext())[index]!, example) as string,
      },
    ],
    { file: index },
  );
}

describe('dmux adapter', () => {
  it('works on DMUX_WORKTREE_PATH, since dmux runs hooks in the project root', () => {
    const context = contractContext();
    const [created, removing] = adapter.files(context);
    expect(created?.path).toBe('/work/repo/.dmux-hooks/worktree_created');
    expect(removing?.path).toBe('/work/repo/.dmux-hooks/before_worktree_remove');
    expect(adapter.apply(context, created!, null)).toMatch(
      /\n\[ -z "\$\{DMUX_WORKTREE_PATH:-\}" \] \|\| if command -v ravi-hooks .*; then ravi-hooks provision "\$DMUX_WORKTREE_PATH" --name-hint "\$\{DMUX_SLUG:-\}"; else .*; fi \|\| true\n/,
    );
    expect(adapter.apply(context, removing!, null)).toMatch(
      /\n\[ -z "\$\{DMUX_WORKTREE_PATH:-\}" \] \|\| if .*; then ravi-hooks teardown "\$DMUX_WORKTREE_PATH"; else .*; fi \|\| true\n/,
    );
  });
});
