/**
 * The CLI's two formatters (`internal/output`). The current one starts as Human and is
 * switched by the root's PersistentPreRun, which cobra runs only after flag parsing and
 * argument validation: that ordering is why usage errors are plain text and runtime errors
 * JSON.
 *
 * stdout is buffered so a fault mode (RAVI_EMU_OUTPUT) can rewrite it before it is flushed.
 */

import { humanPrint, humanTable } from '../go/human.mjs';
import { goMap, goMarshalIndent } from '../go/json.mjs';
import { encode } from '../go/types.mjs';

/** @typedef {import('../go/types.mjs').GoType | 'map'} PrintType */

export class Streams {
  stdout = '';
  stderr = '';
  out(/** @type {string} */ text) {
    this.stdout += text;
  }
  err(/** @type {string} */ text) {
    this.stderr += text;
  }
}

/**
 * fatih/color disables colour when stdout is not a terminal, when NO_COLOR is non-empty, or
 * when TERM is "dumb"; tests always see plain `Error:`.
 */
function errorLabel() {
  const noColor = !process.stdout.isTTY || Boolean(process.env.NO_COLOR) || process.env.TERM === 'dumb';
  return noColor ? 'Error:' : '\u001b[31mError:\u001b[0m';
}

export class HumanFormatter {
  constructor(/** @type {Streams} */ streams) {
    this.streams = streams;
  }
  print(/** @type {PrintType} */ type, /** @type {unknown} */ value) {
    this.streams.out(humanPrint(type, value));
  }
  printError(/** @type {string} */ message) {
    this.streams.err(`${errorLabel()} ${message}\n`);
  }
  printMessage(/** @type {string} */ message) {
    this.streams.out(message + '\n');
  }
  printTable(/** @type {string[]} */ headers, /** @type {string[][]} */ rows) {
    this.streams.out(humanTable(headers, rows));
  }
}

export class JSONFormatter {
  constructor(/** @type {Streams} */ streams) {
    this.streams = streams;
  }
  print(/** @type {PrintType} */ type, /** @type {any} */ value) {
    const data = type === 'map' ? goMap(value) : encode(type, value);
    this.streams.out(goMarshalIndent(data, { escapeHTML: false }) + '\n');
  }
  printError(/** @type {string} */ message) {
    this.streams.err(goMarshalIndent({ error: message }, { escapeHTML: false }) + '\n');
  }
  printMessage(/** @type {string} */ message) {
    this.streams.out(goMarshalIndent({ message }, { escapeHTML: false }) + '\n');
  }
  printTable(/** @type {string[]} */ headers, /** @type {string[][]} */ rows) {
    this.streams.out(goMarshalIndent({ headers, rows }, { escapeHTML: false }) + '\n');
  }
}

/** @typedef {HumanFormatter | JSONFormatter} Formatter */
