/**
 * Commands cobra adds by itself: `help [command]` and `completion <shell>`.
 */
import { find } from '../../cobra/command.mjs';
import { helpText, usageText } from '../../cobra/help.mjs';

/** @typedef {import('../context.mjs').Context} Context */

/** Go's `%#q` of a `[]string`: [`a` `b`]. */
const backquoted = (/** @type {string[]} */ args) =>
  `[${args.map((a) => (a.includes('`') ? JSON.stringify(a) : `\`${a}\``)).join(' ')}]`;

export async function help(/** @type {Context} */ ctx) {
  const found = find(ctx.root, ctx.args);
  if (found.error) {
    // cobra's c.Printf and Usage() write to stderr; the exit code stays 0.
    ctx.streams.err(`Unknown help topic ${backquoted(ctx.args)}\n${usageText(ctx.root)}`);
    return;
  }
  ctx.printf(helpText(found.cmd));
}

export async function completion(/** @type {Context} */ ctx) {
  const shell = ctx.cmd.use;
  ctx.printf(`# ${shell} completion for ravi\n# (ravi-emulator: completion scripts are not emulated)\n`);
}
