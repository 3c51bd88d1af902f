/**
 * A minimal spf13/cobra v1.10.2 command model: the tree, flag sets, and `Find` (how argv is
 * matched to a command before any flag is parsed).
 */
import { goQuote } from '../go/json.mjs';

/**
 * @typedef {object} Command
 * @property {string} use cobra `Use`; the first word is the name
 * @property {string} [short]
 * @property {string} [long]
 * @property {import('./flags.mjs').FlagDef[]} [flags] local flags
 * @property {import('./flags.mjs').FlagDef[]} [persistentFlags] inherited by every descendant
 * @property {number} [exactArgs] cobra.ExactArgs(n)
 * @property {boolean} [noArgs] cobra.NoArgs (only the generated `completion` command)
 * @property {string} [run] handler id `module#export`; absent means "not runnable"
 * @property {Command[]} [commands] in AddCommand order (suggestions use this order)
 * @property {Command} [parent]
 */

export const nameOf = (/** @type {Command} */ cmd) => cmd.use.split(' ')[0] ?? '';
export const isRunnable = (/** @type {Command} */ cmd) => cmd.run !== undefined;
export const hasSubCommands = (/** @type {Command} */ cmd) => (cmd.commands ?? []).length > 0;

export function commandPath(/** @type {Command} */ cmd) {
  /** @type {string} */
  let path = nameOf(cmd);
  for (let p = cmd.parent; p; p = p.parent) path = `${nameOf(p)} ${path}`;
  return path;
}

/** Children sorted by name, as `Commands()` returns them with EnableCommandSorting. */
export function sortedCommands(/** @type {Command} */ cmd) {
  return [...(cmd.commands ?? [])].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : 1));
}

/** cobra's `IsAvailableCommand`: the generated `help` command is never "available". */
export function isAvailable(/** @type {Command} */ cmd) {
  if (cmd.parent && cmd.parent.parent === undefined && nameOf(cmd) === 'help') return false;
  return isRunnable(cmd) || (cmd.commands ?? []).some(isAvailable);
}

/** Links children to parents (cobra's AddCommand). */
export function link(/** @type {Command} */ cmd) {
  for (const child of cmd.commands ?? []) {
    child.parent = cmd;
    link(child);
  }
  return cmd;
}

/** Persistent flags of every ancestor. */
export function inheritedFlags(/** @type {Command} */ cmd) {
  const out = [];
  for (let p = cmd.parent; p; p = p.parent) out.push(...(p.persistentFlags ?? []));
  return out;
}

/** The help flag cobra adds lazily, in `execute`, i.e. only after `Find`. */
export const helpFlag = (/** @type {Command} */ cmd) =>
  /** @type {import('./flags.mjs').FlagDef} */ ({
    name: 'help',
    shorthand: 'h',
    type: 'bool',
    usage: `help for ${nameOf(cmd)}`,
  });

/** Own local + own persistent flags (+ help): what help lists under "Flags:". */
export const localFlags = (/** @type {Command} */ cmd) => [
  ...(cmd.flags ?? []),
  ...(cmd.persistentFlags ?? []),
  helpFlag(cmd),
];

/** Every flag `execute` parses for `cmd`. */
export const parseableFlags = (/** @type {Command} */ cmd) => [...localFlags(cmd), ...inheritedFlags(cmd)];

/** Flags known at `Find` time: merged persistent flags, but no help flag yet. */
const findFlags = (/** @type {Command} */ cmd) => [
  ...(cmd.flags ?? []),
  ...(cmd.persistentFlags ?? []),
  ...inheritedFlags(cmd),
];

const isBoolFlag = (/** @type {Command} */ cmd, /** @type {string} */ name) =>
  findFlags(cmd).some((f) => f.name === name && f.type === 'bool');
const isBoolShort = (/** @type {Command} */ cmd, /** @type {string} */ c) =>
  findFlags(cmd).some((f) => f.shorthand === c && f.type === 'bool');

/** True when `s` is a flag that (per cobra's guess) swallows the next argument. */
function takesValue(/** @type {Command} */ cmd, /** @type {string} */ s) {
  if (s.includes('=')) return false;
  if (s.startsWith('--')) return !isBoolFlag(cmd, s.slice(2));
  return s.startsWith('-') && s.length === 2 && !isBoolShort(cmd, s.slice(1));
}

/** cobra `stripFlags`: the non-flag words, skipping what an unknown `--x` might consume. */
function stripFlags(/** @type {string[]} */ args, /** @type {Command} */ cmd) {
  const words = [];
  for (let i = 0; i < args.length; i++) {
    const s = /** @type {string} */ (args[i]);
    if (s === '--') break;
    if (takesValue(cmd, s)) {
      if (i + 1 >= args.length - 1) break;
      i++;
    } else if (s !== '' && !s.startsWith('-')) words.push(s);
  }
  return words;
}

/** cobra `argsMinusFirstX`: drop the first occurrence of the subcommand word. */
function argsMinusFirstX(/** @type {string[]} */ args, /** @type {Command} */ cmd, /** @type {string} */ x) {
  for (let pos = 0; pos < args.length; pos++) {
    const s = /** @type {string} */ (args[pos]);
    if (s === '--') break;
    if (takesValue(cmd, s)) pos++;
    else if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return args;
}

/** Go's Levenshtein distance, case-insensitive. */
function distance(/** @type {string} */ a, /** @type {string} */ b) {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min(
        /** @type {number} */ (prev[j]) + 1,
        /** @type {number} */ (row[j - 1]) + 1,
        /** @type {number} */ (prev[j - 1]) + cost,
      );
    }
    prev = row;
  }
  return /** @type {number} */ (prev[t.length]);
}

function suggestions(/** @type {Command} */ cmd, /** @type {string} */ typed) {
  const names = (cmd.commands ?? [])
    .filter(isAvailable)
    .map(nameOf)
    .filter((name) => distance(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase()));
  return names.length === 0 ? '' : `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join('')}`;
}

/**
 * cobra `Find` + `legacyArgs`.
 * @param {Command} root
 * @param {string[]} args
 * @returns {{ cmd: Command, args: string[], error?: string }}
 */
export function find(root, args) {
  let cmd = root;
  let rest = args;
  for (;;) {
    const words = stripFlags(rest, cmd);
    const next = words[0];
    const child = next === undefined ? undefined : (cmd.commands ?? []).find((c) => nameOf(c) === next);
    if (!child || next === undefined) break;
    rest = argsMinusFirstX(rest, cmd, next);
    cmd = child;
  }
  const legacy = cmd.exactArgs === undefined && !cmd.noArgs;
  const words = stripFlags(rest, cmd);
  if (legacy && hasSubCommands(cmd) && !cmd.parent && words.length > 0) {
    const typed = /** @type {string} */ (words[0]);
    return {
      cmd,
      args: rest,
      error: `unknown command ${goQuote(typed)} for ${goQuote(commandPath(cmd))}${suggestions(cmd, typed)}`,
    };
  }
  return { cmd, args: rest };
}
