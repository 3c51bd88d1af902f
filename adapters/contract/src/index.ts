/**
 * The one contract every adapter runs (unstorage's `testDriver` style): each adapter's test
 * file calls `testAdapter(adapter, fixtures)` with texts that look like its users' real files.
 * On every fixture it checks the laws from `@ravi-hooks/core`'s adapter types: idempotence,
 * exact reversibility, unrelated bytes kept, paths inside their roots, `isInstalled` agreeing
 * with apply/remove, and refusal (AdapterError, no output) of files it cannot read.
 */
import path from 'node:path';
import { type Adapter, type AdapterContext, AdapterError, type FileText } from '@ravi-hooks/core/adapter';
import { describe, expect, it } from 'vitest';

export interface ContractFixture {
  /** What the text is, as the test names it ("absent file", "CRLF line endings", …). */
  name: string;
  text: FileText;
  /** The text already holds our part, installed with the default `ravi-hooks` command. */
  installed?: boolean;
  /** apply must refuse the text with an AdapterError; remove must refuse it or leave it as is. */
  invalid?: boolean;
}

export interface ContractOptions {
  /** Overrides for the context the suite passes (e.g. git facts for the git adapter). */
  context?: Partial<AdapterContext>;
  /** Which of `adapter.files(context)` the fixtures are the text of. @default 0 */
  file?: number;
}

/** The commands installs are made with: plain, and the quoted `node bundle` form with spaces. */
export const COMMANDS = ['ravi-hooks', "'/opt/node 20/bin/node' '/opt/ravi hooks/dist/cli.mjs'"] as const;

export function contractContext(overrides: Partial<AdapterContext> = {}): AdapterContext {
  return {
    root: '/work/repo',
    home: '/home/dev',
    command: COMMANDS[0],
    git: { hooksDir: '/work/repo/.git/hooks', configFile: '/work/repo/.git/config' },
    ...overrides,
  };
}

/** The suite's context and apply/remove on the adapter's first file, for an adapter's own specs. */
export function adapterOps(adapter: Adapter, overrides: Partial<AdapterContext> = {}) {
  const context = contractContext(overrides);
  const file = adapter.files(context)[0]!;
  return {
    context,
    file,
    apply: (text: FileText) => adapter.apply(context, file, text),
    remove: (text: FileText) => adapter.remove(context, file, text),
  };
}

export function testAdapter(
  adapter: Adapter,
  fixtures: ContractFixture[],
  options: ContractOptions = {},
): void {
  const base = contractContext(options.context);
  const other = { ...base, command: COMMANDS[1] };
  const file = adapter.files(base)[options.file ?? 0]!;
  const apply = (context: AdapterContext, text: FileText) => adapter.apply(context, file, text);
  const remove = (context: AdapterContext, text: FileText) => adapter.remove(context, file, text);
  const installed = (text: FileText) => adapter.isInstalled(base, file, text);

  describe(`adapter contract: ${adapter.name}`, () => {
    it('plans absolute paths inside their roots and tells the user what comes next', () => {
      expect(adapter.name).toMatch(/^[a-z][a-z-]*$/);
      for (const planned of adapter.files(base)) {
        const scope = {
          root: base.root,
          home: base.home,
          hooks: base.git?.huskyDir ?? base.git?.hooksDir ?? '',
          git: path.dirname(base.git?.configFile ?? ''),
        };
        const relative = path.relative(scope[planned.scope], planned.path);
        expect(path.isAbsolute(planned.path)).toBe(true);
        expect(relative === '' || relative.startsWith('..') || path.isAbsolute(relative)).toBe(false);
      }
      expect(adapter.notes(base).length).toBeGreaterThan(0);
    });

    for (const fixture of fixtures) {
      const x = fixture.text;
      describe(fixture.name, () => {
        if (fixture.invalid) {
          it('is refused with an AdapterError, never rewritten', () => {
            expect(() => apply(base, x)).toThrow(AdapterError);
            let removed: FileText | AdapterError;
            try {
              removed = remove(base, x);
            } catch (error) {
              removed = error as AdapterError;
            }
            if (removed instanceof Error) expect(removed).toBeInstanceOf(AdapterError);
            else expect(removed).toBe(x);
          });
        } else if (fixture.installed) {
          it('is left alone by apply and comes back after remove and apply', () => {
            expect(installed(x)).toBe(true);
            expect(apply(base, x)).toBe(x);
            const removed = remove(base, x);
            expect(installed(removed)).toBe(false);
            expect(apply(base, removed)).toBe(x);
          });
        } else {
          testCleanFixture(x, { base, other, apply, remove, installed });
        }
      });
    }
  });
}

interface Ops {
  base: AdapterContext;
  other: AdapterContext;
  apply(context: AdapterContext, text: FileText): FileText;
  remove(context: AdapterContext, text: FileText): FileText;
  installed(text: FileText): boolean;
}

function testCleanFixture(x: FileText, { base, other, apply, remove, installed }: Ops): void {
  it('apply is idempotent, byte for byte', () => {
    const once = apply(base, x);
    expect(apply(base, once)).toBe(once);
  });

  it('remove(apply(x)) gives back x exactly, whichever command installed it', () => {
    expect(remove(base, apply(base, x))).toBe(x);
    expect(remove(base, apply(other, x))).toBe(x);
    expect(remove(base, x)).toBe(x);
  });

  it('keeps every byte of the original, its line endings and its final newline', () => {
    const once = apply(base, x);
    expect(once).not.toBeNull();
    if (x === null || once === null) return;
    expect(isSubsequence(x, once)).toBe(true);
    if (x.includes('\r\n') && !/(^|[^\r])\n/.test(x)) expect(once).not.toMatch(/(^|[^\r])\n/);
    if (x.includes('\n') && !x.includes('\r')) expect(once).not.toContain('\r');
    if (x.length > 0) expect(once.endsWith('\n')).toBe(x.endsWith('\n'));
  });

  it('isInstalled agrees with apply and remove', () => {
    expect(installed(x)).toBe(false);
    expect(installed(apply(base, x))).toBe(true);
    expect(installed(remove(base, apply(base, x)))).toBe(false);
  });

  it('re-running with another command rewrites our part in place', () => {
    expect(apply(other, apply(base, x))).toBe(apply(other, x));
    expect(apply(other, x)).toContain(other.command);
    expect(apply(other, x)).not.toBe(apply(base, x));
  });
}

/** Whether every character of `small` appears in `big`, in order (apply only inserts). */
function isSubsequence(small: string, big: string): boolean {
  let at = 0;
  for (let i = 0; i < big.length && at < small.length; i += 1) if (big[i] === small[at]) at += 1;
  return at === small.length;
}
