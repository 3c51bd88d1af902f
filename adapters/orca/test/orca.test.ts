import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { orca } from '../src/index';

const adapter = orca();
const { apply } = adapterOps(adapter);

/** An orca.yaml as Orca's docs show it, plus the newer issueCommand key. */
const config = `scripts:
  setup: |
    pnpm install
    cp "$ORCA_ROOT_PATH/.env" .env

  archive: |
    docker compose down
issueCommand: |
  Fix the issue described above.
`;

testAdapter(adapter, [
  { name: 'absent orca.yaml', text: null },
  { name: 'setup, archive and issueCommand', text: config },
  { name: 'CRLF line endings', text: config.replace(/\n/g, '\r\n') },
  { name: 'setup only, no trailing newline', text: 'scripts:\n  setup: |\n    npm ci' },
  { name: 'issueCommand only', text: 'issueCommand: |\n  Fix it.\n' },
  { name: 'empty file', text: '' },
  { name: 'already installed', installed: true, text: apply(config) as string },
  { name: 'one-line setup', invalid: true, text: 'scripts:\n  setup: npm ci\n' },
  { name: 'scripts as a flow mapping', invalid: true, text: 'scripts: { setup: "npm ci" }\n' },
]);

describe('orca adapter', () => {
  it('keeps the YAML meaning: provisioning after setup, teardown before archive', () => {
    const value = parse(apply(config) as string);
    expect(value.scripts.setup).toMatch(
      /^pnpm install\ncp "\$ORCA_ROOT_PATH\/.env" .env\n# >>> ravi-hooks >>>\n/,
    );
    expect(value.scripts.setup).toMatch(
      /then ravi-hooks provision "\$ORCA_WORKTREE_PATH"; else .* \|\| true\n# <<< ravi-hooks <<<\n/,
    );
    expect(value.scripts.archive).toMatch(
      /^# >>> ravi-hooks >>>\n(?:.*\n)*?.*then ravi-hooks teardown .*\n# <<< ravi-hooks <<<\ndocker compose down\n$/,
    );
    expect(value.issueCommand).toBe('Fix the issue described above.\n');
  });

  it('creates a scripts: section in a file without one', () => {
    const value = parse(apply('issueCommand: |\n  Fix it.\n') as string);
    expect(Object.keys(value.scripts)).toEqual(['setup', 'archive']);
  });
});
