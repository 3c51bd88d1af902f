import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../../../test/support/tmp';
import { linesAfter, linesBackward } from '../../src/io/lines';

async function backward(content: string | Buffer, options = { chunkSize: 4, maxLine: 64 }) {
  const file = path.join(testdir(), 'log');
  writeFileSync(file, content);
  const log = await linesBackward(file, options);
  const out: string[] = [];
  for await (const line of log?.lines ?? []) out.push(line);
  return out;
}

describe('reading lines backwards', () => {
  it('yields every line, last first, across chunk boundaries', async () => {
    expect(await backward('one\ntwo\nthree\n')).toEqual(['three', 'two', 'one']);
  });

  it('keeps a last line without a newline, and blank lines', async () => {
    expect(await backward('a\n\nb')).toEqual(['b', '', 'a']);
  });

  it('never cuts a multi-byte character split between chunks', async () => {
    expect(await backward('€uro\n🚀🚀\n', { chunkSize: 1, maxLine: 64 })).toEqual(['🚀🚀', '€uro']);
  });

  it('skips a line longer than maxLine whole, keeping its neighbours', async () => {
    expect(await backward(`a\n${'x'.repeat(200)}\nb\n`, { chunkSize: 8, maxLine: 16 })).toEqual(['b', 'a']);
  });

  it('says null for a missing file', async () => {
    expect(await linesBackward(path.join(testdir(), 'nope'))).toBeNull();
  });
});

describe('reading lines after an offset', () => {
  it('returns complete lines only and where to continue', async () => {
    const file = path.join(testdir(), 'log');
    writeFileSync(file, 'one\ntwo\nthr');
    expect(await linesAfter(file, 0)).toEqual({ lines: ['one', 'two'], next: 8 });
    writeFileSync(file, 'one\ntwo\nthree\n');
    expect(await linesAfter(file, 8)).toEqual({ lines: ['three'], next: 14 });
  });

  it('starts over when the file was truncated', async () => {
    const file = path.join(testdir(), 'log');
    writeFileSync(file, 'new\n');
    expect(await linesAfter(file, 100)).toEqual({ lines: ['new'], next: 4 });
  });
});
