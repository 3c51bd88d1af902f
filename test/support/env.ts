/**
 * An isolated environment for one test: a fake HOME holding a global ~/.ravi/config.json
 * (so tests can prove it is never touched), a private state dir, and git that ignores the
 * developer's own configuration.
 */
import { chmodSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gitEnv, testdir } from './tmp';

export const GLOBAL_RAVI_CONFIG = `${JSON.stringify(
  { management_key: 'ravi_mk_global_do_not_touch', user_email: 'owner@example.invalid' },
  null,
  2,
)}\n`;

export interface Sandbox {
  home: string;
  state: string;
  env: NodeJS.ProcessEnv;
  globalConfig: string;
  /** Throws unless ~/.ravi/config.json is byte-identical and keeps its mode. */
  assertGlobalUntouched(): void;
}

export function sandbox(extraEnv: NodeJS.ProcessEnv = {}): Sandbox {
  const root = testdir({ 'home/.ravi/config.json': GLOBAL_RAVI_CONFIG, state: null });
  const home = path.join(root, 'home');
  const state = path.join(root, 'state');
  // NOTE: a group-writable state dir is refused (state/trust.ts); under umask 002 mkdir makes one
  chmodSync(state, 0o700);
  const globalConfig = path.join(home, '.ravi', 'config.json');
  const mode = statSync(globalConfig).mode;
  return {
    home,
    state,
    globalConfig,
    env: {
      ...gitEnv(home),
      RAVI_HOOKS_STATE_DIR: state,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      RAVI_HOOKS_PROVIDER: '',
      RAVI_CONFIG_DIR: '',
      RAVI_HOOKS_FAULT: '',
      ...extraEnv,
    },
    assertGlobalUntouched() {
      if (readFileSync(globalConfig, 'utf8') !== GLOBAL_RAVI_CONFIG)
        throw new Error('~/.ravi/config.json was modified');
      if (statSync(globalConfig).mode !== mode) throw new Error('~/.ravi/config.json changed mode');
    },
  };
}
