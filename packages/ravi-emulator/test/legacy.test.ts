/**
 * RAVI_EMU_VERSION=v0.5.2: the old generation, enough for version detection (contract §2
 * tip and §8 rule 6) and `identity create --json`.
 */
import { describe, expect, it } from 'vitest';
import { emulator, stdoutJson } from './helpers';

describe('v0.5.2', () => {
  it('prints `version` as plain text by default, JSON with --json', async () => {
    const emu = emulator({ version: 'v0.5.2' });
    const plain = await emu.run(['version']);
    expect(plain.stdout).toMatch(/^ravi version v0\.5\.2 \(commit: c4cf02d[0-9a-f]{33}, built: \S+\)\n\n$/);
    expect(() => JSON.parse(plain.stdout)).toThrow();
    expect(stdoutJson(await emu.run(['--json', 'version'])).message).toMatch(/^ravi version v0\.5\.2/);
  });

  it('accepts `identity create --json` and has no --human or --provision-phone', async () => {
    const emu = emulator({ version: 'v0.5.2' });
    const created = stdoutJson(await emu.run(['identity', 'create', '--json', '--name', 'Old']));
    expect(created.name).toBe('Old');
    expect((await emu.run(['identity', 'create'])).stdout).toMatch(/^uuid: /);
    expect((await emu.run(['version', '--human'])).stderr).toBe('Error: unknown flag: --human\n');
    expect((await emu.run(['identity', 'create', '--provision-phone'])).stderr).toBe(
      'Error: unknown flag: --provision-phone\n',
    );
  });

  it('defaults to v0.6.2, where `version` is JSON', async () => {
    const emu = emulator();
    expect(stdoutJson(await emu.run(['version'])).message).toMatch(/^ravi version v0\.6\.2 /);
  });
});
