/**
 * `ravi passwords list|get|create|update|delete|generate` (`pkg/cli/passwords.go`).
 * Quirk kept: `create` without --password or --generate prints `Generated password: <pw>`
 * on stdout before the JSON, so stdout is not parseable JSON.
 */
import { decode, GeneratedPassword, PasswordEntry, sliceOf } from '../../go/types.mjs';
import { CliError } from '../errors.mjs';
import { truncate } from './table.mjs';

/** @typedef {import('../context.mjs').Context} Context */

const Entries = sliceOf(PasswordEntry);

/** `GeneratePassword`: only non-default options are sent, keys sorted like url.Values. */
async function generated(/** @type {Context} */ ctx, /** @type {import('../client.mjs').Client} */ client) {
  /** @type {Record<string, string>} */
  const params = {};
  if (ctx.flags['no-digits']) params.digits = 'false';
  if (ctx.flags['exclude-chars']) params.exclude_chars = ctx.flags['exclude-chars'];
  if (ctx.flags.length > 0) params.length = String(ctx.flags.length);
  if (ctx.flags['no-special']) params.special = 'false';
  const query = new URLSearchParams(params).toString();
  const raw = await client.request('GET', `/api/passwords/generate-password/${query ? `?${query}` : ''}`);
  return decode(GeneratedPassword, raw);
}

export async function list(/** @type {Context} */ ctx) {
  const entries = decode(Entries, await ctx.client().request('GET', '/api/passwords/'));
  if (!ctx.human) return ctx.formatter.print(Entries, entries);
  if (!entries || entries.length === 0) return ctx.formatter.printMessage('No passwords found');
  ctx.formatter.printTable(
    ['UUID', 'DOMAIN', 'USERNAME', 'CREATED'],
    entries.map((/** @type {any} */ e) => [
      truncate(e.uuid, 12),
      truncate(e.domain, 25),
      truncate(e.username, 30),
      e.created_dt,
    ]),
  );
}

export async function get(/** @type {Context} */ ctx) {
  const entry = decode(PasswordEntry, await ctx.client().request('GET', `/api/passwords/${ctx.args[0]}/`));
  if (!ctx.human) return ctx.formatter.print(PasswordEntry, entry);
  ctx.printf(`Domain:   ${entry.domain}\nUsername: ${entry.username}\nPassword: ${entry.password}\n`);
  if (entry.notes) ctx.printf(`Notes:    ${entry.notes}\n`);
  ctx.printf(`UUID:     ${entry.uuid}\nCreated:  ${entry.created_dt}\n`);
}

export async function create(/** @type {Context} */ ctx) {
  const client = ctx.client();
  let password = ctx.flags.password;
  if (ctx.flags.generate || password === '') {
    try {
      password = (await generated(ctx, client)).password;
    } catch (error) {
      if (error instanceof CliError) throw new CliError(`generating password: ${error.message}`);
      throw error;
    }
    if (!ctx.flags.generate) ctx.printf(`Generated password: ${password}\n`);
  }
  const body = {
    uuid: '',
    domain: ctx.args[0],
    username: ctx.flags.username,
    password,
    notes: ctx.flags.notes,
    created_dt: '',
    updated_dt: '',
  };
  const result = decode(PasswordEntry, await client.request('POST', '/api/passwords/', body));
  if (!ctx.human) return ctx.formatter.print(PasswordEntry, result);
  ctx.printf(`Password entry created for ${result.domain} (UUID: ${result.uuid})\n`);
}

export async function update(/** @type {Context} */ ctx) {
  const client = ctx.client();
  /** @type {Record<string, string>} */
  const fields = {};
  for (const name of ['domain', 'username', 'password', 'notes']) {
    if (ctx.changed.has(name)) fields[name] = ctx.flags[name];
  }
  if (Object.keys(fields).length === 0) throw new CliError('no fields specified to update');
  const result = decode(
    PasswordEntry,
    await client.request('PATCH', `/api/passwords/${ctx.args[0]}/`, fields),
  );
  if (!ctx.human) return ctx.formatter.print(PasswordEntry, result);
  ctx.printf(`Password entry updated for ${result.domain}\n`);
}

export async function remove(/** @type {Context} */ ctx) {
  await ctx.client().request('DELETE', `/api/passwords/${ctx.args[0]}/`);
  if (!ctx.human) return ctx.formatter.print('map', { status: 'deleted' });
  ctx.printf('Password entry deleted.\n');
}

export async function generate(/** @type {Context} */ ctx) {
  const result = await generated(ctx, ctx.client());
  if (!ctx.human) return ctx.formatter.print(GeneratedPassword, result);
  ctx.printf(`${result.password}\n`);
}
