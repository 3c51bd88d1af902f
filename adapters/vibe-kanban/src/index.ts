/**
 * vibe-kanban keeps each repository's setup and archive scripts in its own database (set in
 * the repository settings UI, or `PUT /api/repos/{id}`), not in a file we could edit. So this
 * adapter edits nothing: `init vibe-kanban` prints the exact lines to paste and says what
 * they cannot cover. vibe-kanban runs each script as `$SHELL -c <script>` in
 * `<workspace>/<repo name>` with `VK_WORKSPACE_ID` and `VK_WORKSPACE_BRANCH`; the archive
 * script runs on archive only, and deleted or idle-cleaned workspaces (1 h / 72 h) run none.
 *
 * Behaviour read from BloopAI/vibe-kanban@4deb7eca (crates/executors/src/actions/script.rs,
 * crates/local-deployment/src/container.rs, crates/services/src/services/container.rs).
 */
import { type AdapterContext, type AdapterFactory, hookStep } from '@ravi-hooks/core/adapter';

export function setupLine(context: AdapterContext): string {
  return hookStep(
    context,
    ['provision', '--name-hint', '"vk-$VK_WORKSPACE_BRANCH"'],
    'this workspace gets no Ravi identity',
  );
}

export function archiveLine(context: AdapterContext): string {
  return hookStep(
    { ...context, strict: false },
    ['teardown'],
    'its Ravi identity stays until `ravi-hooks gc`',
  );
}

export const vibeKanban: AdapterFactory = () => ({
  name: 'vibe-kanban',
  description: 'vibe-kanban: prints the setup/archive lines to paste (its scripts live in its database)',
  files: () => [],
  apply: () => null,
  remove: () => null,
  isInstalled: () => false,
  notes: (context) => [
    'vibe-kanban stores scripts in its database, so nothing was written. In vibe-kanban, open the repository settings and add this as the LAST line of the Setup script:',
    `    ${setupLine(context)}`,
    'and this as the FIRST line of the Archive script:',
    `    ${archiveLine(context)}`,
    'vibe-kanban runs no script when it deletes a workspace or cleans up idle ones (after 1 h archived, 72 h otherwise): run `ravi-hooks gc` from cron or a systemd/launchd timer to reclaim those identities.',
  ],
});
