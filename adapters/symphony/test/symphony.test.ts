import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { shellInvocation } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { symphony } from '../src/index';

const adapter = symphony();
const { context, file, apply, remove } = adapterOps(adapter);

/** Our two calls, guarded (a missing ravi-hooks is one stderr line, not a failed hook). */
const PROVISION = shellInvocation(
  'ravi-hooks',
  ['provision', '--name-hint', '"$(basename "$PWD")"'],
  'this workspace gets no Ravi identity',
);
const TEARDOWN = shellInvocation('ravi-hooks', ['teardown'], 'the identity stays until `ravi-hooks gc` runs');

/** openai/symphony's own elixir/WORKFLOW.md (shortened prompt). */
const upstream = `---
tracker:
  kind: linear
  provider: { project_slug: "symphony-0c79b11b75ea" }
  active_states: [Todo, In Progress, Merging, Rework]
  terminal_states: [Closed, Cancelled, Canceled, Duplicate, Done]
workspace:
  root: ~/code/symphony-workspaces
hooks:
  after_create: |
    git clone --depth 1 https://github.com/openai/symphony .
    if command -v mise >/dev/null 2>&1; then
      cd elixir && mise trust && mise exec -- mix deps.get
    fi
  before_remove: |
    cd elixir && mise exec -- mix workspace.before_remove
codex:
  command: codex ... app-server
---
You are working on a Linear ticket \`{{ issue.identifier }}\`
{% if attempt %}... attempt #{{ attempt }} ...{% endif %}
`;
/** A workflow whose workspaces are worktrees of a local checkout. */
const worktrees = `---
# Workspaces are worktrees of ~/src/app.
tracker:
    kind: linear
hooks:
    timeout_ms: 120000   # installs are slow
    after_create: |-
        git -C ~/src/app worktree add "$PWD" -b "$(basename "$PWD")"

        pnpm install
---

Fix {{ issue.identifier }}.`;

testAdapter(adapter, [
  { name: "Symphony's own WORKFLOW.md", text: upstream },
  { name: 'worktree workflow: 4-space indent, |- script, comments, no trailing newline', text: worktrees },
  { name: 'no hooks yet', text: '---\ntracker:\n  kind: linear\n---\nDo {{ issue.title }}\n' },
  { name: 'no front matter at all', text: 'Work on {{ issue.identifier }}.\n' },
  { name: 'empty file', text: '' },
  { name: 'empty front matter', text: '---\n---\nprompt\n' },
  { name: 'CRLF line endings', text: upstream.replace(/\n/g, '\r\n') },
  {
    name: 'explicit indentation indicator',
    text: '---\nhooks:\n  after_create: |2\n      cd sub\n    make\n---\n',
  },
  { name: 'already installed', installed: true, text: apply(upstream) as string },
  { name: 'absent WORKFLOW.md', invalid: true, text: null },
  { name: 'invalid YAML', invalid: true, text: '---\nhooks:\n  after_create: |\n    x\n bad: [\n---\n' },
  { name: 'unclosed front matter', invalid: true, text: '---\ntracker:\n  kind: linear\n' },
  {
    name: 'hooks as a flow mapping',
    invalid: true,
    text: '---\nhooks: {after_create: "git clone x ."}\n---\n',
  },
  { name: 'one-line after_create', invalid: true, text: '---\nhooks:\n  after_create: git clone x .\n---\n' },
  { name: 'empty after_create', invalid: true, text: '---\nhooks:\n  after_create:\n---\n' },
  { name: 'front matter that is a list', invalid: true, text: '---\n- a\n---\n' },
]);

describe('symphony adapter', () => {
  it('appends provisioning to after_create and prepends teardown to before_remove', () => {
    const block = (lines: string[]) =>
      ['# >>> ravi-hooks >>>', ...lines, '# <<< ravi-hooks <<<'].map((line) => `    ${line}\n`).join('');
    const provision = block([
      '# Gives this workspace its own Ravi identity; keeps the status of the commands above.',
      `(exit $?) && ${PROVISION}`,
    ]);
    const teardown = block(["# Takes this workspace's Ravi identity away.", TEARDOWN]);
    expect(apply(upstream)).toBe(
      upstream
        .replace('    fi\n', `    fi\n${provision}`)
        .replace('  before_remove: |\n', `  before_remove: |\n${teardown}`),
    );
  });

  it('keeps the scripts working as shell: ours after the clone, before the cd', () => {
    const hooks = parse((apply(upstream) as string).split('---\n')[1]!).hooks;
    expect(hooks.after_create.startsWith('git clone --depth 1 https://github.com/openai/symphony .\n')).toBe(
      true,
    );
    expect(hooks.after_create.endsWith(`\n(exit $?) && ${PROVISION}\n# <<< ravi-hooks <<<\n`)).toBe(true);
    expect(hooks.before_remove).toMatch(
      /^# >>> ravi-hooks >>>\n.*\nif command -v ravi-hooks .*ravi-hooks teardown; else/,
    );
    expect(hooks.before_remove).toMatch(/\n# <<< ravi-hooks <<<\ncd elixir/);
  });

  it('recognises hooks installed before the guard and upgrades or removes them cleanly', () => {
    const guarded = apply(upstream) as string;
    const old = guarded
      .replace(PROVISION, 'ravi-hooks provision --name-hint "$(basename "$PWD")"')
      .replace(TEARDOWN, 'ravi-hooks teardown');
    expect(old).not.toBe(guarded);
    expect(adapter.isInstalled(context, file, old)).toBe(true);
    expect(apply(old)).toBe(guarded);
    expect(remove(old)).toBe(upstream);
  });

  it('creates hooks with the indentation the file uses', () => {
    expect(apply('---\ntracker:\n    kind: linear\n---\n')).toMatchInlineSnapshot(`
      "---
      tracker:
          kind: linear
      hooks:
          after_create: |
              # >>> ravi-hooks >>>
              # Gives this workspace its own Ravi identity; keeps the status of the commands above.
              (exit $?) && if command -v ravi-hooks >/dev/null 2>&1; then ravi-hooks provision --name-hint "$(basename "$PWD")"; else echo 'ravi-hooks: ravi-hooks is not on PATH, so this workspace gets no Ravi identity (install it with npm install -g ravi-hooks, or add its directory to PATH for this shell)' >&2; fi
              # <<< ravi-hooks <<<
          before_remove: |
              # >>> ravi-hooks >>>
              # Takes this workspace's Ravi identity away.
              if command -v ravi-hooks >/dev/null 2>&1; then ravi-hooks teardown; else echo 'ravi-hooks: ravi-hooks is not on PATH, so the identity stays until \`ravi-hooks gc\` runs (install it with npm install -g ravi-hooks, or add its directory to PATH for this shell)' >&2; fi
              # <<< ravi-hooks <<<
      ---
      "
    `);
  });

  it('gives a file without front matter one, and takes it away again', () => {
    const text = apply('Just a prompt\n') as string;
    expect(text.startsWith('---\n# Front matter added by ravi-hooks')).toBe(true);
    expect(text.endsWith('---\nJust a prompt\n')).toBe(true);
    expect(adapter.remove(context, file, text)).toBe('Just a prompt\n');
  });

  it('reads WORKFLOW.md from the directory it is given, not the repository top level', () => {
    expect(adapter.root).toBe('directory');
  });
});
