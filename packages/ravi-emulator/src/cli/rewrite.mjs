/**
 * RAVI_EMU_OUTPUT: the command still succeeds (state changes, exit 0) but its stdout is
 * replaced, to test how a wrapper copes with a CLI that "succeeds" without usable JSON.
 */
import { helpText } from '../cobra/help.mjs';

/** `key: value` lines for a JSON value, like the CLI's human formatter. */
function humanize(/** @type {unknown} */ value, indent = '') {
  if (Array.isArray(value)) {
    return value.map((item, i) => `${indent}[${i + 1}]\n${humanize(item, `${indent}  `)}`).join('\n');
  }
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, v]) =>
        v && typeof v === 'object'
          ? `${indent}${key}:\n${humanize(v, `${indent}  `)}`
          : `${indent}${key}: ${v}\n`,
      )
      .join('');
  }
  return `${indent}${value}\n`;
}

/**
 * @param {import('./faults.mjs').OutputMode} mode
 * @param {string} stdout what the command printed
 * @param {import('../cobra/command.mjs').Command} cmd
 */
export function rewriteOutput(mode, stdout, cmd) {
  switch (mode) {
    case 'help':
      // What cobra prints for an unknown subcommand of the same group.
      return helpText(cmd.parent?.parent ? cmd.parent : cmd) + '\n';
    case 'nonjson': {
      try {
        return humanize(JSON.parse(stdout)) + '\n';
      } catch {
        return `${stdout.trim()}\n(non-JSON output injected by RAVI_EMU_OUTPUT)\n`;
      }
    }
    case 'truncated':
      return stdout.slice(0, Math.floor(stdout.trimEnd().length / 2));
    default:
      return '';
  }
}
