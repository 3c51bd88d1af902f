/**
 * `ravi-hooks init <adapter>`: install (or `--remove`) an orchestrator adapter, or `--list`
 * them with whether each is installed here.
 */
import path from 'node:path';
import type { AdapterStatus, InstallResult } from '@ravi-hooks/core';
import type { Register } from './index';
import { common, table } from './shared';

interface InitOptions {
  repo: string;
  dryRun?: boolean;
  remove?: boolean;
  command?: string;
  list?: boolean;
  strict?: boolean;
}

export const registerInit: Register = (program, contextFor) => {
  common(
    program
      .command('init')
      .description("install the hooks that give an orchestrator's workspaces their own identities")
      .argument('[adapter]', 'the orchestrator to install for (see --list)')
      .option('--repo <dir>', 'the repository (for symphony: the directory holding WORKFLOW.md)', '.')
      .option('--dry-run', 'show the change as a diff and write nothing')
      .option('--remove', 'take out exactly what init added')
      .option('--command <cmd>', 'how the installed hooks call ravi-hooks (a shell command)')
      .option(
        '--strict',
        "make a failed provision fail the orchestrator's step (default: print it and go on)",
      )
      .option('--list', 'list the adapters and whether each is installed here'),
  ).action(async (name: string | undefined, opts: InitOptions, cmd) => {
    const ctx = contextFor(cmd);
    const core = await import('@ravi-hooks/core');
    const { adapters, findAdapter } = await import('../adapters');
    const dir = path.resolve(ctx.cwd, opts.repo);
    const home = core.homeDir(ctx.env);
    // NOTE: hooks land in shared, committed files: they name `ravi-hooks` and let PATH find it,
    // never this machine's node and bundle, unless the user asks for that with --command.
    const command = opts.command?.trim() ?? 'ravi-hooks';
    if (command === '' || /[\r\n]/.test(command))
      throw new core.UsageError('--command must be one non-empty line');
    if (opts.list) {
      if (name !== undefined) throw new core.UsageError('--list takes no adapter name');
      const listed = await Promise.all(adapters.map((a) => core.adapterStatus(a, { dir, home, command })));
      // NOTE: git's adapter works only when the hook git really runs calls us; a hook manager
      // may have rewritten it since (or never written it): say so, and name the manager.
      const hook = await core.postCheckoutCheck(dir);
      const statuses = listed.map((s) =>
        s.name === 'git' && hook?.configured ? { ...s, installed: s.installed && hook.runs, hook } : s,
      );
      ctx.out.result({ adapters: statuses }, () =>
        [
          table(
            ['ADAPTER', 'INSTALLED', 'WHERE', 'WHAT IT DOES'],
            statuses.map((s) => [s.name, installedCell(s), whereCell(s, dir, home), s.description]),
          ),
          ...(hook?.problem ? [`\ngit: ${hook.problem} (${hook.fix})`] : []),
        ].join('\n'),
      );
      return;
    }
    if (name === undefined) {
      throw new core.UsageError('name the adapter to install', {
        hint: `ravi-hooks init <${adapters.map((a) => a.name).join('|')}>, or ravi-hooks init --list`,
      });
    }
    const result = await core.installAdapter(findAdapter(name), {
      dir,
      home,
      command,
      remove: opts.remove ?? false,
      dryRun: opts.dryRun ?? false,
      strict: opts.strict ?? false,
      env: ctx.env,
    });
    ctx.out.result(result, () => describe(result));
  });
};

/** `yes`/`no`; `manual` for an adapter with no file (vibe-kanban's scripts live in its database). */
function installedCell(status: AdapterStatus): string {
  if (status.problem) return '-';
  if (status.files.length === 0) return 'manual';
  if (status.installed) return 'yes';
  return status.files.some((file) => file.installed) ? 'partly' : 'no';
}

/** The files each adapter edits, relative to the repository (or ~ for user-level ones). */
function whereCell(status: AdapterStatus, dir: string, home: string): string {
  if (status.problem) return status.problem;
  if (status.files.length === 0) return '(its own settings: see `ravi-hooks init ' + status.name + '`)';
  return status.files
    .map((file) => {
      const relative = path.relative(dir, file.path);
      if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
      const fromHome = path.relative(home, file.path);
      return !fromHome.startsWith('..') && !path.isAbsolute(fromHome) ? `~/${fromHome}` : file.path;
    })
    .join(', ');
}

const verbs = {
  apply: { create: 'created', update: 'updated', delete: 'deleted', unchanged: 'already up to date:' },
  remove: {
    create: 'created',
    update: 'took ravi-hooks out of',
    delete: 'deleted',
    unchanged: 'nothing to remove in',
  },
} as const;

function describe(result: InstallResult): string {
  const mode = result.removed ? 'remove' : 'apply';
  const lines: string[] = [];
  if (result.dryRun) {
    lines.push(`${result.adapter}: dry run, nothing written`);
    for (const file of result.files) lines.push(file.diff || `${file.display}: no change`);
    return lines.join('\n');
  }
  for (const file of result.files)
    lines.push(`${result.adapter}: ${verbs[mode][file.action]} ${file.display}`);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  if (result.notes.length > 0) lines.push('', 'Next:', ...result.notes.map((note) => `  - ${note}`));
  return lines.join('\n');
}
