/**
 * What a command handler receives: its parsed arguments, the current formatter, and
 * factories for the two API clients the real CLI builds (`NewClient`, `NewManagementClient`).
 */
import { Client } from './client.mjs';
import { loadConfig } from './config.mjs';
import { CliError } from './errors.mjs';

/**
 * @typedef {object} ContextInit
 * @property {import('./output.mjs').Streams} streams
 * @property {import('./output.mjs').Formatter} formatter
 * @property {boolean} human `--human` (v0.6) or not `--json` (v0.5)
 * @property {string[]} args positional arguments
 * @property {Record<string, any>} flags
 * @property {Set<string>} changed flags set on the command line
 * @property {import('../cobra/command.mjs').Command} cmd
 * @property {import('../cobra/command.mjs').Command} root
 * @property {import('./config.mjs').ConfigLocations} where
 * @property {import('./client.mjs').Session} session
 * @property {import('./version.mjs').VersionInfo} version
 */

export class Context {
  /** @param {ContextInit} init */
  constructor(init) {
    /** @type {import('./output.mjs').Formatter} */
    this.formatter = init.formatter;
    this.streams = init.streams;
    this.human = init.human;
    this.args = init.args;
    this.flags = init.flags;
    this.changed = init.changed;
    this.cmd = init.cmd;
    this.root = init.root;
    this.where = init.where;
    this.session = init.session;
    this.version = init.version;
  }

  /** `LoadConfig()` wrapped as the API clients and `identity use` wrap it. */
  loadConfig() {
    try {
      return loadConfig(this.where).config;
    } catch (error) {
      if (error instanceof CliError) throw new CliError(`loading config: ${error.message}`);
      throw error;
    }
  }

  /** `NewClient()`: the identity key, falling back to the management key. */
  client() {
    const cfg = this.loadConfig();
    return new Client(this.session, cfg.identity_key || cfg.management_key);
  }

  /** `NewManagementClient()`: the management key only. */
  managementClient() {
    return new Client(this.session, this.loadConfig().management_key);
  }

  /** `fmt.Printf` straight to stdout, bypassing the formatter. */
  printf(/** @type {string} */ text) {
    this.streams.out(text);
  }
}
