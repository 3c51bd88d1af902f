import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { AdapterError } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../../test/support/tmp';
import { git } from '../src/index';

const adapter = git();
const { context, file, apply, remove } = adapterOps(adapter);

/** Git LFS's post-checkout hook, as `git lfs install` writes it. */
const lfs = `#!/bin/sh
command -v git-lfs >/dev/null 2>&1 || { printf >&2 "\\n%s\\n\\n" "This repository is configured for Git LFS but 'git-lfs' was not found on your path."; exit 2; }
git lfs post-checkout "$@"
`;
/** A husky v9 hook file: no shebang, run by husky with `sh -e`. */
const husky = 'npm run codegen\n';
/** A hook that ends with exit 0: anything appended after it would never run. */
const exits =
  '#!/usr/bin/env bash\nset -euo pipefail\n# refresh deps after branch switches\nif [ "$3" = 1 ]; then npm ci; fi\nexit 0\n';

testAdapter(adapter, [
  { name: 'absent hook', text: null },
  { name: 'git-lfs hook', text: lfs },
  { name: 'husky hook without shebang', text: husky },
  { name: 'hook ending in exit 0, after set -euo pipefail', text: exits },
  { name: 'empty hook file', text: '' },
  { name: 'shebang only, no trailing newline', text: '#!/bin/sh' },
  { name: 'CRLF line endings', text: lfs.replace(/\n/g, '\r\n') },
  {
    name: 'tab-indented body, no trailing newline',
    text: '#!/bin/sh\nif true; then\n\techo checked out\nfi',
  },
  {
    name: 'comments that look like markers',
    text: '#!/bin/sh\n# >>> conda initialize >>>\necho hi\n# <<< conda initialize <<<\n',
  },
  { name: 'already installed', installed: true, text: apply(lfs) as string },
]);

describe('git adapter', () => {
  it('creates a small sh hook that always exits 0', () => {
    expect(apply(null)).toMatchInlineSnapshot(`
      "#!/bin/sh
      # >>> ravi-hooks >>>
      # Created by ravi-hooks: \`ravi-hooks init git --remove\` deletes this file.
      # Gives each new linked worktree (git worktree add) its own Ravi identity.
      # Never fails the checkout; RAVI_HOOKS_SKIP=1 turns it off.
      if [ "\${RAVI_HOOKS_SKIP:-}" != 1 ] && [ "$3" = 1 ]; then
        case "$1" in
          *[!0]* | '') ;;
          *) if command -v ravi-hooks >/dev/null 2>&1; then ravi-hooks hook post-checkout "$1" "$2" "$3"; else echo 'ravi-hooks: ravi-hooks is not on PATH, so this worktree gets no Ravi identity (install it with npm install -g ravi-hooks, or add its directory to PATH for this shell)' >&2; fi || : ;;
        esac
      fi
      # <<< ravi-hooks <<<
      "
    `);
  });

  it('upgrades a hook installed with the old, unguarded call in place', () => {
    const guarded = apply(lfs) as string;
    const old = guarded.replace(/if command -v .+?; then (.+?); else echo '[^']*' >&2; fi/, '$1');
    expect(old).toContain('*) ravi-hooks hook post-checkout "$1" "$2" "$3" || : ;;');
    expect(adapter.isInstalled(context, file, old)).toBe(true);
    expect(apply(old)).toBe(guarded);
    expect(remove(old)).toBe(lfs);
  });

  it('puts the block right after the shebang and set lines, before an exit', () => {
    const text = apply(exits) as string;
    expect(text.indexOf('# >>> ravi-hooks >>>')).toBeLessThan(text.indexOf('exit 0'));
    expect(text.startsWith('#!/usr/bin/env bash\nset -euo pipefail\n# >>> ravi-hooks >>>\n')).toBe(true);
  });

  it('deletes a hook it created, keeps one the user added to afterwards', () => {
    expect(remove(apply(null))).toBeNull();
    expect(remove(`${apply(null)}echo mine\n`)).toBe('#!/bin/sh\necho mine\n');
  });

  it('edits .husky/post-checkout when husky owns the hooks directory', () => {
    const huskyContext = {
      ...context,
      git: { hooksDir: '/work/repo/.husky/_', huskyDir: '/work/repo/.husky' },
    };
    expect(adapter.files(huskyContext)[0]).toMatchObject({
      path: '/work/repo/.husky/post-checkout',
      scope: 'hooks',
      mode: 0o755,
    });
  });

  it('refuses to plan outside a git repository', () => {
    expect(() => adapter.files({ ...context, git: undefined })).toThrow(AdapterError);
  });

  describe('the installed hook, run by sh', () => {
    const zeros = '0'.repeat(40);
    function runHook(args: string[], env: Record<string, string> = {}): string {
      const dir = testdir();
      const log = path.join(dir, 'calls.log');
      const fake = path.join(dir, 'fake-ravi-hooks');
      writeFileSync(fake, `#!/bin/sh\necho "$@" >> '${log}'\nexit 7\n`);
      chmodSync(fake, 0o755);
      const hook = path.join(dir, 'post-checkout');
      const text = adapter.apply(
        { ...context, command: `'${fake}'` },
        file,
        `${lfs.split('\n')[0]}\necho user-hook "$@"\n`,
      );
      writeFileSync(hook, text as string);
      const out = execFileSync('sh', [hook, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
      return out + (existsSync(log) ? readFileSync(log, 'utf8') : '');
    }

    it('calls ravi-hooks for a new worktree (null old ref, flag 1) and still exits 0', () => {
      expect(runHook([zeros, 'abc123', '1'])).toBe(
        `user-hook ${zeros} abc123 1\nhook post-checkout ${zeros} abc123 1\n`,
      );
      expect(runHook(['0'.repeat(64), 'abc', '1'])).toContain('hook post-checkout');
    });

    it('says once on stderr that ravi-hooks is missing, and still exits 0', () => {
      const dir = testdir();
      const hook = path.join(dir, 'post-checkout');
      writeFileSync(hook, adapter.apply(context, file, null) as string);
      const result = spawnSync('/bin/sh', [hook, zeros, 'abc123', '1'], {
        env: { PATH: dir },
        encoding: 'utf8',
      });
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(
        /^ravi-hooks: ravi-hooks is not on PATH, so this worktree gets no Ravi identity \(.*\)\n$/,
      );
    });

    it('does nothing for branch switches, file checkouts, or with RAVI_HOOKS_SKIP=1', () => {
      expect(runHook(['1234abcd', 'abc123', '1'])).toBe('user-hook 1234abcd abc123 1\n');
      expect(runHook([zeros, 'abc123', '0'])).toBe(`user-hook ${zeros} abc123 0\n`);
      expect(runHook([zeros, 'abc123', '1'], { RAVI_HOOKS_SKIP: '1' })).toBe(`user-hook ${zeros} abc123 1\n`);
    });
  });
});
