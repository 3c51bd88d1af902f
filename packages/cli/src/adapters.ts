/**
 * The orchestrator adapters `ravi-hooks init` knows, by name. Loaded only by the commands
 * that need them (init, provision --with), so other commands start without them.
 */
import { amux } from '@ravi-hooks/amux';
import { claudeSquad } from '@ravi-hooks/claude-squad';
import { cmux } from '@ravi-hooks/cmux';
import { type Adapter, UsageError } from '@ravi-hooks/core';
import { dmux } from '@ravi-hooks/dmux';
import { git } from '@ravi-hooks/git';
import { lalph } from '@ravi-hooks/lalph';
import { symphony } from '@ravi-hooks/symphony';

export const adapters: Adapter[] = [amux(), claudeSquad(), cmux(), dmux(), git(), lalph(), symphony()];

export function findAdapter(name: string): Adapter {
  const adapter = adapters.find((candidate) => candidate.name === name);
  if (!adapter) {
    throw new UsageError(`unknown adapter "${name}"`, {
      hint: `choose one of: ${adapters.map((candidate) => candidate.name).join(', ')}`,
    });
  }
  return adapter;
}
