import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { AdapterError, type HookManager } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../../test/support/tmp';
import { git } from '../src/index';

const adapter = git();
const managed = (name: HookManager['name'], file: string) => ({
  git: { hooksDir: '/work/repo/.git/hooks', manager: { name, config: path.join('/work/repo', file) } },
});

const lefthook = managed('lefthook', 'lefthook.yml');
const lefthookPreCommit = 'pre-commit:\n  parallel: true\n  commands:\n    lint:\n      run: npm run lint\n';
const lefthookCheckout =
  '# deps\npost-checkout:\n  commands:\n    deps:\n      run: npm ci\npre-push:\n  commands:\n    test:\n      run: npm test\n';

testAdapter(
  adapter,
  [
    { name: 'lefthook: absent config', text: null },
    { name: 'lefthook: pre-commit only', text: lefthookPreCommit },
    { name: 'lefthook: post-checkout with commands', text: lefthookCheckout },
    { name: 'lefthook: post-checkout with jobs only', text: 'post-checkout:\n  jobs:\n    - run: npm ci\n' },
    {
      name: 'lefthook: four-space indent',
      text: 'pre-commit:\n    commands:\n        lint:\n            run: make lint\n',
    },
    { name: 'lefthook: CRLF', text: lefthookCheckout.replace(/\n/g, '\r\n') },
    {
      name: 'lefthook: no trailing newline',
      text: 'post-checkout:\n  commands:\n    deps:\n      run: npm ci',
    },
    { name: 'lefthook: empty file', text: '' },
    {
      name: 'lefthook: installed',
      installed: true,
      text: adapterOps(adapter, lefthook).apply(lefthookCheckout) as string,
    },
    { name: 'lefthook: one-line post-checkout', invalid: true, text: 'post-checkout: {commands: {}}\n' },
  ],
  { context: lefthook },
);

const simple = managed('simple-git-hooks', 'package.json');
const pkg = '{\n  "name": "app",\n  "simple-git-hooks": {\n    "pre-commit": "npx lint-staged"\n  }\n}\n';
const pkgCheckout = '{\n  "name": "app",\n  "simple-git-hooks": {\n    "post-checkout": "npm ci"\n  }\n}\n';

testAdapter(
  adapter,
  [
    { name: 'simple-git-hooks: package.json key', text: pkg },
    { name: 'simple-git-hooks: a post-checkout of the user', text: pkgCheckout },
    { name: 'simple-git-hooks: empty config, tabs', text: '{\n\t"simple-git-hooks": {}\n}\n' },
    {
      name: 'simple-git-hooks: installed',
      installed: true,
      text: adapterOps(adapter, simple).apply(pkgCheckout) as string,
    },
    { name: 'simple-git-hooks: not an object', invalid: true, text: '{"simple-git-hooks": "npm test"}' },
    {
      name: 'simple-git-hooks: post-checkout not a string',
      invalid: true,
      text: '{"simple-git-hooks": {"post-checkout": 1}}',
    },
  ],
  { context: simple },
);

const preCommit = managed('pre-commit', '.pre-commit-config.yaml');
const pcZero =
  'repos:\n- repo: https://github.com/pre-commit/pre-commit-hooks\n  rev: v4.6.0\n  hooks:\n  - id: trailing-whitespace\n';
const pcIndented =
  'default_install_hook_types: [pre-commit, post-checkout]\nrepos:\n  - repo: https://github.com/psf/black\n    rev: 24.4.2\n    hooks:\n      - id: black\n\nci:\n  autofix_prs: true\n';

testAdapter(
  adapter,
  [
    { name: 'pre-commit: zero-indented repos', text: pcZero },
    { name: 'pre-commit: indented repos, then another key', text: pcIndented },
    { name: 'pre-commit: no repos key', text: 'default_stages: [pre-commit]\n' },
    { name: 'pre-commit: CRLF, no trailing newline', text: pcZero.replace(/\n/g, '\r\n').trimEnd() },
    {
      name: 'pre-commit: installed',
      installed: true,
      text: adapterOps(adapter, preCommit).apply(pcZero) as string,
    },
    { name: 'pre-commit: flow repos', invalid: true, text: 'repos: []\n' },
  ],
  { context: preCommit },
);

