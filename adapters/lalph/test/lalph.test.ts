import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { lalph } from '../src/index';

const adapter = lalph();
const { context, file, apply } = adapterOps(adapter);

/** The script lalph seeds (tim-smart/lalph src/Worktree.ts). */
const seeded =
  '#!/usr/bin/env bash\nset -euo pipefail\n\npnpm install\n\n# Seeded by lalph. Customize this to prepare new worktrees.\n';
/** A customised one that copies env files and ends with an exit. */
const custom = `#!/usr/bin/env bash
set -euo pipefail
set -x

cp "$(git rev-parse --git-common-dir)/../.env.local" .env.local 2>/dev/null || true
pnpm install --frozen-lockfile
exit 0
`;

testAdapter(adapter, [
  { name: 'absent script', text: null },
  { name: "lalph's seeded script", text: seeded },
  { name: 'customised script with set -x and exit 0', text: custom },
  { name: 'no shebang', text: 'npm ci\n' },
  { name: 'empty script', text: '' },
  { name: 'CRLF line endings', text: seeded.replace(/\n/g, '\r\n') },
  { name: 'no trailing newline', text: '#!/bin/sh\nset -e\nyarn' },
  {
    name: 'tab indentation and comments',
    text: '#!/bin/bash\n# setup\nfor d in a b; do\n\t(cd "$d" && npm ci)\ndone\n',
  },
  { name: 'already installed', installed: true, text: apply(seeded) as string },
]);

describe('lalph adapter', () => {
  it('goes below set -euo pipefail and never aborts the setup', () => {
    expect(apply(seeded)).toMatchInlineSnapshot(`
      "#!/usr/bin/env bash
      set -euo pipefail
      # >>> ravi-hooks >>>
      # Added by ravi-hooks: \`ravi-hooks init lalph --remove\` takes this block out.
      # Gives this worktree its own Ravi identity and writes .lalph/ravi.json.
      if command -v ravi-hooks >/dev/null 2>&1; then ravi-hooks provision --with lalph; else echo 'ravi-hooks: ravi-hooks is not on PATH, so this worktree gets no Ravi identity (install it with npm install -g ravi-hooks, or add its directory to PATH for this shell)' >&2; fi || echo 'ravi-hooks: this worktree has no Ravi identity (see the error above)' >&2
      # <<< ravi-hooks <<<

      pnpm install

      # Seeded by lalph. Customize this to prepare new worktrees.
      "
    `);
  });

  it("creates the script from lalph's own template, executable", () => {
    expect(file.mode).toBe(0o755);
    expect(apply(null)).toMatch(/^#!\/usr\/bin\/env bash\nset -euo pipefail\n# >>> ravi-hooks >>>\n/);
    expect(apply(null)).toContain('\npnpm install\n');
    expect(adapter.remove(context, file, apply(null))).toBeNull();
  });

  it('writes .lalph/ravi.json into each workspace, 0600 and kept out of git', () => {
    const files = adapter.workspaceFiles?.({
      workspace: '/tmp/wt',
      uuid: 'u-1',
      name: 'wt',
      email: 'wt@example.invalid',
      phone: null,
      configDir: '/tmp/wt/.ravi',
    });
    expect(files).toEqual([
      {
        path: '.lalph/ravi.json',
        mode: 0o600,
        exclude: '.lalph/',
        content:
          '{\n  "identity_uuid": "u-1",\n  "email": "wt@example.invalid",\n  "phone": null,\n  "config_dir": "/tmp/wt/.ravi"\n}\n',
      },
    ]);
  });
});
