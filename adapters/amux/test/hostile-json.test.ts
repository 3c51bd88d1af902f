import { adapterOps } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { setupCommand } from '../src/config';
import { amux } from '../src/index';

const { apply, remove } = adapterOps(amux());

describe('amux: .amux/workspaces.json read the way amux (Go encoding/json) reads it', () => {
  it('a duplicate setup-workspace key: the last one is edited, because it is the one amux runs', () => {
    const text = '{"setup-workspace": ["echo first"], "setup-workspace": ["echo last"]}';
    const out = apply(text) as string;
    // JSON.parse, like Go, keeps the last duplicate: our entry must be in what amux sees
    expect(JSON.parse(out)['setup-workspace']).toEqual(['echo last', setupCommand('ravi-hooks')]);
    expect(out.startsWith('{"setup-workspace": ["echo first"], ')).toBe(true);
    expect(remove(out)).toBe(text);
  });

  it('a duplicate archive key: our teardown goes in front of the last one', () => {
    const out = apply('{"archive": "make a", "archive": "make b"}') as string;
    expect(JSON.parse(out).archive).toMatch(/; make b$/);
  });

  it('nesting deeper than 64 levels is refused naming the file (exit 2), not a stack overflow', () => {
    const deep = `{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(() => apply(deep)).toThrow(
      expect.objectContaining({
        code: 'E_ADAPTER',
        message: expect.stringMatching(/\.amux\/workspaces\.json is nested more than 64 levels deep/),
      }),
    );
  });

  it('brackets inside strings do not count as nesting', () => {
    const text = `{"run": "${'['.repeat(200)}"}`;
    expect(JSON.parse(apply(text) as string).run).toBe('['.repeat(200));
  });
});
