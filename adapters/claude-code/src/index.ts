/**
 * Claude Code and OpenHands: one matcher group per lifecycle event in their hooks file, each
 * calling `ravi-hooks hook <tool> <event>`, which reads the event's JSON on stdin.
 *
 * Claude Code (`.claude/settings.local.json`): `WorktreeCreate` makes the worktree itself
 * (the hook replaces Claude's own `git worktree add`) and provisions it; `WorktreeRemove`
 * tears it down and removes it; `SessionStart` provisions a linked worktree that appeared
 * some other way and writes the identity's variables to `$CLAUDE_ENV_FILE`; `SessionEnd`
 * tears down when the session's worktree is already gone. `gc` reclaims the rest: Claude
 * removes git-backed worktrees without any hook (anthropics/claude-code#94212).
 * NOTE: settings.local.json is the user's own (Claude keeps it out of git): a teammate
 * without ravi-hooks must not find `claude --worktree` broken by a committed hook.
 *
 * OpenHands (`.openhands/hooks.json`, the same format): `SessionStart` provisions the project
 * directory (`OPENHANDS_PROJECT_DIR`), `SessionEnd` tears down when it is gone.
 *
 * Formats read from code.claude.com/docs/en/hooks (WorktreeCreate/WorktreeRemove, SessionStart
 * and CLAUDE_ENV_FILE) and OpenHands/software-agent-sdk@2839a96 (openhands-sdk/openhands/sdk/
 * hooks/config.py `HookConfig.from_dict`, executor.py: `sh` with the event JSON on stdin, cwd
 * and OPENHANDS_PROJECT_DIR = the working directory).
 */
import path from 'node:path';
import type { AdapterFactory } from '@ravi-hooks/core/adapter';
import { applyHooks, type HooksFile, hasHooks, removeHooks } from './settings';

export const CLAUDE: HooksFile = {
  tool: 'claude-code',
  file: '.claude/settings.local.json',
  events: {
    WorktreeCreate: 'worktree-create',
    WorktreeRemove: 'worktree-remove',
    SessionStart: 'session-start',
    SessionEnd: 'session-end',
  },
};

export const OPENHANDS: HooksFile = {
  tool: 'openhands',
  file: '.openhands/hooks.json',
  events: { SessionStart: 'session-start', SessionEnd: 'session-end' },
};

function hooksAdapter(spec: HooksFile, description: string, notes: string[]): ReturnType<AdapterFactory> {
  return {
    name: spec.tool,
    description,
    files: (context) => [{ path: path.join(context.root, spec.file), scope: 'root' }],
    apply: (context, _file, current) => applyHooks(context, spec, current),
    remove: (context, _file, current) => removeHooks(context, spec, current),
    isInstalled: (_context, _file, current) => hasHooks(spec, current),
    notes: () => notes,
  };
}

export const claudeCode: AdapterFactory = () =>
  hooksAdapter(
    CLAUDE,
    'Claude Code: WorktreeCreate/SessionStart provision, WorktreeRemove/SessionEnd tear down',
    [
      '`claude --worktree NAME` now runs `ravi-hooks hook claude-code worktree-create`: it makes .claude/worktrees/NAME on branch worktree-NAME (as Claude would) and gives it an identity. Claude does not copy .worktreeinclude files when a WorktreeCreate hook exists.',
      "Every session in a linked worktree gets the identity's RAVI_* variables and a scoped `ravi` on PATH (through $CLAUDE_ENV_FILE).",
      'WorktreeRemove tears the identity down and removes the worktree; Claude skips it for worktrees it made with git itself, so run `ravi-hooks gc` now and then.',
      'The hooks are in .claude/settings.local.json (yours, not committed). Check them with /hooks in Claude Code.',
    ],
  );

export const openhands: AdapterFactory = () =>
  hooksAdapter(
    OPENHANDS,
    'OpenHands: SessionStart provisions, SessionEnd tears down once the workspace is gone',
    [
      'Each OpenHands conversation started here provisions the project directory (OPENHANDS_PROJECT_DIR) once; later sessions reuse the identity.',
      'SessionEnd only tears down when the directory is gone; identities of removed workspaces are reclaimed by `ravi-hooks gc`.',
      'OpenHands reads .openhands/hooks.json from the project (or ~/.openhands/hooks.json when the project has none): commit it to share.',
    ],
  );
