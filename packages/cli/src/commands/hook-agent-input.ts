/** What the agent hook commands share: the tools and events, the parsed input, failure reporting. */
import type { CliContext } from '../context';

export const TOOLS = {
  'claude-code': ['worktree-create', 'worktree-remove', 'session-start', 'session-end'],
  openhands: ['session-start', 'session-end'],
} as const;

export type Tool = keyof typeof TOOLS;

export interface AgentHookInput {
  tool: Tool;
  payload: Record<string, unknown>;
  strict: boolean;
}

/** A string field of the payload, or undefined. */
export function field(payload: Record<string, unknown>, key: string): string | undefined {
  const value = payload[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Prints a provisioning failure (exit code set only with --strict), never throws it. */
export async function reportFailure(ctx: CliContext, input: AgentHookInput, what: string, error: unknown) {
  const { RaviHooksError, toRaviHooksError } = await import('@ravi-hooks/core');
  const cause = toRaviHooksError(error);
  const code = ctx.out.error(
    new RaviHooksError(cause.code, `${input.tool}: ${what}: ${cause.message}`, { cause, hint: cause.hint }),
  );
  process.exitCode = input.strict ? code : 0;
}
