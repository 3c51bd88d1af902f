import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { daintree } from '../src/index';

const adapter = daintree();
const { file, apply } = adapterOps(adapter);

/** A lifecycle config with Daintree's {{variable}} substitutions and a resource block. */
const config = `{
  "setup": ["npm ci", "cp {{project_root}}/.env .env"],
  "teardown": ["docker compose -p {branch-slug} down"],
  "resource": { "provision": ["terraform apply -auto-approve"] }
}
`;

testAdapter(adapter, [
  { name: 'absent file', text: null },
  { name: 'setup, teardown and a resource', text: config },
  { name: 'CRLF line endings', text: config.replace(/\n/g, '\r\n') },
  { name: 'empty object, no trailing newline', text: '{}' },
  { name: 'already installed', installed: true, text: apply(config) as string },
  { name: 'invalid JSON', invalid: true, text: '{ setup: [] }' },
  { name: 'teardown holding a number', invalid: true, text: '{"teardown": [1]}' },
]);

describe('daintree adapter', () => {
  it('uses DAINTREE_* variables, which Daintree leaves alone, not its {placeholders}', () => {
    expect(file.path).toBe('/work/repo/.daintree/config.json');
    const value = JSON.parse(apply(config) as string);
    expect(value.setup[2]).toMatch(
      /then ravi-hooks provision "\$DAINTREE_WORKTREE_PATH" --name-hint "\$DAINTREE_WORKTREE_NAME"; else/,
    );
    expect(value.teardown[0]).toMatch(/then ravi-hooks teardown "\$DAINTREE_WORKTREE_PATH"; else/);
    expect(value.setup[2]).not.toMatch(/(^|[^$])\{[\w-]+\}/);
  });
});
