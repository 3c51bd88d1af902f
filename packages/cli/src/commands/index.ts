import type { Command } from 'commander';
import type { CliContext } from '../context';
import { registerDoctor } from './doctor';
import { registerEnv } from './env';
import { registerExec } from './exec';
import { registerFleet } from './fleet';
import { registerGc } from './gc';
import { registerHook } from './hook';
import { registerInbox } from './inbox';
import { registerInit } from './init';
import { registerList } from './list';
import { registerLocal } from './local';
import { registerLog } from './log';
import { registerOtp } from './otp';
import { registerProvision } from './provision';
import { registerRavi } from './ravi';
import { registerSecrets } from './secrets';
import { registerTeardown } from './teardown';
import { registerWhich } from './which';
import { registerWorktree } from './worktree';

export type ContextFor = (command: Command) => CliContext;
export type Register = (program: Command, contextFor: ContextFor) => void;

export const commands: Register[] = [
  registerProvision,
  registerTeardown,
  registerWhich,
  registerEnv,
  registerExec,
  registerFleet,
  registerGc,
  registerList,
  registerLog,
  registerDoctor,
  registerSecrets,
  registerInbox,
  registerOtp,
  registerLocal,
  registerRavi,
  registerInit,
  registerHook,
  registerWorktree,
];
