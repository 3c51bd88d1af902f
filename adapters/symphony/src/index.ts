/**
 * OpenAI Symphony: WORKFLOW.md's front matter. Provisioning goes at the end of
 * `hooks.after_create` (after the user's script, which usually fills the new, empty workspace
 * with `git clone .` or `git worktree add "$PWD"`: that needs the directory empty, so we must
 * come second); teardown goes at the start of `hooks.before_remove`, before anything can `cd`
 * away. Symphony runs hooks as `sh -lc <script>` in the workspace with no env vars and no
 * templating, so the name comes from the directory: the sanitized issue identifier. Both calls
 * are guarded (shellInvocation): `sh -lc` resets PATH, and a missing command must not abort
 * workspace creation with exit 127.
 *
 * Format read from openai/symphony@1f3219bb (SPEC.md §5, §9.4; elixir/lib/symphony_elixir/workspace.ex).
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  type AdapterContext,
  AdapterError,
  type AdapterFactory,
  type FileText,
  shellInvocation,
} from '@ravi-hooks/core/adapter';
import { FILE, findFrontMatter, withFrontMatter, withoutCreatedFrontMatter } from './front-matter';
import { type HookSpec, hasHook, installHook, uninstallHook } from './hooks';

function specs(command: string): HookSpec[] {
  return [
    {
      key: 'after_create',
      at: 'end',
      body: [
        '# Gives this workspace its own Ravi identity; keeps the status of the commands above.',
        `(exit $?) && ${shellInvocation(command, ['provision', '--name-hint', '"$(basename "$PWD")"'], 'this workspace gets no Ravi identity')}`,
      ],
    },
    {
      key: 'before_remove',
      at: 'start',
      body: [
        "# Takes this workspace's Ravi identity away.",
        shellInvocation(command, ['teardown'], 'the identity stays until `ravi-hooks gc` runs'),
      ],
    },
  ];
}

function apply(context: AdapterContext, current: FileText): string {
  if (current === null) {
    throw new AdapterError(`there is no ${FILE} in ${context.root}`, {
      hint: 'run `ravi-hooks init symphony` in the directory Symphony reads its WORKFLOW.md from (or pass --repo DIR)',
    });
  }
  let text = withFrontMatter(current);
  for (const spec of specs(context.command)) text = installHook(text, spec);
  return verified(current, text);
}

function remove(current: FileText): FileText {
  if (current === null) return null;
  let text = current;
  for (const spec of specs('').reverse()) text = uninstallHook(text, spec.key);
  return withoutCreatedFrontMatter(text);
}

/** The front matter's values and the prompt, with our two hooks set aside. */
function meaning(text: string): unknown {
  const front = findFrontMatter(text);
  const { hooks = {}, ...values } = (front?.doc.toJS() ?? {}) as Record<string, unknown>;
  const { after_create, before_remove, ...otherHooks } = hooks as Record<string, unknown>;
  const prompt = text.slice(front ? text.indexOf('\n', front.end) + 1 : 0);
  return { values, otherHooks, prompt };
}

/** Refuses an edit that would change anything but our two hooks (a safety net, never expected). */
function verified(before: string, after: string): string {
  if (!isDeepStrictEqual(meaning(before), meaning(after))) {
    throw new AdapterError(`could not edit ${FILE} without changing other settings`, {
      hint: 'please report this with a copy of the file; nothing was written',
    });
  }
  return after;
}

export const symphony: AdapterFactory = () => ({
  name: 'symphony',
  description: 'after_create provisions, before_remove tears down (OpenAI Symphony WORKFLOW.md)',
  root: 'directory',
  shell: 'sh -lc',
  files: (context) => [{ path: path.join(context.root, FILE), scope: 'root' }],
  apply: (context, _file, current) => apply(context, current),
  remove: (_context, _file, current) => remove(current),
  isInstalled: (_context, _file, current) =>
    current !== null && hasHook(current, 'after_create') && hasHook(current, 'before_remove'),
  notes: (context) => [
    `hooks.after_create now ends with \`${context.command} provision\`, named after the workspace directory (the issue identifier); if your own commands fail, the hook still fails as before.`,
    `hooks.before_remove now starts with \`${context.command} teardown\`. Symphony runs it only while the workspace directory exists: reclaim the rest with \`ravi-hooks gc\`.`,
    'Hooks run as `sh -lc` and must finish within hooks.timeout_ms (60 s by default); make sure ravi-hooks is on the PATH a login shell sees.',
  ],
});
