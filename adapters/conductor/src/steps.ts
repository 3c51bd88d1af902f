/**
 * The two steps Conductor runs for us: provisioning at the end of `setup` (named after the
 * workspace), teardown at the start of `archive`. Both files (settings.toml and the legacy
 * conductor.json) carry the same lines.
 */
import { type AdapterContext, hookStep } from '@ravi-hooks/core/adapter';

export interface Step {
  key: 'setup' | 'archive';
  at: 'start' | 'end';
  body: string[];
}

export function steps(context: AdapterContext): Step[] {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
  const workspace = '"${CONDUCTOR_WORKSPACE_PATH:-$PWD}"';
  return [
    {
      key: 'setup',
      at: 'end',
      body: [
        '# Gives this Conductor workspace its own Ravi identity, named after the workspace.',
        hookStep(
          context,
          ['provision', workspace, '--name-hint', '"$CONDUCTOR_WORKSPACE_NAME"'],
          'this workspace gets no Ravi identity',
        ),
      ],
    },
    {
      key: 'archive',
      at: 'start',
      body: [
        "# Takes this workspace's Ravi identity away before Conductor deletes the directory.",
        hookStep(
          { ...context, strict: false },
          ['teardown', workspace],
          'its Ravi identity stays until `ravi-hooks gc`',
        ),
      ],
    },
  ];
}
