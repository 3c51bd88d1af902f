/**
 * The plug-in point for identity backends. A provider is a plain object chosen by name in
 * config (changesets style). Capabilities are declared, so callers can report honestly
 * what a provider cannot do instead of pretending it happened.
 */

export interface Identity {
  uuid: string;
  name: string;
  email: string;
  /** E.164 number, or null when the identity has none. */
  phone: string | null;
  /** ISO-8601 creation time as the provider reports it, if it does. */
  createdAt?: string;
  /** Opaque correlation tag set at creation, when the provider can store one (local can). */
  tag?: string;
}

export interface ProviderCapabilities {
  /** The provider can delete identities. When false, teardown reports `identityDeleted: false`. */
  delete: boolean;
  /** The provider can list identities (needed to find identities created but never recorded). */
  list: boolean;
  /** The provider can return an identity's secrets. */
  secrets: boolean;
  /** `create` honours `CreateRequest.tag` and `list` returns it, so orphans match exactly. */
  tags: boolean;
  /** `messages` returns the identity's received email and SMS (`inbox`, `otp`). */
  inbox: boolean;
}

/** One received email or SMS, as `inbox --json` prints it. */
export interface InboxMessage {
  id: string;
  channel: 'email' | 'sms';
  from: string;
  to: string;
  subject: string | null;
  body: string;
  /** ISO-8601. */
  receivedAt: string;
}

export interface CreateRequest {
  name: string;
  /** Correlates the identity with our intent record (crash recovery). */
  tag: string;
  /** Ask for a phone number too. @default false */
  phone?: boolean;
}

/**
 * What goes into the workspace's `.ravi/config.json` besides `identity_uuid` and
 * `identity_name`: for the ravi provider the identity-scoped `identity_key`.
 */
export type WorkspaceCredentials = Record<string, string>;

/**
 * `retire: true`: the provider can never delete this identity (the API answers 405, or 404
 * while it still returns the identity); the lease is retired instead of owed forever.
 */
export type DeleteResult =
  | { deleted: true }
  | { deleted: false; reason: string; retryable: boolean; retire?: true };

export interface ProviderCheck {
  label: string;
  ok: boolean;
  value?: string;
  /** What to do when `ok` is false. */
  fix?: string;
}

export interface ProviderStatus {
  usable: boolean;
  checks: ProviderCheck[];
}

export interface Provider {
  readonly name: string;
  readonly capabilities: ProviderCapabilities;
  /** Health and configuration report for `doctor`; never throws. */
  status(): Promise<ProviderStatus>;
  /** Throws ProviderError E_PROVIDER_UNAVAILABLE when the provider cannot be used at all. */
  assertUsable(): Promise<void>;
  create(request: CreateRequest): Promise<Identity>;
  /** Mints what a workspace needs to act as this identity (and nothing more). */
  credentials(identity: Identity): Promise<WorkspaceCredentials>;
  delete(uuid: string): Promise<DeleteResult>;
  list(): Promise<Identity[]>;
  get(uuid: string): Promise<Identity | null>;
  /** Secrets of the identity as KEY → value, for `.env.local` export. */
  secrets(identity: Identity, credentials: WorkspaceCredentials): Promise<Record<string, string>>;
  /** Creates or updates one secret of the identity (an upsert, like `ravi secrets set`). */
  setSecret(identity: Identity, credentials: WorkspaceCredentials, key: string, value: string): Promise<void>;
  /** The identity's received messages, newest first (present when `capabilities.inbox`). */
  messages?(
    identity: Identity,
    credentials: WorkspaceCredentials,
    options?: { since?: string; limit?: number },
  ): Promise<InboxMessage[]>;
  /** Calls `onChange` when new messages may have arrived (push where possible); returns unsubscribe. */
  watchMessages?(identity: Identity, onChange: () => void): () => void;
}

export interface ProviderContext {
  /** The state directory (RAVI_HOOKS_STATE_DIR, XDG state, or ~/.local/state/ravi-hooks). */
  stateDir: string;
  /** Environment to read settings from (tests pass their own). */
  env: NodeJS.ProcessEnv;
  /** Provider-specific settings from the config file (`ravi: {...}`). */
  settings: Record<string, unknown>;
}

export type ProviderFactory = (context: ProviderContext) => Provider;
