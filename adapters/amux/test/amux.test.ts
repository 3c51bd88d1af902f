import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { setupCommand, teardownCommand } from '../src/config';
import { amux } from '../src/index';

const adapter = amux();
const { context, apply, remove } = adapterOps(adapter);

/** Our two calls as they appear inside JSON strings (escaped), guarded and in the old bare form. */
const body = (text: string) => JSON.stringify(text).slice(1, -1);
const SETUP = body(setupCommand('ravi-hooks'));
const TEARDOWN = body(teardownCommand('ravi-hooks'));
const OLD_SETUP = body(setupCommand('ravi-hooks', 'bare'));

/** amux's README example. */
const readme = `{
  "setup-workspace": ["npm install", "cp $ROOT_WORKSPACE_PATH/.env.local .env.local"],
  "run": "npm start",
  "archive": "tar -czf archive.tar.gz ."
}
`;

testAdapter(adapter, [
  { name: 'absent file', text: null },
  { name: "amux's README example", text: readme },
  {
    name: 'setup only, one command per line',
    text: '{\n  "setup-workspace": [\n    "pnpm install"\n  ]\n}\n',
  },
  {
    name: 'run only (foreign keys)',
    text: '{\n  "run": "npm run dev -- --port $AMUX_PORT",\n  "on-done": "say done"\n}\n',
  },
  { name: 'empty object', text: '{}\n' },
  { name: 'empty setup array and empty archive', text: '{"setup-workspace": [], "archive": ""}' },
  { name: 'CRLF line endings', text: readme.replace(/\n/g, '\r\n') },
  {
    name: 'tab indentation',
    text: '{\n\t"setup-workspace": [\n\t\t"npm ci"\n\t],\n\t"archive": "./scripts/archive.sh"\n}\n',
  },
  { name: 'no trailing newline', text: '{"run": "make dev", "archive": "make clean"}' },
  {
    name: 'Go-escaped strings (json.Marshal writes & as \\u0026)',
    text: '{"archive": "make stop \\u0026\\u0026 make clean"}\n',
  },
  {
    name: 'already installed',
    installed: true,
    text: `{\n  "setup-workspace": [\n    "npm ci",\n    "${SETUP}"\n  ],\n  "archive": "${TEARDOWN}; make clean"\n}\n`,
  },
  {
    name: 'comments (amux parses strict JSON)',
    invalid: true,
    text: '{\n  // setup\n  "setup-workspace": ["npm ci"]\n}\n',
  },
  { name: 'trailing comma', invalid: true, text: '{"setup-workspace": ["npm ci",]}' },
  { name: 'empty file', invalid: true, text: '' },
  { name: 'setup-workspace is a string', invalid: true, text: '{"setup-workspace": "npm ci"}' },
  { name: 'archive is not a string', invalid: true, text: '{"archive": ["make clean"]}' },
]);

describe('amux adapter', () => {
  it('appends one setup entry and puts teardown in front of the archive command', () => {
    expect(apply(readme)).toBe(`{
  "setup-workspace": ["npm install", "cp $ROOT_WORKSPACE_PATH/.env.local .env.local", "${SETUP}"],
  "run": "npm start",
  "archive": "${TEARDOWN}; tar -czf archive.tar.gz ."
}
`);
  });

  it('creates the file when there is none', () => {
    expect(apply(null)).toBe(`{
  "setup-workspace": [
    "${SETUP}"
  ],
  "archive": "${TEARDOWN}"
}
`);
    expect(remove(apply(null))).toBeNull();
  });

  it('never duplicates the setup entry, even when the user moved it', () => {
    const moved = `{"setup-workspace": ["${SETUP}", "npm ci"], "archive": "${TEARDOWN}"}`;
    expect(apply(moved)).toBe(moved);
    expect(remove(moved)).toBe('{"setup-workspace": ["npm ci"]}');
  });

  it("keeps the user's escapes byte for byte", () => {
    const text = '{"archive": "make stop \\u0026\\u0026 make clean"}';
    expect(apply(text)).toContain(`"${TEARDOWN}; make stop \\u0026\\u0026 make clean"`);
  });

  it('adds new lines with the indentation the file uses', () => {
    const tabs = '{\n\t"run": "make dev"\n}\n';
    expect(apply(tabs)).toBe(
      `{\n\t"run": "make dev",\n\t"setup-workspace": [\n\t\t"${SETUP}"\n\t],\n\t"archive": "${TEARDOWN}"\n}\n`,
    );
  });

  it('recognises the old, unguarded install and upgrades or removes it cleanly', () => {
    const old = `{\n  "setup-workspace": [\n    "npm ci",\n    "${OLD_SETUP}"\n  ],\n  "archive": "ravi-hooks teardown; make clean"\n}\n`;
    expect(adapter.isInstalled(context, adapter.files(context)[0]!, old)).toBe(true);
    expect(apply(old)).toBe(
      `{\n  "setup-workspace": [\n    "npm ci",\n    "${SETUP}"\n  ],\n  "archive": "${TEARDOWN}; make clean"\n}\n`,
    );
    expect(remove(old)).toBe('{\n  "setup-workspace": [\n    "npm ci"\n  ],\n  "archive": "make clean"\n}\n');
    const created = `{\n  "setup-workspace": [\n    "${OLD_SETUP}"\n  ],\n  "archive": "ravi-hooks teardown"\n}\n`;
    expect(remove(created)).toBeNull();
  });

  it('says that amux will ask for trust again', () => {
    expect(adapter.notes(context).join('\n')).toMatch(/trust/i);
  });
});
