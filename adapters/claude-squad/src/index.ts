/**
 * Claude Squad: no hooks at all, so we wrap the programs in `~/.claude-squad/config.json`.
 * tmux starts a session's program through the shell with cwd = the session's worktree, so
 * `<cmd> exec --provision -- claude` provisions that worktree (if nothing did yet) and runs
 * the agent with its identity.
 *
 * Format read from smtg-ai/claude-squad@434ca256 (config/config.go, session/tmux/tmux.go).
 */
import path from 'node:path';
import {
  type AdapterContext,
  AdapterError,
  type AdapterFactory,
  type FileText,
  type JsonNode,
  jsonEscape,
  rawOffset,
  replaceStringBody,
  stringBody,
} from '@ravi-hooks/core/adapter';
import { FILE, programNodes, programStart, wrapPrefix, wrappedBy } from './programs';

/** Rewrites one program: our prefix for `command` (or none), replacing any prefix of ours. */
function rewrap(text: string, node: JsonNode, command: string | null): string {
  const value = String(node.value);
  const current = wrappedBy(value);
  if ((current ?? null) === command) return text;
  const body = stringBody(text, node);
  const at = programStart(value);
  const start = rawOffset(body, at);
  const end = current === undefined ? start : rawOffset(body, at + wrapPrefix(current).length);
  const insert = command === null ? '' : jsonEscape(wrapPrefix(command));
  return replaceStringBody(text, node, body.slice(0, start) + insert + body.slice(end));
}

function apply(context: AdapterContext, current: FileText): string {
  if (current === null) {
    throw new AdapterError(`${FILE} does not exist yet`, {
      hint: 'start Claude Squad (`cs`) once so it writes its config, then run `ravi-hooks init claude-squad` again',
    });
  }
  const nodes = programNodes(current);
  if (nodes.length === 0) {
    throw new AdapterError(`${FILE} has no default_program or profiles[].program to wrap`, {
      hint: 'set "default_program" (e.g. "claude"), then run `ravi-hooks init claude-squad` again',
    });
  }
  return nodes.reduce((text, node) => rewrap(text, node, context.command), current);
}

function remove(current: FileText): FileText {
  if (current === null) return null;
  return programNodes(current).reduce((text, node) => rewrap(text, node, null), current);
}

export const claudeSquad: AdapterFactory = () => ({
  name: 'claude-squad',
  description: 'wraps default_program and profiles[].program (~/.claude-squad/config.json)',
  files: (context) => [{ path: path.join(context.home, '.claude-squad', 'config.json'), scope: 'home' }],
  apply: (context, _file, current) => apply(context, current),
  remove: (_context, _file, current) => remove(current),
  isInstalled(_context, _file, current) {
    if (current === null) return false;
    const nodes = programNodes(current);
    return nodes.length > 0 && nodes.every((node) => wrappedBy(String(node.value)) !== undefined);
  },
  notes: () => [
    'Restart Claude Squad (`cs`) so new sessions start through `ravi-hooks exec --provision`.',
    'Claude Squad has no hooks: pair it with `ravi-hooks init git` so a worktree has its identity as soon as it exists.',
    'Claude Squad deletes worktrees with `git worktree remove`, which runs no hook: reclaim their identities with `ravi-hooks gc`.',
    'Claude Squad spots prompts by the program text (exactly `claude`, or starting with `aider`/`gemini`): with a wrapped program, auto_yes stops answering prompts, while the folder-trust prompt is still handled.',
  ],
});
