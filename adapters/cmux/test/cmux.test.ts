import { adapterOps, contractContext, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { cmux } from '../src/index';

const adapter = cmux();

/** The setup `cmux init` typically writes: bash, strict mode, installs and copies env files. */
const setup = `#!/usr/bin/env bash
set -euo pipefail
REPO_ROOT="$(git rev-parse --git-common-dir | xargs dirname)"
[ -f "$REPO_ROOT/.env" ] && cp "$REPO_ROOT/.env" .env
npm ci
`;
const teardown = "#!/bin/bash\n# stop this worktree's containers\ndocker compose down -v";

for (const index of [0, 1]) {
  testAdapter(
    adapter,
    [
      { name: 'absent hook', text: null },
      { name: 'a bash setup with set -euo pipefail', text: setup },
      { name: 'CRLF line endings', text: setup.replace(/\n/g, '\r\n') },
      { name: 'no trailing newline', text: teardown },
      { name: 'no shebang', text: 'make clean\n' },
      { name: 'empty file', text: '' },
      {
        name: 'already installed',
        installed: true,
        text: adapter.apply(contractContext(), adapter.files(contractContext())[index]!, setup) as string,
      },
    ],
    { file: index },
  );
}

describe('cmux adapter', () => {
  it('provisions the cwd in setup and tears it down in teardown, both never failing the hook', () => {
    const context = contractContext();
    const [setupFile, teardownFile] = adapter.files(context);
    expect(setupFile?.mode).toBe(0o755);
    const created = adapter.apply(context, setupFile!, null) as string;
    expect(created.startsWith('#!/bin/sh\n# >>> ravi-hooks >>>\n# Created by ravi-hooks')).toBe(true);
    expect(created).toContain(
      'if command -v ravi-hooks >/dev/null 2>&1; then ravi-hooks provision --name-hint "$(basename "$PWD")"; else echo',
    );
    expect(created).toMatch(/; fi \|\| true\n# <<< ravi-hooks <<<\n$/);
    expect(adapter.apply(context, teardownFile!, null)).toMatch(
      /then ravi-hooks teardown; else .*; fi \|\| true\n/,
    );
    const strict = adapter.apply({ ...context, strict: true }, teardownFile!, null) as string;
    expect(strict).toMatch(/then ravi-hooks teardown; else .*; fi\n/);
  });

  it("puts the block after the user's set line, before their own commands", () => {
    const { apply } = adapterOps(adapter);
    const text = apply(setup) as string;
    expect(text.startsWith('#!/usr/bin/env bash\nset -euo pipefail\n# >>> ravi-hooks >>>\n')).toBe(true);
    expect(text.endsWith('npm ci\n')).toBe(true);
  });
});
