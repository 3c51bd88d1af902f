import path from 'node:path';
import { adapterOps, contractContext, testAdapter } from '@ravi-hooks/adapter-contract';
import { parseToml } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { conductor } from '../src/index';

const adapter = conductor();
const { apply, remove } = adapterOps(adapter);
const root = contractContext().root;
const legacyContext = { present: new Set([path.join(root, 'conductor.json')]) };
const legacy = adapterOps(adapter, legacyContext);

/** Conductor's documented example. */
const documented = `"$schema" = "https://conductor.build/schemas/settings.repo.schema.json"

[scripts]
setup = "pnpm install"
run = "pnpm dev --port $CONDUCTOR_PORT"
archive = "./script/workspace-archive.sh"
run_mode = "concurrent"
`;

const legacyJson = `{
  "scripts": {
    "setup": "npm install",
    "run": "npm run dev",
    "archive": "./script/workspace-archive.sh"
  },
  "runScriptMode": "concurrent"
}
`;

testAdapter(adapter, [
  { name: 'absent file', text: null },
  { name: "Conductor's documented example", text: documented },
  { name: 'CRLF line endings', text: documented.replace(/\n/g, '\r\n') },
  { name: 'no trailing newline', text: documented.trimEnd() },
  {
    name: 'multi-line scripts and comments',
    text: '# workspace scripts\n[scripts]\nsetup = """\ncp "$CONDUCTOR_ROOT_PATH/.env" .env\npnpm install\n"""\n# cleanup\narchive = \'\'\'\nrm -rf node_modules\n\'\'\'\n\n[environment_variables]\nFOO = "bar"\n',
  },
  { name: 'no [scripts] table', text: '[environment_variables]\nNODE_ENV = "development"\n' },
  { name: 'not TOML', invalid: true, text: '[scripts]\nsetup = "pnpm install\n' },
  { name: 'setup is not a string', invalid: true, text: '[scripts]\nsetup = ["pnpm install"]\n' },
]);

testAdapter(
  adapter,
  [
    { name: 'legacy conductor.json', text: legacyJson },
    { name: 'legacy, CRLF and no archive', text: '{\r\n  "scripts": {\r\n    "setup": "npm ci"\r\n  }\r\n}' },
    { name: 'legacy without scripts', invalid: true, text: '{"runScriptMode": "concurrent"}\n' },
    { name: 'legacy with comments', invalid: true, text: '{\n  // no\n  "scripts": {}\n}\n' },
  ],
  { context: legacyContext },
);

describe('Conductor adapter', () => {
  it('provisions at the end of setup and tears down at the start of archive', () => {
    const parsed = parseToml(apply(documented) ?? '', 'settings.toml', '') as {
      scripts: Record<string, string>;
    };
    expect(parsed.scripts.setup).toMatch(/^pnpm install\n# >>> ravi-hooks >>>\n/);
    expect(parsed.scripts.setup).toContain('--name-hint "$CONDUCTOR_WORKSPACE_NAME"');
    expect(parsed.scripts.archive).toMatch(
      /teardown[^\n]*\n# <<< ravi-hooks <<<\n\.\/script\/workspace-archive\.sh$/,
    );
    expect(parsed.scripts.run_mode).toBe('concurrent');
  });

  it('edits conductor.json only while there is no settings.toml, and never creates one next to it', () => {
    expect(legacy.file.path).toBe(path.join(root, 'conductor.json'));
    const both = adapterOps(adapter, {
      present: new Set([path.join(root, 'conductor.json'), path.join(root, '.conductor/settings.toml')]),
    });
    expect(both.file.path).toBe(path.join(root, '.conductor/settings.toml'));
    const scripts = JSON.parse(legacy.apply(legacyJson) ?? '').scripts;
    expect(scripts.setup).toMatch(/^npm install\n# >>> ravi-hooks >>>/);
    expect(scripts.run).toBe('npm run dev');
  });

  it('creates settings.toml with the schema line when there is nothing, and deletes it on remove', () => {
    expect(apply(null)).toContain('"$schema"');
    expect(remove(apply(null))).toBeNull();
  });
});
