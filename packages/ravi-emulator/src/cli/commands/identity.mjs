/**
 * `ravi identity list|create|use` and `ravi domains` (`pkg/cli/identity.go`, `domains.go`):
 * the management-key commands.
 */
import { goQuote } from '../../go/json.mjs';
import { decode, EmailDomain, Identity, sliceOf } from '../../go/types.mjs';
import { saveConfig } from '../config.mjs';
import { CliError } from '../errors.mjs';

/** @typedef {import('../context.mjs').Context} Context */

const Identities = sliceOf(Identity);

export async function list(/** @type {Context} */ ctx) {
  const raw = await ctx.managementClient().request('GET', '/api/identities/');
  ctx.formatter.print(Identities, decode(Identities, raw));
}

export async function create(/** @type {Context} */ ctx) {
  const client = ctx.managementClient();
  /** @type {Record<string, unknown>} */
  const body = {};
  if (ctx.flags.name) body.name = ctx.flags.name;
  if (ctx.flags.email) body.email = ctx.flags.email;
  if (ctx.flags['provision-phone'] === true) body.provision_phone = true;
  const raw = await client.request('POST', '/api/identities/', body);
  ctx.formatter.print(Identity, decode(Identity, raw));
}

/**
 * Matches by UUID only (a name gives `identity "<name>" not found`), mints a fresh identity
 * key, then rewrites the config LoadConfig would pick for writing: `<cwd>/.ravi/config.json`
 * if it exists, else `~/.ravi/config.json`, keeping only management_key and user_email.
 */
export async function use(/** @type {Context} */ ctx) {
  const target = /** @type {string} */ (ctx.args[0]);
  const client = ctx.managementClient();
  const identities = decode(Identities, await client.request('GET', '/api/identities/')) ?? [];
  const matched = identities.find((/** @type {{ uuid: string }} */ i) => i.uuid === target);
  if (!matched) throw new CliError(`identity ${goQuote(target)} not found`);

  let key;
  try {
    key = /** @type {any} */ (
      await client.request('POST', '/api/auth/keys/identity/', { identity_uuid: matched.uuid, label: 'cli' })
    );
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`creating identity key: ${error.message}`);
    throw error;
  }
  const existing = ctx.loadConfig();
  saveConfig(ctx.where, {
    management_key: existing.management_key,
    identity_key: typeof key?.key === 'string' ? key.key : '',
    identity_uuid: matched.uuid,
    identity_name: matched.name,
    user_email: existing.user_email,
  });
  ctx.formatter.print('map', { identity_name: matched.name, identity_uuid: matched.uuid, status: 'active' });
}

export async function domains(/** @type {Context} */ ctx) {
  const Domains = sliceOf(EmailDomain);
  const raw = await ctx.managementClient().request('GET', '/api/domains/');
  ctx.formatter.print(Domains, decode(Domains, raw));
}
