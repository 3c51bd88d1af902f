/**
 * `ravi get email|phone|owner` (`pkg/cli/get.go`): the first element of a list, or an error
 * when the list is empty.
 */
import { decode, Email, Owner, Phone, sliceOf } from '../../go/types.mjs';
import { CliError } from '../errors.mjs';

/** @typedef {import('../context.mjs').Context} Context */

/** @param {Context} ctx @param {string} path @param {import('../../go/types.mjs').Shape} shape @param {string} empty */
async function first(ctx, path, shape, empty) {
  const items = decode(sliceOf(shape), await ctx.client().request('GET', path));
  if (!items || items.length === 0) throw new CliError(empty);
  ctx.formatter.print(shape, items[0]);
}

export const email = (/** @type {Context} */ ctx) =>
  first(ctx, '/api/email/', Email, 'no email address assigned');
export const phone = (/** @type {Context} */ ctx) =>
  first(ctx, '/api/phone/', Phone, 'no phone number assigned');

export async function owner(/** @type {Context} */ ctx) {
  ctx.formatter.print(Owner, decode(Owner, await ctx.client().request('GET', '/api/master/')));
}
