/**
 * The emulated Ravi API: one synchronous function from a request to a response, shared by
 * the `ravi` emulator (in-process, no sockets) and the loopback HTTP server.
 */
import { identifyCaller, NO_PERMISSION, requireManagement, requireScope } from './auth.mjs';
import {
  createIdentityRoute,
  deleteIdentityRoute,
  domainsRoute,
  identityDetailRoute,
  listIdentitiesRoute,
  mintIdentityKeyRoute,
} from './identities.mjs';
import { messagesRoute } from './messages.mjs';
import {
  createPasswordRoute,
  generatePasswordRoute,
  listPasswordsRoute,
  passwordDetailRoute,
} from './passwords.mjs';
import { emailRoute, emptyCollectionRoute, ownerRoute, phoneRoute, ssoTokenRoute } from './resources.mjs';
import { ApiError, detailError, htmlNotFound, json } from './respond.mjs';
import { createSecretRoute, listSecretsRoute, secretDetailRoute } from './secrets.mjs';

/**
 * @typedef {object} ApiRequest
 * @property {string} stateDir
 * @property {string} method
 * @property {string} url path plus optional query, e.g. `/api/secrets/?key=FOO`
 * @property {string} [authorization] the Authorization header, if any
 * @property {string} [body] raw JSON body
 * @property {'reject' | 'account'} [managementScope] see auth.mjs
 * @property {'ok' | 'refuse' | 'missing' | 'not-allowed'} [deleteMode] see settings.mjs
 * @property {boolean} [apiKeyOnCreate] answer `POST /api/identities/` with the one-time `api_key` (newer servers)
 */

/**
 * @typedef {object} RouteContext
 * @property {ApiRequest} req
 * @property {string} stateDir
 * @property {string} method
 * @property {URLSearchParams} query
 * @property {any} body
 * @property {import('./auth.mjs').Caller} caller
 * @property {() => import('./auth.mjs').Scope} scope
 */

/** @typedef {(ctx: RouteContext, id: string | undefined) => import('./respond.mjs').ApiResponse} Handler */

const ID = '([^/]+)';
const COLLECTIONS = 'email-inbox|sms-inbox|contacts';

/** @type {Array<[RegExp, Record<string, Handler>]>} */
const ROUTES = [
  [
    /^\/api\/identities\/$/,
    {
      GET: (c) => listIdentitiesRoute(c.stateDir, requireManagement(c.caller)),
      POST: (c) =>
        createIdentityRoute(c.stateDir, requireManagement(c.caller), c.body, c.req.apiKeyOnCreate === true),
    },
  ],
  [
    new RegExp(`^/api/identities/${ID}/$`),
    {
      GET: (c, id) =>
        identityDetailRoute(c.stateDir, requireManagement(c.caller), /** @type {string} */ (id)),
      DELETE: deleteIdentity,
    },
  ],
  [
    /^\/api\/auth\/keys\/identity\/$/,
    { POST: (c) => mintIdentityKeyRoute(c.stateDir, requireManagement(c.caller), c.body) },
  ],
  [/^\/api\/domains\/$/, { GET: (c) => domainsRoute(requireManagement(c.caller)) }],
  [/^\/api\/email\/$/, { GET: (c) => emailRoute(c.stateDir, c.scope()) }],
  [/^\/api\/phone\/$/, { GET: (c) => phoneRoute(c.stateDir, c.scope()) }],
  [/^\/api\/master\/$/, { GET: (c) => ownerRoute(c.scope()) }],
  [
    new RegExp(`^/api/(?:${COLLECTIONS})/(?:${ID}/)?$`),
    { GET: scoped((_c, id) => emptyCollectionRoute(id)) },
  ],
  [
    new RegExp(`^/api/email-messages/(?:${ID}/)?$`),
    { GET: (c, id) => messagesRoute(c.stateDir, c.scope(), 'email', c.query, id) },
  ],
  [
    new RegExp(`^/api/messages/(?:${ID}/)?$`),
    { GET: (c, id) => messagesRoute(c.stateDir, c.scope(), 'sms', c.query, id) },
  ],
  [
    /^\/api\/secrets\/$/,
    {
      GET: (c) => listSecretsRoute(c.stateDir, c.scope(), c.query),
      POST: (c) => createSecretRoute(c.stateDir, c.scope(), c.body),
    },
  ],
  [new RegExp(`^/api/secrets/${ID}/$`), detailMethods(secretDetailRoute)],
  [
    /^\/api\/passwords\/$/,
    {
      GET: (c) => listPasswordsRoute(c.stateDir, c.scope()),
      POST: (c) => createPasswordRoute(c.stateDir, c.scope(), c.body),
    },
  ],
  [/^\/api\/passwords\/generate-password\/$/, { GET: scoped((c) => generatePasswordRoute(c.query)) }],
  [new RegExp(`^/api/passwords/${ID}/$`), detailMethods(passwordDetailRoute)],
  [/^\/api\/sso\/token\/$/, { POST: (c) => ssoTokenRoute(c.scope()) }],
];

