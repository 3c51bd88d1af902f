/**
 * Entry point of `ravi-hooks`. The only place that calls process.exit. Commands are
 * registered from small modules whose actions import the core lazily, so a command that
 * runs inside a git hook loads only what it needs.
 */
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';
import type { CliContext } from './context';
import { createOutput } from './output';

/** package.json's version, put in by the bundler (tsdown `define`). */
declare const RAVI_HOOKS_VERSION: string;

const program = new Command('ravi-hooks')
  .description('Give every agent workspace its own Ravi identity, and take it away again.')
  .version(RAVI_HOOKS_VERSION, '-V, --version')
  .enablePositionalOptions()
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({
    writeErr: (text) => process.stderr.write(text),
    outputError: (text, write) =>
      write(`ravi-hooks: ${text.replace(/^error: /, '').trim()} (see ravi-hooks --help)\n`),
  });

const self = fileURLToPath(import.meta.url);

function contextFor(command: Command): CliContext {
  const opts = command.optsWithGlobals() as { json?: boolean; debug?: boolean };
  return {
    cwd: process.cwd(),
    env: process.env,
    self,
    out: createOutput({
      json: Boolean(opts.json),
      debug: Boolean(opts.debug || process.env.RAVI_HOOKS_DEBUG === '1'),
    }),
  };
}

for (const register of commands) register(program, contextFor);

async function main(): Promise<number> {
  // NOTE: the core never prints; config warnings (a repository setting a key it may not)
  // come here, once each, on stderr so stdout stays machine-readable
  const { onConfigWarning } = await import('@ravi-hooks/core/resolve');
  onConfigWarning((line) => process.stderr.write(`ravi-hooks: warning: ${line}\n`));
  try {
    await program.parseAsync(process.argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; any parse error is bad usage (2)
      return error.exitCode === 0 ? 0 : 2;
    }
    const json = process.argv.includes('--json');
    const debug = process.argv.includes('--debug') || process.env.RAVI_HOOKS_DEBUG === '1';
    return createOutput({ json, debug }).error(error);
  }
}

process.exitCode = await main();