describe('git adapter with a hook manager', () => {
  it("edits the manager's config, not the hook file the manager rewrites", () => {
    expect(adapter.files({ ...adapterOps(adapter).context, ...lefthook })).toEqual([
      { path: '/work/repo/lefthook.yml', scope: 'root' },
    ]);
    expect(adapter.notes({ ...adapterOps(adapter).context, ...lefthook }).join('\n')).toMatch(
      /lefthook install/,
    );
  });

  it('lefthook: a ravi-hooks command under post-checkout commands, next to the user ones', () => {
    const text = adapterOps(adapter, lefthook).apply(lefthookCheckout) as string;
    expect(text.startsWith('# deps\npost-checkout:\n  commands:\n    # >>> ravi-hooks >>>\n')).toBe(true);
    expect(text).toMatch(
      /\n {4}ravi-hooks:\n {6}run: \|\n {8}if \[ "\$\{RAVI_HOOKS_SKIP:-\}" != 1 \] && \[ "\{3\}" = 1 \]; then/,
    );
    expect(text).toContain('    # <<< ravi-hooks <<<\n    deps:\n      run: npm ci\n');
  });

  it('simple-git-hooks: the line runs as the hook simple-git-hooks writes, and goes before a user command', () => {
    const { apply } = adapterOps(adapter, { ...simple });
    const config = JSON.parse(apply(pkgCheckout) as string)['simple-git-hooks']['post-checkout'] as string;
    expect(config.endsWith('esac; fi; npm ci')).toBe(true);
    const dir = testdir();
    const log = path.join(dir, 'log');
    writeFileSync(path.join(dir, 'ravi-hooks'), `#!/bin/sh\necho "$@" >> '${log}'\nexit 9\n`, {
      mode: 0o755,
    });
    writeFileSync(path.join(dir, 'npm'), `#!/bin/sh\necho "npm $*" >> '${log}'\n`, { mode: 0o755 });
    const hook = path.join(dir, 'post-checkout');
    writeFileSync(hook, `#!/bin/sh\n${config}\n`);
    const zeros = '0'.repeat(40);
    const env = { PATH: `${dir}:/usr/bin:/bin` };
    expect(spawnSync('/bin/sh', [hook, zeros, 'abc', '1'], { env }).status).toBe(0);
    expect(spawnSync('/bin/sh', [hook, 'abc', 'def', '1'], { env }).status).toBe(0);
    expect(execFileSync('cat', [log], { encoding: 'utf8' })).toBe(
      `hook post-checkout ${zeros} abc 1\nnpm ci\nnpm ci\n`,
    );
  });

  it('pre-commit: `sh -c` with our line, reading its PRE_COMMIT_* variables', () => {
    const text = adapterOps(adapter, preCommit).apply(pcZero) as string;
    expect(text).toContain('      entry: sh\n      args:\n        - -c\n        - |\n          if ');
    const script = /- \|\n {10}(.*)\n/.exec(text)?.[1] ?? '';
    const dir = testdir();
    writeFileSync(path.join(dir, 'ravi-hooks'), '#!/bin/sh\necho "$@"\n', { mode: 0o755 });
    const zeros = '0'.repeat(40);
    const run = spawnSync('/bin/sh', ['-c', script], {
      env: {
        PATH: `${dir}:/usr/bin:/bin`,
        PRE_COMMIT_FROM_REF: zeros,
        PRE_COMMIT_TO_REF: 'abc',
        PRE_COMMIT_CHECKOUT_TYPE: '1',
      },
      encoding: 'utf8',
    });
    expect(run.stdout).toBe(`hook post-checkout ${zeros} abc 1\n`);
  });

  it('refuses a lefthook config it cannot edit as YAML, and names what to add', () => {
    const ctx = managed('lefthook', 'lefthook.toml');
    expect(() => adapterOps(adapter, ctx).apply('[pre-commit]\n')).toThrow(AdapterError);
  });
});
