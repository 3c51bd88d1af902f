/**
 * Contract finding 4 and §2: cobra prints help and exits 0 for a bare group, an unknown
 * subcommand under a group, and --help/-h. A wrapper trusting exit codes would think
 * `ravi identity delete <uuid>` worked.
 */
import { describe, expect, it } from 'vitest';
import { emulator } from './helpers';

const IDENTITY_HELP = `List, create, and switch identities. Each identity bundles an email, phone, and credentials.

Usage:
  ravi identity [command]

Available Commands:
  create      Create a new identity
  list        List all identities
  use         Set the active identity

Flags:
  -h, --help   help for identity

Global Flags:
      --human   Output in human-readable format

Use "ravi identity [command] --help" for more information about a command.

`;

describe('help instead of an error', () => {
  it('prints the identity help and exits 0 for `ravi identity delete <uuid>`', async () => {
    const emu = emulator();
    const identity = emu.createIdentity();
    const result = await emu.run(['identity', 'delete', identity.uuid]);
    expect(result).toMatchObject({ code: 0, stdout: IDENTITY_HELP, stderr: '' });
    expect(emu.identities().map((i) => i.uuid)).toEqual([identity.uuid]);
  });

  it('prints the same help for a bare group', async () => {
    const emu = emulator();
    expect(await emu.run(['identity'])).toMatchObject({ code: 0, stdout: IDENTITY_HELP });
  });

  it('prints the inbox help for `ravi inbox list` (a README command that does not exist)', async () => {
    const emu = emulator();
    const result = await emu.run(['inbox', 'list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Access your inbox\n\nUsage:\n {2}ravi inbox \[command\]\n/);
  });

  it('still fails on an unknown flag after an unknown subcommand', async () => {
    const emu = emulator();
    expect(await emu.run(['identity', 'archive', 'x', '--yes'])).toMatchObject({
      code: 1,
      stderr: 'Error: unknown flag: --yes\n',
    });
  });

  it.each([['--help'], ['-h'], []])('prints root help for `ravi %s`, exit 0', async (...args) => {
    const emu = emulator();
    const result = await emu.run(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Ravi CLI — identity, email, phone, and credentials for AI agents\.\n/);
    expect(result.stdout).toContain('\nUsage:\n  ravi [command]\n');
    expect(result.stdout).toContain('      --human   Output in human-readable format\n');
    expect(result.stdout.endsWith('for more information about a command.\n\n')).toBe(true);
  });

  it('documents a subcommand with --help, listing flags with types and defaults', async () => {
    const emu = emulator();
    const result = await emu.run(['passwords', 'create', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:\n  ravi passwords create <domain> [flags]\n');
    expect(result.stdout).toContain(
      '      --length int             Generated password length (default 16)\n',
    );
  });

  it('supports `ravi help <command path>`', async () => {
    const emu = emulator();
    const result = await emu.run(['help', 'identity', 'use']);
    expect(result.stdout).toMatch(
      /^Set which identity is used for all ravi commands\.\nWrites to \.ravi\/config\.json in CWD/,
    );
  });
});
