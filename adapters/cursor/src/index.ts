/**
 * Cursor's parallel agents: `.cursor/worktrees.json`. Cursor runs the commands of
 * `setup-worktree-unix` (else `setup-worktree`) in each new worktree under
 * `~/.cursor/worktrees/<repo>/<id>`; we append one that provisions it, named `cursor-<id>`.
 * Cursor has no teardown step at all: `ravi-hooks gc` reclaims identities of removed worktrees.
 *
 * NOTE: we add to whichever key Cursor runs on macOS/Linux today, and create
 * `setup-worktree-unix` only when neither exists: adding the unix key next to a generic one
 * would silently stop the user's generic commands, and our line is POSIX sh.
 *
 * Format read from cursor.com/docs/configuration/worktrees (keys `setup-worktree`,
 * `setup-worktree-unix`, `setup-worktree-windows`: an array of commands or a script path).
 */
import path from 'node:path';
import {
  type AdapterContext,
  AdapterError,
  type AdapterFactory,
  applyCommands,
  type CommandFile,
  type FileText,
  hasCommands,
  parseStrictJson,
  propertyValue,
  removeCommands,
  stepEntry,
} from '@ravi-hooks/core/adapter';

export const FILE = '.cursor/worktrees.json';
const HINT = `fix ${FILE} (Cursor reads it as JSON), then run \`ravi-hooks init cursor\` again`;
const UNIX = 'setup-worktree-unix';
const GENERIC = 'setup-worktree';

/** The key Cursor runs on macOS and Linux; refuses a script path, which we cannot append to. */
function keyOf(current: FileText): string {
  if (current === null) return UNIX;
  const root = parseStrictJson(current, FILE, HINT);
  for (const key of [UNIX, GENERIC]) {
    const value = propertyValue(root, key);
    if (value?.type === 'string') {
      throw new AdapterError(`"${key}" in ${FILE} names a script (${String(value.value)})`, {
        hint: `add \`ravi-hooks provision --name-hint "cursor-$(basename "$PWD")" || true\` to that script yourself, or make "${key}" an array of commands and run \`ravi-hooks init cursor\` again`,
      });
    }
    if (value) return key;
  }
  return UNIX;
}

function spec(current: FileText): CommandFile {
  return {
    file: FILE,
    hint: HINT,
    entries: [
      stepEntry(
        keyOf(current),
        'end',
        ['provision', '--name-hint', '"cursor-$(basename "$PWD")"'],
        'this worktree gets no Ravi identity',
      ),
    ],
  };
}

export const cursor: AdapterFactory = () => ({
  name: 'cursor',
  description: 'Cursor parallel agents: setup-worktree provisions; no teardown, gc reclaims',
  files: (context: AdapterContext) => [{ path: path.join(context.root, FILE), scope: 'root' }],
  apply: (context, _file, current) => applyCommands(spec(current), context, current),
  remove: (_context, _file, current) => removeCommands(spec(current), current),
  isInstalled: (_context, _file, current) => hasCommands(spec(current), current),
  notes: () => [
    'Each new Cursor worktree runs `ravi-hooks provision` after your own setup commands (named cursor-<worktree id>); a failure is printed and never stops the agent (install with --strict to change that).',
    'Cursor has no teardown step: it deletes old worktrees on its own. Run `ravi-hooks gc` (from cron or a launchd/systemd timer) to reclaim their identities.',
    `Cursor reads ${FILE} from the project root: commit it to share, or keep it local.`,
  ],
});
