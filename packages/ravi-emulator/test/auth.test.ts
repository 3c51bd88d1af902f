/**
 * `ravi auth login|logout|status` (contract §3 "Writes", §4 notes, §5) and the argv log a
 * test uses to assert what a wrapper ran.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulator, selectNewIdentity, stderrError, stdoutJson, workspace } from './helpers';

describe('ravi auth', () => {
  it('status reads the config only: no server call, key presence is enough', async () => {
    const emu = emulator({ failRate: 1 });
    const ws = workspace(emu);
    emu.writeConfig(ws, { identity_key: 'ravi_id_not_even_valid' });
    expect(stdoutJson(await emu.run(['auth', 'status'], { cwd: ws }))).toEqual({ authenticated: true });
  });

  it('logout removes the whole $HOME/.ravi but never a cwd .ravi', async () => {
    const emu = emulator();
    const ws = workspace(emu);
    const local = emu.writeConfig(ws, { management_key: emu.managementKey });
    fs.writeFileSync(path.join(emu.home, '.ravi', 'other-file'), 'x');
    const result = await emu.run(['auth', 'logout'], { cwd: ws });
    expect(stdoutJson(result)).toEqual({ message: 'Logged out successfully' });
    expect(fs.existsSync(path.join(emu.home, '.ravi'))).toBe(false);
    expect(fs.existsSync(local)).toBe(true);
  });

  // NOTE: no stopwatch: a login that polled for the device code (minutes, like the real one)
  // would outlive this one-process timeout and fail the test.
  it('login is interactive: prints the device-code banner as plain text and exits 1 at once', async () => {
    const emu = emulator();
    const result = await emu.run(['auth', 'login']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('To authenticate, visit:');
    expect(stderrError(result)).toMatch(/interactive/);
  }, 30_000);
});

describe('argv.log', () => {
  it('records argv, cwd, HOME and the config file used, one JSON line per run, never keys', async () => {
    const emu = emulator();
    selectNewIdentity(emu);
    const ws = workspace(emu);
    const local = emu.writeConfig(ws, { management_key: emu.managementKey });
    await emu.run(['secrets', 'set', 'K', emu.managementKey], { cwd: ws });
    await emu.run(['--version']);

    const log = emu.argv();
    expect(log.map((l) => l.argv[0])).toEqual(['secrets', '--version']);
    expect(log[0]).toMatchObject({
      cwd: ws,
      home: emu.home,
      configPath: local,
      argv: ['secrets', 'set', 'K', 'ravi_mk_***'],
    });
    expect(log[1]).toMatchObject({ configPath: path.join(emu.home, '.ravi', 'config.json') });
    const raw = fs.readFileSync(path.join(emu.stateDir, 'argv.log'), 'utf8');
    expect(raw).not.toMatch(/ravi_(mk|id)_[A-Za-z0-9]{8}/);
  });

  it('lets a test assert that a wrapper never ran `auth logout`', async () => {
    const emu = emulator();
    await emu.run(['identity', 'list']);
    expect(emu.argv().some((l) => l.argv.includes('logout'))).toBe(false);
  });
});
