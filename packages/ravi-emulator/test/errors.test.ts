/**
 * Contract §2: two error formats. Usage errors happen before PersistentPreRun switches
 * the formatter to JSON, so they are plain `Error: …`; runtime errors are `{"error": …}`.
 * Both exit 1 and print nothing on stdout.
 */
import { describe, expect, it } from 'vitest';
import { runRavi } from '../src/index.mjs';
import { emulator, stderrError } from './helpers';

describe('usage errors: plain text on stderr, exit 1', () => {
  it.each([
    [['identity', 'create', '--json'], 'unknown flag: --json'],
    [['identity', 'delete', 'x', '--yes'], 'unknown flag: --yes'],
    [['--version'], 'unknown flag: --version'],
    [['identity', 'use'], 'accepts 1 arg(s), received 0'],
    [['secrets', 'set', 'ONLY_KEY'], 'accepts 2 arg(s), received 1'],
    [
      ['passwords', 'create', 'a.com', '--length', 'x'],
      'invalid argument "x" for "--length" flag: strconv.ParseInt: parsing "x": invalid syntax',
    ],
    [['identity', 'create', '--name'], 'flag needs an argument: --name'],
    [['identity', 'create', '-y'], "unknown shorthand flag: 'y' in -y"],
  ])('ravi %j → Error: %s', async (args, message) => {
    const emu = emulator();
    const result = await emu.run(args);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: `Error: ${message}\n` });
  });

  it('reports an unknown top-level command with cobra suggestions', async () => {
    const emu = emulator();
    expect((await emu.run(['x'])).stderr).toBe('Error: unknown command "x" for "ravi"\n');
    const typo = await emu.run(['identiy', 'list']);
    expect(typo).toMatchObject({ code: 1, stdout: '' });
    expect(typo.stderr).toBe(
      'Error: unknown command "identiy" for "ravi"\n\nDid you mean this?\n\tidentity\n\n',
    );
  });

  it('never prints the usage text (SilenceUsage) and uses no colour when not on a TTY', async () => {
    const emu = emulator();
    const result = await emu.run(['identity', 'use', 'a', 'b']);
    expect(result.stderr).toBe('Error: accepts 1 arg(s), received 2\n');
    expect(result.stderr).not.toContain('\u001b[');
  });
});

describe('runtime errors: JSON on stderr, exit 1', () => {
  it('formats API errors as {"error": "API error: <detail>"}', async () => {
    const emu = emulator();
    const result = await emu.run(['identity', 'list'], { env: { HOME: emu.dir } });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      '{\n  "error": "API error: Authentication credentials were not provided."\n}\n',
    );
  });

  it('formats field errors without "detail" as API error (status N): <raw body>', async () => {
    const emu = emulator();
    await emu.run(['identity', 'create', '--email', 'taken']);
    const again = await emu.run(['identity', 'create', '--email', 'taken']);
    expect(stderrError(again)).toBe(
      'API error (status 400): {"email":["This email address is already taken."]}',
    );
  });

  it('checks required flags after PersistentPreRun, so they are JSON runtime errors', async () => {
    const emu = emulator();
    const result = await emu.run(['email', 'compose', '--to', 'a@b.c']);
    expect(result.code).toBe(1);
    expect(stderrError(result)).toBe('required flag(s) "body", "subject" not set');
  });

  it('prints runtime errors as plain text with --human', async () => {
    const emu = emulator();
    const result = await emu.run(['identity', 'use', 'Sarah', '--human']);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: 'Error: identity "Sarah" not found\n' });
  });
});

describe('emulator guard rails', () => {
  it('refuses to run without RAVI_EMU_STATE', async () => {
    const emu = emulator();
    const result = await runRavi(emu.ravi, ['version'], { env: { PATH: process.env.PATH ?? '' } });
    expect(result.code).toBe(1);
    expect(stderrError(result)).toMatch(/RAVI_EMU_STATE is not set/);
  });
});
