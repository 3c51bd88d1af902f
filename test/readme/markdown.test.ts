import { describe, expect, it } from 'vitest';
import { section, shBlocks } from './markdown';

const doc = [
  '# Title',
  '## Quickstart',
  'Intro.',
  '```sh',
  'echo one',
  '# a comment, not a heading',
  '```',
  '````markdown',
  '```sh',
  'echo nested: never run',
  '```',
  '````',
  '```json',
  '{"not": "shell"}',
  '```',
  '### A subsection still belongs to it',
  '~~~bash',
  'echo two',
  '~~~',
  '## Next',
  '```sh',
  'echo three',
  '```',
].join('\n');

describe('README extraction', () => {
  it('takes the sh blocks of one section, subsections included, nothing after it', () => {
    expect(shBlocks(section(doc, 'Quickstart').body)).toEqual([
      'echo one\n# a comment, not a heading\n',
      'echo two\n',
    ]);
    expect(shBlocks(section(doc, 'Next').body)).toEqual(['echo three\n']);
  });

  it('finds level-3 sections and ignores headings inside code', () => {
    expect(shBlocks(section(doc, 'A subsection still belongs to it', 3).body)).toEqual(['echo two\n']);
    expect(() => section(doc, 'a comment, not a heading', 1)).toThrow(/no "# a comment/);
  });

  it('fails loudly when the heading is gone', () => {
    expect(() => section(doc, 'Quick start')).toThrow(/README has no "## Quick start" section/);
  });
});
