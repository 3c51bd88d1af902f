import type { Command } from 'commander';
import type { CliContext } from '../context';

export type ContextFor = (command: Command) => CliContext;
export type Register = (program: Command, contextFor: ContextFor) => void;

export const commands: Register[] = [];
