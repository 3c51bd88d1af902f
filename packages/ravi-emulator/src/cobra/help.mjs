/**
 * cobra v1.10.2 `defaultHelpFunc` and `defaultUsageFunc`, reproduced text for text.
 */
import {
  commandPath,
  hasSubCommands,
  inheritedFlags,
  isAvailable,
  isRunnable,
  localFlags,
  nameOf,
  sortedCommands,
} from './command.mjs';
import { flagUsages } from './flags.mjs';

/** @typedef {import('./command.mjs').Command} Command */

const MIN_NAME_PADDING = 11;

function useLine(/** @type {Command} */ cmd) {
  const line = cmd.parent ? `${commandPath(cmd.parent)} ${cmd.use}` : cmd.use;
  // Every command has at least the help flag, so "[flags]" is always appended.
  return line.includes('[flags]') ? line : `${line} [flags]`;
}

/** `UsageString()`. */
export function usageText(/** @type {Command} */ cmd) {
  let out = 'Usage:';
  const children = sortedCommands(cmd);
  const hasAvailable = children.some(isAvailable);
  if (isRunnable(cmd)) out += `\n  ${useLine(cmd)}`;
  if (hasAvailable) out += `\n  ${commandPath(cmd)} [command]`;
  if (hasAvailable) {
    const pad = Math.max(MIN_NAME_PADDING, ...children.map((c) => nameOf(c).length));
    out += '\n\nAvailable Commands:';
    for (const child of children) {
      if (isAvailable(child) || nameOf(child) === 'help')
        out += `\n  ${nameOf(child).padEnd(pad)} ${child.short ?? ''}`;
    }
  }
  out += `\n\nFlags:\n${flagUsages(localFlags(cmd)).trimEnd()}`;
  const inherited = inheritedFlags(cmd);
  if (inherited.length > 0) out += `\n\nGlobal Flags:\n${flagUsages(inherited).trimEnd()}`;
  if (hasAvailable)
    out += `\n\nUse "${commandPath(cmd)} [command] --help" for more information about a command.`;
  return out + '\n';
}

/** `HelpFunc()`: Long (or Short), a blank line, then the usage. */
export function helpText(/** @type {Command} */ cmd) {
  const description = (cmd.long || cmd.short || '').trimEnd();
  let out = description ? `${description}\n\n` : '';
  if (isRunnable(cmd) || hasSubCommands(cmd)) out += usageText(cmd);
  return out;
}
