import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { superset } from '../src/index';

const adapter = superset();
const { context, file, apply, remove } = adapterOps(adapter);

/** Superset's documented example. */
const docs = `{
  "setup": ["bun install", "cp \\"$SUPERSET_ROOT_PATH/.env\\" .env"],
  "teardown": ["docker-compose down"],
  "run": ["./.superset/run.sh"]
}
`;

testAdapter(adapter, [
  { name: 'absent file', text: null },
  { name: "Superset's documented example", text: docs },
  { name: 'CRLF line endings', text: docs.replace(/\n/g, '\r\n') },
  { name: 'one command per line, tabs', text: '{\n\t"setup": [\n\t\t"pnpm install"\n\t]\n}\n' },
  { name: 'run only, no trailing newline', text: '{"run": ["bun dev"], "cwd": "apps/web"}' },
  { name: 'skip setup entirely', text: '{ "setup": [], "teardown": [] }\n' },
  { name: 'already installed', installed: true, text: apply(docs) as string },
  { name: 'invalid JSON', invalid: true, text: '{"setup": ["x",]}' },
  { name: 'setup as a string', invalid: true, text: '{"setup": "bun install"}' },
]);

describe('superset adapter', () => {
  it('appends provisioning to setup and puts teardown first, each in parentheses', () => {
    const value = JSON.parse(apply(docs) as string);
    expect(value.setup.slice(0, 2)).toEqual(['bun install', 'cp "$SUPERSET_ROOT_PATH/.env" .env']);
    expect(value.setup[2]).toMatch(
      /^\(if command -v ravi-hooks .*then ravi-hooks provision "\$SUPERSET_WORKSPACE_PATH" --name-hint "\$SUPERSET_WORKSPACE_NAME"; else .*; fi \|\| true\)$/,
    );
    expect(value.teardown[0]).toMatch(
      /^\(if .*then ravi-hooks teardown "\$SUPERSET_WORKSPACE_PATH"; else .*\)$/,
    );
    expect(value.teardown[1]).toBe('docker-compose down');
    expect(value.run).toEqual(['./.superset/run.sh']);
  });

  it('keeps running .superset/setup.sh when it adds a setup key the file did not have', () => {
    const value = JSON.parse(apply('{"run": ["bun dev"]}\n') as string);
    expect(value.setup[1]).toContain('bash .superset/setup.sh');
    expect(value.teardown[1]).toContain('bash "$SUPERSET_ROOT_PATH/.superset/teardown.sh"');
    expect(remove(apply('{"run": ["bun dev"]}\n'))).toBe('{"run": ["bun dev"]}\n');
  });

  it('--strict keeps the status of our step', () => {
    expect(adapter.apply({ ...context, strict: true }, file, docs)).not.toContain('|| true');
  });
});
