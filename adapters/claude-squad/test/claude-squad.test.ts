import { adapterOps, testAdapter } from '@ravi-hooks/adapter-contract';
import { AdapterError } from '@ravi-hooks/core';
import { describe, expect, it } from 'vitest';
import { claudeSquad } from '../src/index';

const adapter = claudeSquad();
const { apply, remove } = adapterOps(adapter);

/** What Claude Squad writes on first start (json.MarshalIndent, no trailing newline). */
const generated = `{
  "default_program": "/home/dev/.claude/local/claude",
  "auto_yes": false,
  "daemon_poll_interval": 1000,
  "branch_prefix": "dev/"
}`;
/** The README's profiles example. */
const profiles = `{ "default_program": "claude",
  "profiles": [ {"name":"claude","program":"claude"}, {"name":"codex","program":"codex"},
                {"name":"aider","program":"aider --model ollama_chat/gemma3:1b"} ] }
`;

testAdapter(adapter, [
  { name: 'config Claude Squad generated', text: generated },
  { name: "README's profiles example", text: profiles },
  {
    name: 'default_program not naming a profile',
    text: '{"default_program": "codex --full-auto", "profiles": [{"name": "aider", "program": "aider"}]}\n',
  },
  {
    name: 'leading env assignments',
    text: '{"default_program": "ANTHROPIC_MODEL=\'claude x\' DEBUG=1 claude --verbose"}\n',
  },
  {
    name: 'Go-escaped program (&& written as \\u0026)',
    text: '{"default_program": "cd app \\u0026\\u0026 claude"}\n',
  },
  { name: 'CRLF line endings', text: generated.replace(/\n/g, '\r\n') },
  { name: 'tab indentation', text: '{\n\t"default_program": "claude",\n\t"auto_yes": true\n}\n' },
  {
    name: 'already installed',
    installed: true,
    text: '{"default_program": "ravi-hooks exec --provision -- claude"}\n',
  },
  { name: 'absent file (Claude Squad writes it on first start)', invalid: true, text: null },
  { name: 'empty file', invalid: true, text: '' },
  { name: 'comments', invalid: true, text: '{\n  // mine\n  "default_program": "claude"\n}\n' },
  { name: 'nothing to wrap', invalid: true, text: '{"auto_yes": true}\n' },
  {
    name: 'profile without a program',
    invalid: true,
    text: '{"default_program": "a", "profiles": [{"name": "a"}]}',
  },
]);

describe('claude-squad adapter', () => {
  it('wraps every profile program, and not a default_program that names a profile', () => {
    expect(apply(profiles)).toBe(`{ "default_program": "claude",
  "profiles": [ {"name":"claude","program":"ravi-hooks exec --provision -- claude"}, {"name":"codex","program":"ravi-hooks exec --provision -- codex"},
                {"name":"aider","program":"ravi-hooks exec --provision -- aider --model ollama_chat/gemma3:1b"} ] }
`);
  });

  it('keeps leading NAME=value assignments in front, where the shell needs them', () => {
    expect(apply('{"default_program": "DEBUG=1 claude"}')).toBe(
      '{"default_program": "DEBUG=1 ravi-hooks exec --provision -- claude"}',
    );
  });

  it('prepends without re-quoting or re-escaping the original', () => {
    const text = '{"default_program": "cd app \\u0026\\u0026 claude \\"$X\\""}';
    expect(apply(text)).toBe(
      '{"default_program": "ravi-hooks exec --provision -- cd app \\u0026\\u0026 claude \\"$X\\""}',
    );
    expect(remove(apply(text))).toBe(text);
  });

  it('tells the user to run cs once when the config does not exist yet', () => {
    expect(() => apply(null)).toThrow(AdapterError);
    expect(() => apply(null)).toThrow(/does not exist/);
  });
});
