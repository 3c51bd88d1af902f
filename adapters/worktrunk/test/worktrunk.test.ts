import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { worktrunk } from '../src/index';

const adapter = worktrunk();
const { context, file, apply } = adapterOps(adapter);

/** A user config with the three hook forms worktrunk's docs describe. */
const config = `# worktrunk user config
worktree-path = "../{{ repo }}.{{ branch | sanitize }}"

[pre-start]
env = "echo 'PORT={{ branch | hash_port }}' > .env.local"

[[post-start]]
install = "npm ci"

[[pre-remove]]
save = "cp -r test-results ~/artifacts/{{ branch | sanitize }}"

[projects."github.com/acme/app"]
list.full = true
`;

testAdapter(adapter, [
  { name: 'absent config', text: null },
  { name: 'table, pipeline and per-project forms', text: config },
  { name: 'CRLF line endings', text: config.replace(/\n/g, '\r\n') },
  { name: 'no trailing newline', text: 'worktree-path = ".worktrees/{{ branch | sanitize }}"' },
  { name: 'empty file', text: '' },
  { name: 'empty [pre-start] table with a comment', text: '[pre-start] # setup\n\n[list]\nfull = true\n' },
  { name: 'already installed', installed: true, text: apply(config) as string },
  { name: 'invalid TOML', invalid: true, text: '[pre-start\nx = 1\n' },
  { name: 'pre-start as one command string', invalid: true, text: 'pre-start = "npm ci"\n' },
  { name: 'pre-remove as an inline table', invalid: true, text: 'pre-remove = { a = "x" }\n' },
]);

describe('worktrunk adapter', () => {
  it('edits the user config, which needs no approval', () => {
    expect(file).toEqual({ path: '/home/dev/.config/worktrunk/config.toml', scope: 'home' });
  });

  it('names a command in [pre-start] and appends a [[pre-remove]] step, with worktrunk templates', () => {
    const parsed = parse(apply(config) as string) as {
      'pre-start': Record<string, string>;
      'pre-remove': Record<string, string>[];
      projects: unknown;
    };
    expect(parsed['pre-start'].env).toBe("echo 'PORT={{ branch | hash_port }}' > .env.local");
    expect(parsed['pre-start']['ravi-hooks']).toMatch(
      /^if command -v ravi-hooks .*; then ravi-hooks provision \{\{ worktree_path \}\} --name-hint \{\{ branch \| sanitize \}\}; else .*; fi \|\| true$/,
    );
    expect(parsed['pre-remove']).toHaveLength(2);
    expect(parsed['pre-remove'][1]?.['ravi-hooks']).toMatch(
      /then ravi-hooks teardown \{\{ worktree_path \}\}; else/,
    );
    expect(parsed.projects).toEqual({ 'github.com/acme/app': { list: { full: true } } });
  });

  it('creates [pre-start] and [pre-remove] tables in a config without them', () => {
    const parsed = parse(apply('') as string);
    expect(Object.keys(parsed)).toEqual(['pre-start', 'pre-remove']);
    expect(adapter.apply({ ...context, strict: true }, file, '')).not.toContain('|| true');
  });
});