/** A handler that needs an authenticated, identity-scoped caller but not the scope itself. */
function scoped(/** @type {Handler} */ handler) {
  /** @type {Handler} */
  return (c, id) => {
    c.scope();
    return handler(c, id);
  };
}

/** GET/PATCH/DELETE on one entry. @returns {Record<string, Handler>} */
function detailMethods(/** @type {Function} */ route) {
  /** @type {Handler} */
  const handler = (c, id) => route(c.stateDir, c.scope(), c.method, id, c.body);
  return { GET: handler, PATCH: handler, DELETE: handler };
}

/** @type {Handler} */
function deleteIdentity(c, id) {
  const account = requireManagement(c.caller);
  if (c.req.deleteMode === 'refuse') throw detailError(403, NO_PERMISSION);
  if (c.req.deleteMode === 'not-allowed') throw detailError(405, 'Method "DELETE" not allowed.');
  return deleteIdentityRoute(c.stateDir, account, /** @type {string} */ (id));
}

/** Endpoints the CLI calls but the emulator does not implement (sending email, contacts writes). */
const NOT_EMULATED = /^\/api\/(email-messages|email-attachments|contacts|messages)\//;

/** @returns {import('./respond.mjs').ApiResponse} */
export function handleRequest(/** @type {ApiRequest} */ req) {
  const url = new URL(req.url, 'http://ravi.invalid');
  const path = url.pathname;
  if (req.deleteMode === 'missing' && req.method === 'DELETE' && /^\/api\/identities\/[^/]+\/$/.test(path)) {
    return htmlNotFound();
  }
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  const handler = route?.[1][req.method];
  if (!handler && !NOT_EMULATED.test(path)) {
    return route ? json(405, { detail: `Method "${req.method}" not allowed.` }) : htmlNotFound();
  }
  const caller = identifyCaller(req.stateDir, req.authorization);
  try {
    let body = null;
    if (req.body) {
      try {
        body = JSON.parse(req.body);
      } catch (error) {
        throw detailError(400, `JSON parse error - ${/** @type {Error} */ (error).message}`);
      }
    }
    /** @type {RouteContext} */
    const ctx = {
      req,
      stateDir: req.stateDir,
      method: req.method,
      query: url.searchParams,
      body,
      caller,
      scope: () => requireScope(caller, req.managementScope ?? 'reject'),
    };
    if (!route || !handler) {
      ctx.scope();
      return json(501, { detail: `ravi-emulator: ${req.method} ${path} is not emulated` });
    }
    const id = route[0].exec(path)?.[1];
    return handler(ctx, id === undefined ? undefined : safeDecode(id));
  } catch (error) {
    if (error instanceof ApiError) return json(error.status, error.body);
    throw error;
  }
}

function safeDecode(/** @type {string} */ text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The caller kind for logs: `none`, `invalid`, `management` or `identity` (never the key). */
export const callerKind = (/** @type {string} */ stateDir, /** @type {string | undefined} */ authorization) =>
  identifyCaller(stateDir, authorization).kind;
