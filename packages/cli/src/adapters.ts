/**
 * The orchestrator adapters `ravi-hooks init` knows, by name. Loaded only by the commands
 * that need them (init, provision --with), so other commands start without them.
 */
import { amux } from '@ravi-hooks/amux';
import { claudeCode, openhands } from '@ravi-hooks/claude-code';
import { claudeSquad } from '@ravi-hooks/claude-squad';
import { codex } from '@ravi-hooks/codex';
import { conductor } from '@ravi-hooks/conductor';
import { cmux } from '@ravi-hooks/cmux';
import { type Adapter, UsageError } from '@ravi-hooks/core';
import { dmux } from '@ravi-hooks/dmux';
import { git } from '@ravi-hooks/git';
import { lalph } from '@ravi-hooks/lalph';
import { symphony } from '@ravi-hooks/symphony';
import { vibeKanban } from '@ravi-hooks/vibe-kanban';

export const adapters: Adapter[] = [
  amux(),
  claudeCode(),
  claudeSquad(),
  cmux(),
  codex(),
  conductor(),
  dmux(),
  git(),
  lalph(),
  openhands(),
  symphony(),
  vibeKanban(),
];

export function findAdapter(name: string): Adapter {
  const adapter = adapters.find((candidate) => candidate.name === name);
  if (!adapter) {
    throw new UsageError(`unknown adapter "${name}"`, {
      hint: `choose one of: ${adapters.map((candidate) => candidate.name).join(', ')}`,
    });
  }
  return adapter;
}
