/**
 * The `ravi` entry point: cobra's ExecuteC order, then `cmd/ravi/main.go`:
 *
 *   Find → parse flags → help? → not runnable? (help) → validate args → PersistentPreRun
 *   (switch to JSON) → required flags → RunE; on error PrintError + exit 1, else Println().
 *
 * This is the only module that touches process.stdout, process.stderr and the exit code.
 */
import path from 'node:path';
import { find, isRunnable, parseableFlags } from '../cobra/command.mjs';
import { FlagError, parseFlags } from '../cobra/flags.mjs';
import { helpText } from '../cobra/help.mjs';
import { goMarshalIndent, goQuote } from '../go/json.mjs';
import { appendLog } from '../logs.mjs';
import { seedRandom } from '../state/random.mjs';
import { ConfigLocations } from './config.mjs';
import { Context } from './context.mjs';
import { CliError } from './errors.mjs';
import { readFaults } from './faults.mjs';
import { HumanFormatter, JSONFormatter, Streams } from './output.mjs';
import { rewriteOutput } from './rewrite.mjs';
import { buildTree } from './tree.mjs';
import { resolveVersion } from './version.mjs';

/** Runs one invocation and flushes its output. */
export async function main(/** @type {string[]} */ argv, env = process.env) {
  const streams = new Streams();
  let code;
  try {
    code = await run(argv, env, streams);
  } catch (error) {
    // A Go panic exits 2; so does an emulator bug, loudly.
    streams.err(`ravi-emulator: internal error: ${/** @type {Error} */ (error)?.stack ?? error}\n`);
    code = 2;
  }
  process.stdout.write(streams.stdout);
  process.stderr.write(streams.stderr);
  process.exitCode = code;
}

/** @returns {Promise<number>} the exit code */
async function run(
  /** @type {string[]} */ argv,
  /** @type {NodeJS.ProcessEnv} */ env,
  /** @type {Streams} */ streams,
) {
  const stateDir = env.RAVI_EMU_STATE ? path.resolve(env.RAVI_EMU_STATE) : '';
  if (!stateDir) {
    const message = 'ravi-emulator: RAVI_EMU_STATE is not set; it must name the emulator state directory';
    streams.err(goMarshalIndent({ error: message }, { escapeHTML: false }) + '\n');
    return 1;
  }
  const version = resolveVersion(env.RAVI_EMU_VERSION);
  const where = new ConfigLocations(env, (text) => streams.err(text));
  appendLog(stateDir, 'argv.log', {
    argv,
    cwd: where.cwd,
    home: where.home,
    configPath: where.peek(),
    pid: process.pid,
    time: new Date().toISOString(),
    version: version.version,
  });

  /** @type {import('./output.mjs').Formatter} */
  let formatter = new HumanFormatter(streams);
  let faults;
  try {
    faults = readFaults(env);
    seedRandom({ seed: env.RAVI_EMU_SEED, stateDir });
  } catch (error) {
    new JSONFormatter(streams).printError(/** @type {Error} */ (error).message);
    return 1;
  }

  const root = buildTree({ legacy: version.legacy });
  const found = find(root, argv);
  if (found.error) {
    formatter.printError(found.error);
    return 1;
  }
  const { cmd } = found;
  let parsed;
  try {
    parsed = parseFlags(found.args, parseableFlags(cmd));
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    formatter.printError(error.message);
    return 1;
  }
  if (parsed.help || !isRunnable(cmd)) {
    streams.out(helpText(cmd) + '\n');
    return 0;
  }
  const usage = validateArgs(cmd, parsed.positionals);
  if (usage) {
    formatter.printError(usage);
    return 1;
  }

  // PersistentPreRun: from here on errors are printed by the chosen formatter.
  const human = version.legacy ? parsed.values.json !== true : parsed.values.human === true;
  formatter = human ? new HumanFormatter(streams) : new JSONFormatter(streams);
  const missing = parseableFlags(cmd)
    .filter((f) => f.required && !parsed.changed.has(f.name))
    .map((f) => f.name)
    .sort();
  if (missing.length > 0) {
    formatter.printError(`required flag(s) "${missing.join('", "')}" not set`);
    return 1;
  }

  const command = commandKey(cmd);
  const ctx = new Context({
    streams,
    formatter,
    human,
    args: parsed.positionals,
    flags: parsed.values,
    changed: parsed.changed,
    cmd,
    root,
    where,
    session: {
      stateDir,
      command,
      faults,
      managementScope: env.RAVI_EMU_MANAGEMENT_SCOPE === 'account' ? 'account' : 'reject',
    },
    version,
  });
  try {
    const [module, name] = /** @type {string} */ (cmd.run).split('#');
    const handlers = await import(`./commands/${module}.mjs`);
    await handlers[/** @type {string} */ (name)](ctx);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    formatter.printError(error.message);
    return 1;
  }
  streams.out('\n');
  const mode = faults.output.get(command);
  if (mode) streams.stdout = rewriteOutput(mode, streams.stdout, cmd);
  return 0;
}

/** `ravi identity create` → `identity create`. */
function commandKey(/** @type {import('../cobra/command.mjs').Command} */ cmd) {
  const names = [];
  for (let c = cmd; c.parent; c = c.parent) names.unshift(c.use.split(' ')[0]);
  return names.join(' ');
}

/** cobra.ExactArgs / cobra.NoArgs. @returns {string | null} the usage error */
function validateArgs(
  /** @type {import('../cobra/command.mjs').Command} */ cmd,
  /** @type {string[]} */ args,
) {
  if (cmd.exactArgs !== undefined && args.length !== cmd.exactArgs) {
    return `accepts ${cmd.exactArgs} arg(s), received ${args.length}`;
  }
  if (cmd.noArgs && args.length > 0) {
    return `unknown command ${goQuote(/** @type {string} */ (args[0]))} for ${goQuote(commandKey(cmd) ? `ravi ${commandKey(cmd)}` : 'ravi')}`;
  }
  return null;
}
