import { constants as osConstants } from 'node:os';
import type { Register } from './index';
import { common } from './shared';

export const registerExec: Register = (program, contextFor) => {
  common(
    program
      .command('exec')
      .description('run CMD with the identity of DIR in its environment (and the ravi shim first on PATH)')
      .option('--dir <dir>', 'workspace directory to resolve from', '.')
      .option('--provision', 'provision the workspace first when it has no identity')
      .argument('<command...>', 'the command and its arguments (after --)')
      .passThroughOptions(),
  ).action(async (argv: string[], opts: { dir: string; provision?: boolean }, cmd) => {
    const ctx = contextFor(cmd);
    const path = await import('node:path');
    const core = await import('@ravi-hooks/core');
    const dir = path.resolve(ctx.cwd, opts.dir);
    if (
      opts.provision &&
      core.resolveIdentity(dir, { ...ctx.env, RAVI_CONFIG_DIR: '' }).source !== 'workspace'
    ) {
      await core.provision({ workspace: dir, cwd: ctx.cwd, env: ctx.env });
    }
    const { stickyEnv, stickyHint } = await import('../sticky');
    const sticky = stickyEnv(dir, ctx.env);
    if (sticky) {
      throw new core.UsageError(
        `this is the workspace ${sticky.workspace}, but RAVI_CONFIG_DIR names ${sticky.fromEnv}`,
        { hint: stickyHint },
      );
    }
    const { vars, problems, resolution } = await core.identityEnv(dir, ctx.env);
    if (problems.length > 0 && resolution.baseDir)
      process.stderr.write(`ravi-hooks: ${core.foreignConfigWarning(resolution.baseDir, problems)}\n`);
    if (!vars.RAVI_IDENTITY_UUID) {
      throw new core.InputError(`no identity applies in ${dir}`, {
        hint: 'run `ravi-hooks provision` there, or pass --provision',
      });
    }
    const { ensureShim } = await import('../shim');
    const shimDir = await ensureShim(ctx.env, ctx.self);
    const [file, ...args] = argv;
    // NOTE: the agent gets its own identity key (in .ravi), never the account's management key
    const childEnv = {
      ...core.withoutManagementKeys(ctx.env),
      ...vars,
      RAVI_HOOKS_SHIM_DIR: shimDir,
      PATH: [shimDir, ctx.env.PATH ?? ''].filter(Boolean).join(path.delimiter),
    };
    const result = await core.runInherit(file!, args, { cwd: ctx.cwd, env: childEnv });
    if (result.notFound) {
      // NOTE: a shell's statuses (126 not executable, 127 not found), so callers can tell
      // "the agent could not start" from "the agent failed"
      const what = result.exitCode === 126 ? 'command not executable' : 'command not found';
      ctx.out.error(new core.InputError(`${what}: ${file}`, { hint: 'check the command after --' }));
      process.exitCode = result.exitCode;
      return;
    }
    process.exitCode = result.signal ? 128 + signalNumber(result.signal) : result.exitCode;
  });
};

function signalNumber(signal: string): number {
  return (osConstants.signals as Record<string, number>)[signal] ?? 1;
}
