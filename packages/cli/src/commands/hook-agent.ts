/**
 * `ravi-hooks hook claude-code|openhands <event>`: what the hooks `init claude-code` and
 * `init openhands` install call. Each reads the event's JSON from stdin (validated with zod).
 *
 *   worktree-create  (Claude) make the worktree, provision it, print ONLY its path on stdout
 *   worktree-remove  (Claude) tear down, then remove the worktree; exit 0 only when it is gone
 *   session-start    provision (a Claude linked worktree; the OpenHands project), then give
 *                    Claude's Bash commands the identity through $CLAUDE_ENV_FILE
 *   session-end      tear down when the session's workspace is already gone (best effort)
 *
 * NOTE: provisioning never fails the agent's step unless `--strict`: the error goes to stderr
 * (and the event log) and the session goes on without an identity.
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../context';
import { type AgentHookInput, field, reportFailure, TOOLS, type Tool } from './hook-agent-input';
import { createWorktree, removeWorktree } from './hook-agent-worktree';
import type { ContextFor } from './index';
import { common } from './shared';

export function registerAgentHooks(hook: Command, contextFor: ContextFor): void {
  for (const tool of Object.keys(TOOLS) as Tool[]) {
    common(
      hook
        .command(tool)
        .description(`${tool} hooks: ${TOOLS[tool].join(', ')} (reads the event JSON on stdin)`)
        .argument('<event>', TOOLS[tool].join(' | '), (value: string) => {
          if (!(TOOLS[tool] as readonly string[]).includes(value))
            throw new InvalidArgumentError(`expected one of ${TOOLS[tool].join(', ')}`);
          return value;
        })
        .option('--strict', 'fail the hook when provisioning fails'),
    ).action(async (event: string, opts: { strict?: boolean }, cmd) => {
      const ctx = contextFor(cmd);
      const payload = await readPayload(ctx);
      const input: AgentHookInput = { tool, payload, strict: opts.strict ?? false };
      if (event === 'worktree-create') await createWorktree(ctx, input);
      else if (event === 'worktree-remove') await removeWorktree(ctx, input);
      else if (event === 'session-start') await sessionStart(ctx, input);
      else await sessionEnd(ctx, input);
    });
  }
}

/** The event JSON on stdin: an object; unknown fields are kept (the agents add fields over time). */
async function readPayload(ctx: CliContext): Promise<Record<string, unknown>> {
  const { z } = await import('zod');
  const { InputError } = await import('@ravi-hooks/core');
  let text = '';
  if (!process.stdin.isTTY) {
    for await (const chunk of process.stdin) {
      text += String(chunk);
      if (text.length > 1_000_000) throw new InputError('the hook input on stdin is larger than 1 MB');
    }
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('the hook input on stdin is not JSON', {
      hint: `${ctx.env.CLAUDE_PROJECT_DIR ? 'Claude Code' : 'the agent'} passes the event as one JSON object`,
    });
  }
  const parsed = z.record(z.string(), z.unknown()).safeParse(value);
  if (!parsed.success) throw new InputError('the hook input on stdin must be a JSON object');
  return parsed.data;
}

/** The session's directory: OpenHands' project dir, Claude's session cwd, else our cwd. */
function sessionDir(ctx: CliContext, input: AgentHookInput): string {
  if (input.tool === 'openhands')
    return ctx.env.OPENHANDS_PROJECT_DIR || field(input.payload, 'working_dir') || ctx.cwd;
  return field(input.payload, 'cwd') ?? ctx.cwd;
}

async function sessionStart(ctx: CliContext, input: AgentHookInput): Promise<void> {
  const core = await import('@ravi-hooks/core');
  const path = await import('node:path');
  const dir = path.resolve(ctx.cwd, sessionDir(ctx, input));
  if (ctx.env.RAVI_HOOKS_SKIP !== '1') {
    try {
      const facts = await core.gitFacts(dir);
      // NOTE: Claude sessions in the main checkout keep the user's own identity; only a
      // linked worktree (made by Claude Desktop, another tool, or by hand) gets its own.
      const workspace = input.tool === 'openhands' ? dir : facts?.linkedWorktree ? facts.toplevel : null;
      if (workspace)
        await core.provision({ workspace, cwd: dir, env: ctx.env, nameHint: path.basename(workspace) });
    } catch (error) {
      await reportFailure(ctx, input, `${dir} got no identity`, error);
      return;
    }
  }
  const { vars, resolution } = await core.identityEnv(dir, ctx.env);
  if (resolution.source !== 'workspace' || input.tool !== 'claude-code') return;
  const envFile = ctx.env.CLAUDE_ENV_FILE;
  if (envFile) {
    const { ensureShim } = await import('../shim');
    const shim = await ensureShim(ctx.env, ctx.self);
    const text = core.formatEnv({ ...vars, RAVI_HOOKS_SHIM_DIR: shim }, 'sh');
    await core.files.appendLine(envFile, `${text}export PATH=${core.shQuote(shim)}:"$PATH"`);
  }
  // NOTE: SessionStart's stdout becomes context for the agent: tell it who it is.
  process.stdout.write(
    `This workspace has its own Ravi identity: ${resolution.name ?? resolution.uuid}${vars.RAVI_EMAIL ? ` <${vars.RAVI_EMAIL}>` : ''}. Use \`ravi\` for its inbox, phone and secrets.\n`,
  );
}

async function sessionEnd(ctx: CliContext, input: AgentHookInput): Promise<void> {
  const core = await import('@ravi-hooks/core');
  const path = await import('node:path');
  const dir = path.resolve(ctx.cwd, sessionDir(ctx, input));
  if (await core.files.exists(dir)) return;
  try {
    await core.teardown({ workspace: dir, cwd: ctx.cwd, env: ctx.env });
  } catch (error) {
    await reportFailure(ctx, { ...input, strict: false }, `could not tear down ${dir}`, error);
  }
}
