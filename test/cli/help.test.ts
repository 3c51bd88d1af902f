/**
 * Every `--help` ends with examples. Commands are discovered from the help itself, so a
 * command added without examples fails here (add them in packages/cli/src/examples.ts).
 */
import { describe, expect, it } from 'vitest';
import { budgetFor, runCli } from '../support/cli';

/** The subcommand names listed under `Commands:` in a help text. */
function subcommands(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  return section
    .split('\n')
    .map((line) => /^ {2}([a-z][\w-]*)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'help');
}

describe('--help', () => {
  it(
    'has an Examples section for every command and subcommand',
    async () => {
      const missing: string[] = [];
      const seen: string[] = [];
      let level: string[][] = [[]];
      while (level.length > 0) {
        // NOTE: `help <command>`, because `ravi-hooks ravi --help` is the real ravi's help
        const args = (path: string[]) => (path.length === 1 ? ['help', ...path] : [...path, '--help']);
        const helps = await Promise.all(level.map((path) => runCli(args(path))));
        const next: string[][] = [];
        helps.forEach((help, i) => {
          const path = level[i] ?? [];
          seen.push(path.join(' '));
          expect(help.code, help.stderr).toBe(0);
          if (!/\nExamples:\n {2}\S/.test(help.stdout)) missing.push(path.join(' ') || '(root)');
          for (const sub of subcommands(help.stdout)) next.push([...path, sub]);
        });
        level = next;
      }
      expect(seen.length).toBeGreaterThan(15);
      expect(missing).toEqual([]);
    },
    budgetFor(40),
  );
});
