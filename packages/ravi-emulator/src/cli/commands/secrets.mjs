/**
 * `ravi secrets list|get|set|delete` (`pkg/cli/secrets.go`). `set` is a client-side upsert:
 * GET ?key=, then PATCH {value} or POST the entry.
 */
import { decode, SecretEntry, sliceOf } from '../../go/types.mjs';
import { CliError } from '../errors.mjs';
import { truncate } from './table.mjs';

/** @typedef {import('../context.mjs').Context} Context */

const Entries = sliceOf(SecretEntry);

/** `GetSecret`: the first match of `?key=`, or null. */
async function lookup(/** @type {import('../client.mjs').Client} */ client, /** @type {string} */ key) {
  const entries = decode(
    Entries,
    await client.request('GET', `/api/secrets/?${new URLSearchParams({ key })}`),
  );
  return entries?.[0] ?? null;
}

export async function list(/** @type {Context} */ ctx) {
  const entries = decode(Entries, await ctx.client().request('GET', '/api/secrets/'));
  if (!ctx.human) return ctx.formatter.print(Entries, entries);
  if (!entries || entries.length === 0) return ctx.formatter.printMessage('No secrets found');
  ctx.formatter.printTable(
    ['UUID', 'KEY', 'VALUE', 'CREATED'],
    entries.map((/** @type {any} */ e) => [
      truncate(e.uuid, 12),
      truncate(e.key, 25),
      '[hidden]',
      e.created_dt,
    ]),
  );
}

export async function get(/** @type {Context} */ ctx) {
  const key = /** @type {string} */ (ctx.args[0]);
  const entry = await lookup(ctx.client(), key);
  if (!entry) throw new CliError(`secret not found: ${key}`);
  if (!ctx.human) return ctx.formatter.print(SecretEntry, entry);
  ctx.printf(`Key:     ${entry.key}\nValue:   ${entry.value}\n`);
  if (entry.notes) ctx.printf(`Notes:   ${entry.notes}\n`);
  ctx.printf(`UUID:    ${entry.uuid}\nCreated: ${entry.created_dt}\n`);
}

export async function set(/** @type {Context} */ ctx) {
  const [key, value] = /** @type {[string, string]} */ (ctx.args);
  const client = ctx.client();
  const existing = await lookup(client, key);
  const raw = existing
    ? await client.request('PATCH', `/api/secrets/${existing.uuid}/`, { value })
    : await client.request('POST', '/api/secrets/', {
        uuid: '',
        key,
        value,
        notes: '',
        created_dt: '',
        updated_dt: '',
      });
  const result = decode(SecretEntry, raw);
  if (!ctx.human) return ctx.formatter.print(SecretEntry, result);
  ctx.printf(`Secret stored: ${result.key} (UUID: ${result.uuid})\n`);
}

export async function remove(/** @type {Context} */ ctx) {
  await ctx.client().request('DELETE', `/api/secrets/${ctx.args[0]}/`);
  if (!ctx.human) return ctx.formatter.print('map', { status: 'deleted' });
  ctx.printf('Secret deleted.\n');
}
