/**
 * lalph: a marked block in `scripts/worktree-setup.sh`, which lalph runs (as `$SHELL -c
 * <path>`, cwd = the new worktree) after creating each worktree, plus `.lalph/ravi.json`
 * written into the workspace at provision time. lalph has no teardown hook.
 *
 * NOTE: lalph's own template starts with `set -euo pipefail`. Our line is guarded with
 * `||` so a provisioning failure warns on stderr instead of aborting the user's setup, and
 * guarded (shellInvocation) so a missing ravi-hooks is one stderr line, not exit 127.
 *
 * Format read from tim-smart/lalph@ea5f0044 (src/Worktree.ts, src/shared/lalphDirectory.ts).
 */
import path from 'node:path';
import {
  type AdapterFactory,
  applyScriptBlock,
  hasScriptBlock,
  removeScriptBlock,
  type ScriptBlock,
  shellInvocation,
  type WorkspaceFile,
  type WorkspaceIdentity,
} from '@ravi-hooks/core/adapter';

export const SCRIPT = 'scripts/worktree-setup.sh';

/** lalph's own seeded template (src/Worktree.ts), with our block below its `set` line. */
const TEMPLATE = {
  head: '#!/usr/bin/env bash\nset -euo pipefail\n',
  tail: "\npnpm install\n\n# Seeded by ravi-hooks from lalph's template. Customize this to prepare new worktrees.\n",
};

function block(command: string): ScriptBlock {
  return {
    adapter: 'lalph',
    body: [
      '# Gives this worktree its own Ravi identity and writes .lalph/ravi.json.',
      `${shellInvocation(command, ['provision', '--with', 'lalph'], 'this worktree gets no Ravi identity')} || echo 'ravi-hooks: this worktree has no Ravi identity (see the error above)' >&2`,
    ],
    template: TEMPLATE,
  };
}

/** `.lalph/ravi.json`: where lalph's agents find their identity. */
export function lalphWorkspaceFiles(identity: WorkspaceIdentity): WorkspaceFile[] {
  const content = {
    identity_uuid: identity.uuid,
    email: identity.email,
    phone: identity.phone,
    config_dir: identity.configDir,
  };
  return [
    {
      path: '.lalph/ravi.json',
      content: `${JSON.stringify(content, null, 2)}\n`,
      mode: 0o600,
      exclude: '.lalph/',
    },
  ];
}

export const lalph: AdapterFactory = () => ({
  name: 'lalph',
  description: 'scripts/worktree-setup.sh provisions each worktree and writes .lalph/ravi.json',
  shell: '$SHELL -c',
  files: (context) => [{ path: path.join(context.root, SCRIPT), scope: 'root', mode: 0o755 }],
  apply: (context, _file, current) => applyScriptBlock(current, block(context.command)),
  remove: (context, _file, current) => removeScriptBlock(current, block(context.command)),
  isInstalled: (_context, _file, current) => hasScriptBlock(current),
  notes: () => [
    `lalph runs the copy of ${SCRIPT} inside the new worktree when there is one (a committed script): commit this change, or new worktrees keep running the old script.`,
    `When ${SCRIPT} did not exist, ravi-hooks wrote it from lalph's own template (it runs \`pnpm install\`): edit it for your project.`,
    'Each worktree gets .lalph/ravi.json (identity_uuid, email, phone, config_dir; mode 0600, kept out of git) besides .ravi/config.json.',
    'lalph has no teardown hook and removes worktrees with `git worktree remove --force`: reclaim their identities with `ravi-hooks gc` (from cron, or after a lalph run).',
  ],
  workspaceFiles: lalphWorkspaceFiles,
});
