import { contractContext } from '@ravi-hooks/adapter-contract';
import { describe, expect, it } from 'vitest';
import { archiveLine, setupLine, vibeKanban } from '../src/index';

describe('vibe-kanban adapter', () => {
  const adapter = vibeKanban();
  const context = contractContext();

  it('edits no file: its scripts live in its database', () => {
    expect(adapter.files(context)).toEqual([]);
  });

  it('prints the exact setup and archive lines to paste, and says only gc catches deletions', () => {
    const notes = adapter.notes(context).join('\n');
    expect(notes).toContain(setupLine(context));
    expect(notes).toContain(archiveLine(context));
    expect(setupLine(context)).toContain('ravi-hooks provision --name-hint "vk-$VK_WORKSPACE_BRANCH"');
    expect(notes).toMatch(/ravi-hooks gc/);
  });

  it('prints a setup line that fails the script with --strict only', () => {
    expect(setupLine(context)).toMatch(/\|\| true$/);
    expect(setupLine({ ...context, strict: true })).not.toMatch(/\|\| true$/);
    // a failed teardown is owed and retried by gc: it never blocks an archive
    expect(archiveLine({ ...context, strict: true })).toMatch(/\|\| true$/);
  });
});
