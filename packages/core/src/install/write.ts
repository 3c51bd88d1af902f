/**
 * Writing a plan: each file atomically (keeping an existing file's mode; a new one gets the
 * adapter's mode, 0755 for hooks and scripts), never over a change someone made since we read
 * it, and all or nothing: when one write fails, the files already written get their old
 * bytes (or absence) back.
 */
import { ConflictError } from '../errors';
import { modeOf, readTextIfExists, removeFile, writeFileAtomically } from '../io/files';
import type { PlannedFile } from './plan';

export async function writePlanned(planned: readonly PlannedFile[]): Promise<void> {
  const written: Array<{ item: PlannedFile; mode: number | null }> = [];
  try {
    for (const item of planned) {
      if (item.action === 'unchanged') continue;
      if ((await readTextIfExists(item.target)) !== item.before) {
        throw new ConflictError(`${item.file.path} changed while ravi-hooks was editing it`, {
          hint: 'nothing was changed; run the command again',
        });
      }
      const mode = await modeOf(item.target);
      await writeText(item.target, item.after, item.file.mode);
      written.push({ item, mode });
    }
  } catch (error) {
    for (const { item, mode } of written.reverse()) {
      // NOTE: best effort; the original error is what the user needs to see.
      await writeText(item.target, item.before, mode ?? item.file.mode, true).catch(() => undefined);
    }
    throw error;
  }
}

async function writeText(
  target: string,
  text: string | null,
  mode?: number,
  forceMode = false,
): Promise<void> {
  if (text === null) await removeFile(target);
  else await writeFileAtomically(target, text, { mode, forceMode: forceMode && mode !== undefined });
}
