/**
 * Entry point of `ravi-hooks`. The only place that calls process.exit. Commands are
 * registered from small modules whose actions import the core lazily, so a command that
 * runs inside a git hook loads only what it needs.
 */
import { fileURLToPath } from 'node:url';
import { UsageError } from '@ravi-hooks/core/errors';
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';
import type { CliContext } from './context';
import { addExamples } from './examples';
import { createOutput, errorJson } from './output';

/** package.json's version, put in by the bundler (tsdown `define`). */
declare const RAVI_HOOKS_VERSION: string;

const program = new Command('ravi-hooks')
  .description('Give every agent workspace its own Ravi identity, and take it away again.')
  .version(RAVI_HOOKS_VERSION, '-V, --version')
  .option(
    '--api-url <url>',
    'base URL of the Ravi API for this run (default: RAVI_HOOKS_API_URL, user config, https://ravi.id)',
  )
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
  const opts = command.optsWithGlobals() as { json?: boolean; debug?: boolean; apiUrl?: string };
  if (opts.apiUrl !== undefined && !URL.canParse(opts.apiUrl)) {
    throw new UsageError(`--api-url ${opts.apiUrl} is not a URL`, { hint: 'e.g. --api-url https://ravi.id' });
  }
  return {
    cwd: process.cwd(),
    // NOTE: the flag beats the environment and the user config, as flags do everywhere here
    env: opts.apiUrl === undefined ? process.env : { ...process.env, RAVI_HOOKS_API_URL: opts.apiUrl },
    self,
    out: createOutput({
      json: Boolean(opts.json),
      debug: Boolean(opts.debug || process.env.RAVI_HOOKS_DEBUG === '1'),
    }),
  };
}

for (const register of commands) register(program, contextFor);
addExamples(program);

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
      // help and version exit 0; any parse error is bad usage (2), already said on stderr
      if (error.exitCode !== 0 && wantsJson(process.argv)) {
        const usage = new UsageError(error.message.replace(/^error: /, ''), {
          hint: 'see ravi-hooks --help',
        });
        process.stdout.write(`${JSON.stringify(errorJson(usage))}\n`);
      }
      return error.exitCode === 0 ? 0 : 2;
    }
    const json = wantsJson(process.argv);
    const debug = process.argv.includes('--debug') || process.env.RAVI_HOOKS_DEBUG === '1';
    return createOutput({ json, debug }).error(error);
  }
}

/** --json among our own options, not in the command line `exec -- …` passes on. */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

process.exitCode = await main();
