/**
 * One error type for the whole project. Every error carries a stable `code`, an `exitCode`
 * the CLI maps to the process status, an optional `hint` telling the user what to do next,
 * and the original `cause`. Messages are one line and never contain subprocess output or keys.
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_INPUT'
  | 'E_CONFIG'
  | 'E_WORKSPACE'
  | 'E_PROVIDER'
  | 'E_PROVIDER_UNAVAILABLE'
  | 'E_PROVIDER_OUTPUT'
  | 'E_RATE_LIMITED'
  | 'E_ADAPTER'
  | 'E_CONFLICT'
  | 'E_LOCKED'
  | 'E_STATE'
  | 'E_STATE_DIR'
  | 'E_INTERNAL';

/** Exit codes: 0 ok, 1 the operation failed, 2 bad usage or bad input, 3 provider unavailable. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

const exitByCode: Record<ErrorCode, number> = {
  E_USAGE: EXIT.usage,
  E_INPUT: EXIT.usage,
  E_CONFIG: EXIT.usage,
  E_WORKSPACE: EXIT.usage,
  E_ADAPTER: EXIT.usage,
  E_PROVIDER: EXIT.failed,
  E_PROVIDER_OUTPUT: EXIT.failed,
  E_RATE_LIMITED: EXIT.failed,
  E_CONFLICT: EXIT.failed,
  E_LOCKED: EXIT.failed,
  E_STATE: EXIT.failed,
  E_STATE_DIR: EXIT.usage,
  E_INTERNAL: EXIT.failed,
  E_PROVIDER_UNAVAILABLE: EXIT.unavailable,
};

export interface RaviHooksErrorOptions {
  cause?: unknown;
  /** What the user should do about it, one short sentence. */
  hint?: string;
  /** Extra machine-readable facts (never secrets). */
  details?: Record<string, unknown>;
}

export class RaviHooksError extends Error {
  override readonly name: string = 'RaviHooksError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: RaviHooksErrorOptions = {}) {
    super(oneLine(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint === undefined ? undefined : oneLine(options.hint);
    this.details = options.details;
  }

  get exitCode(): number {
    return exitByCode[this.code];
  }
}

export class UsageError extends RaviHooksError {
  override readonly name = 'UsageError';
  constructor(message: string, options?: RaviHooksErrorOptions) {
    super('E_USAGE', message, options);
  }
}

export class InputError extends RaviHooksError {
  override readonly name = 'InputError';
  constructor(message: string, options?: RaviHooksErrorOptions) {
    super('E_INPUT', message, options);
  }
}

export class ConfigError extends RaviHooksError {
  override readonly name = 'ConfigError';
  constructor(message: string, options?: RaviHooksErrorOptions) {
    super('E_CONFIG', message, options);
  }
}

export class WorkspaceError extends RaviHooksError {
  override readonly name = 'WorkspaceError';
  constructor(message: string, options?: RaviHooksErrorOptions) {
    super('E_WORKSPACE', message, options);
  }
}

export class ProviderError extends RaviHooksError {
  override readonly name = 'ProviderError';
  /** True when retrying the same call may succeed (network, 5xx, 429). */
  readonly transient: boolean;
  /** Seconds the server asked us to wait, from a `Rate limited: … (retry in Ns)` message. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    code: Extract<
      ErrorCode,
      'E_PROVIDER' | 'E_PROVIDER_UNAVAILABLE' | 'E_PROVIDER_OUTPUT' | 'E_RATE_LIMITED'
    >,
    message: string,
    options: RaviHooksErrorOptions & { transient?: boolean; retryAfterSeconds?: number } = {},
  ) {
    super(code, message, options);
    this.transient = options.transient ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export class AdapterError extends RaviHooksError {
  override readonly name = 'AdapterError';
  constructor(message: string, options?: RaviHooksErrorOptions) {
    super('E_ADAPTER', message, options);
  }
}

/** The state directory cannot be used (read-only, full, or writable by others): exit 2. */
export class StateError extends RaviHooksError {
  override readonly name = 'StateError';
  constructor(message: string, options?: RaviHooksErrorOptions) {
    super('E_STATE_DIR', message, options);
  }
}

export class ConflictError extends RaviHooksError {
  override readonly name = 'ConflictError';
  constructor(message: string, options?: RaviHooksErrorOptions) {
    super('E_CONFLICT', message, options);
  }
}

export function isRaviHooksError(error: unknown): error is RaviHooksError {
  return error instanceof RaviHooksError;
}

/** Wraps anything thrown into a RaviHooksError without losing the original as `cause`. */
export function toRaviHooksError(error: unknown, code: ErrorCode = 'E_INTERNAL'): RaviHooksError {
  if (error instanceof RaviHooksError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RaviHooksError(code, redact(message), { cause: error });
}

// NOTE: keys look like `ravi_id_…`, `ravi_mk_…`, `rvt_…` or long opaque tokens. Anything that
// could be one is masked before it reaches a message, a log line or an event.
const secretPatterns: RegExp[] = [
  /\b(ravi_[a-z]+_|rvt_|local_(?:mk|id)_)[A-Za-z0-9_-]{4,}/g,
  /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /("(?:management_key|identity_key|key|token|value|password)"\s*:\s*")[^"]*(")/g,
];

export function redact(text: string): string {
  let out = text;
  for (const pattern of secretPatterns) {
    out = out.replace(pattern, (_match, prefix: string, suffix?: string) =>
      typeof suffix === 'string' ? `${prefix}***${suffix}` : `${prefix}***`,
    );
  }
  return out;
}

/** One line, without terminal colour escapes (parsers colour their code frames when CI=true). */
export function oneLine(text: string): string {
  return text
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}
