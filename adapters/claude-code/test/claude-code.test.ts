import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { claudeCode, openhands } from '../src/index';

const adapter = claudeCode();
const { apply, remove } = adapterOps(adapter);

/** A settings file with the user's own hooks (the hooks docs' examples). */
const settings = `{
  "permissions": {
    "allow": ["Bash(npm run test:*)"]
  },
  "hooks": {
    "SessionStart": [
      {
        "matcher": "startup",
        "hooks": [{ "type": "command", "command": "$CLAUDE_PROJECT_DIR/.claude/hooks/init-session.sh" }]
      }
    ],
    "PostToolUse": [
      { "matcher": "Write|Edit", "hooks": [{ "type": "command", "command": "npx prettier --write \\u0022$FILE\\u0022" }] }
    ]
  }
}
`;

testAdapter(adapter, [
  { name: 'absent file', text: null },
  { name: "the user's own hooks", text: settings },
  { name: 'CRLF line endings', text: settings.replace(/\n/g, '\r\n') },
  { name: 'no trailing newline, tabs', text: '{\n\t"model": "opus"\n}' },
  { name: 'empty object', text: '{}' },
  { name: 'empty hooks object, inline', text: '{"hooks": {}}\n' },
  { name: 'empty SessionEnd array', text: '{"hooks": {"SessionEnd": []}}\n' },
  { name: 'comments', invalid: true, text: '{\n  // mine\n  "hooks": {}\n}\n' },
  { name: 'hooks is an array', invalid: true, text: '{"hooks": []}\n' },
  { name: 'an event is not an array', invalid: true, text: '{"hooks": {"SessionStart": {}}}\n' },
]);

testAdapter(openhands(), [
  { name: 'absent file', text: null },
  {
    name: 'OpenHands example hooks',
    text: '{\n  "hooks": {\n    "PreToolUse": [\n      {"matcher": "terminal", "hooks": [{"type": "command", "command": ".openhands/hooks/block_dangerous.sh", "timeout": 10}]}\n    ]\n  }\n}\n',
  },
  { name: 'not JSON', invalid: true, text: '{"hooks": ' },
]);

describe('Claude Code adapter', () => {
  it("appends one group per event after the user's own", () => {
    const hooks = JSON.parse(apply(settings) ?? '').hooks;
    expect(hooks.SessionStart).toHaveLength(2);
    expect(hooks.SessionStart[0].matcher).toBe('startup');
    expect(hooks.SessionStart[1].hooks[0].command).toBe('ravi-hooks hook claude-code session-start');
    expect(hooks.WorktreeCreate[0].hooks[0].command).toBe('ravi-hooks hook claude-code worktree-create');
    expect(hooks.PostToolUse[0].hooks[0].command).toBe('npx prettier --write "$FILE"');
  });

  it('creates the file when there is none, and deletes it on remove', () => {
    expect(Object.keys(JSON.parse(apply(null) ?? '').hooks)).toEqual([
      'WorktreeCreate',
      'WorktreeRemove',
      'SessionStart',
      'SessionEnd',
    ]);
    expect(remove(apply(null))).toBeNull();
  });

  it('writes the user-level settings.local.json, never the committed settings.json', () => {
    expect(adapterOps(adapter).file.path).toMatch(/\.claude\/settings\.local\.json$/);
  });
});
