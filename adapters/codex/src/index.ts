/**
 * The Codex app's local environments: `.codex/environments/environment.toml`. Provisioning
 * goes at the end of `[setup] script` (after the user's install steps), teardown at the start
 * of `[cleanup] script`. Codex runs them for the worktree it makes per thread under
 * `~/.codex/worktrees/<id>/<repo>` and passes `CODEX_WORKTREE_PATH`; the user's own example
 * scripts `cd` there first, so we name the directory explicitly instead of trusting the cwd.
 *
 * NOTE: cleanup did not run when a thread was archived (openai/codex#19480): the worktree
 * then stays, and its identity with it, until `ravi-hooks gc` sees it gone.
 *
 * Format read from developers.openai.com/codex/app/local-environments and the files Codex
 * generates (NativeScript/SimDeck PR #49 `.codex/local-environment.toml`: `version = 1`,
 * `[setup] script = '''…'''`, `[cleanup] script = '''…'''`).
 */
import path from 'node:path';
import {
  type AdapterContext,
  type AdapterFactory,
  applyTomlScripts,
  type FileText,
  hasTomlScript,
  hookStep,
  removeTomlScripts,
  type TomlScript,
} from '@ravi-hooks/core/adapter';

export const FILE = '.codex/environments/environment.toml';
const HINT = `fix ${FILE} (Codex could not read it either), then run \`ravi-hooks init codex\` again`;
// biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
const WORKTREE = '"${CODEX_WORKTREE_PATH:-$PWD}"';

function specs(context: AdapterContext): TomlScript[] {
  const common = { adapter: 'codex', key: 'script', file: FILE };
  return [
    {
      ...common,
      table: 'setup',
      at: 'end',
      body: [
        "# Gives this Codex worktree its own Ravi identity (named after Codex's worktree id).",
        hookStep(
          context,
          ['provision', WORKTREE, '--name-hint', `"codex-$(basename "$(dirname ${WORKTREE})")"`],
          'this worktree gets no Ravi identity',
        ),
      ],
    },
    {
      ...common,
      table: 'cleanup',
      at: 'start',
      body: [
        "# Takes this worktree's Ravi identity away before Codex removes it.",
        hookStep(
          { ...context, strict: false },
          ['teardown', WORKTREE],
          'its Ravi identity stays until `ravi-hooks gc`',
        ),
      ],
    },
  ];
}

/** What Codex writes for a new local environment, named after the project directory. */
const template = (context: AdapterContext) =>
  `# Created by ravi-hooks: \`ravi-hooks init codex --remove\` deletes this file.\nversion = 1\nname = ${JSON.stringify(path.basename(context.root))}\n`;

function apply(context: AdapterContext, current: FileText): string {
  return applyTomlScripts(current ?? template(context), specs(context), HINT);
}

function remove(context: AdapterContext, current: FileText): FileText {
  if (current === null) return null;
  const text = removeTomlScripts(current, specs(context), HINT);
  return text === template(context) ? null : text;
}

export const codex: AdapterFactory = () => ({
  name: 'codex',
  description: 'Codex app: [setup] provisions, [cleanup] tears down',
  files: (context) => [{ path: path.join(context.root, FILE), scope: 'root' }],
  apply: (context, _file, current) => apply(context, current),
  remove: (context, _file, current) => remove(context, current),
  isInstalled: (context, _file, current) => specs(context).every((spec) => hasTomlScript(current, spec)),
  notes: () => [
    'New Codex worktrees run `ravi-hooks provision` after your own setup script; a failure is printed and never fails the setup (install with --strict to make it fail).',
    'Cleanup starts with `ravi-hooks teardown`. Codex did not run cleanup when a thread was archived (openai/codex#19480): run `ravi-hooks gc` to reclaim those identities once the worktree is gone.',
    `Commit ${FILE} so the Codex app uses it for everyone's threads.`,
  ],
});
