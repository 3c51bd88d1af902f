/**
 * Each orchestrator section's command block (the first ```sh block under its `###` heading
 * in "## Orchestrators"), run as written in a fresh reader's machine from `~/code/app`.
 * Blocks that show a file's content (a shebang, or diff-style indented lines) are not
 * commands and are skipped. What the reader must already have is set up first, as the
 * README says: a WORKFLOW.md for Symphony, `cs` run once for Claude Squad.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor, repoRoot } from '../support/cli';
import { section, sections, shBlocks } from './markdown';
import { type ReaderMachine, readerMachine } from './sandbox';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** A command block starts with a command, not a shebang or a file excerpt. */
const isCommands = (block: string) => /^[a-z]/.test(block);

const preconditions: Record<string, (machine: ReaderMachine) => void> = {
  'OpenAI Symphony': ({ app }) => {
    const dir = path.join(app, 'path/to/dir-with-WORKFLOW.md');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'WORKFLOW.md'), '---\ntracker:\n  kind: linear\n---\n\nWork the issue.\n');
  },
  'Claude Squad': ({ home }) => {
    // what `cs` writes on its first run
    mkdirSync(path.join(home, '.claude-squad'), { recursive: true });
    writeFileSync(
      path.join(home, '.claude-squad', 'config.json'),
      '{\n  "default_program": "claude",\n  "auto_yes": false,\n  "daemon_poll_interval": 1000,\n  "branch_prefix": "test/"\n}\n',
    );
  },
};

const examples = sections(section(readme, 'Orchestrators').body, 3)
  .map((s) => ({ heading: s.heading, block: shBlocks(s.body)[0] }))
  .filter((s): s is { heading: string; block: string } => s.block !== undefined && isCommands(s.block));

describe('README orchestrator sections', () => {
  it('are found (the extraction did not silently lose them)', () => {
    expect(examples.map((e) => e.heading)).toEqual(
      expect.arrayContaining(['amux', 'lalph', 'OpenAI Symphony', 'Claude Squad']),
    );
  });

  it.each(examples)(
    '$heading: the commands copy-paste',
    async ({ heading, block }) => {
      const machine = readerMachine();
      preconditions[heading]?.(machine);
      const r = await machine.run(block, machine.app);
      expect(r.code, `${block}\n${r.stdout}\n${r.stderr}`).toBe(0);
    },
    budgetFor(6),
  );
});
