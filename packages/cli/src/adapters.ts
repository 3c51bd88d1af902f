/**
 * The orchestrator adapters `ravi-hooks init` knows, by name. Loaded only by the commands
 * that need them (init, provision --with), so other commands start without them.
 */
import { amux } from '@ravi-hooks/amux';
import { claudeCode, openhands } from '@ravi-hooks/claude-code';
import { claudeSquad } from '@ravi-hooks/claude-squad';
import { cmux } from '@ravi-hooks/cmux';
import { codex } from '@ravi-hooks/codex';
import { conductor } from '@ravi-hooks/conductor';
import { type Adapter, UsageError } from '@ravi-hooks/core';
import { cursor } from '@ravi-hooks/cursor';
import { daintree } from '@ravi-hooks/daintree';
import { dmux } from '@ravi-hooks/dmux';
import { git } from '@ravi-hooks/git';
import { gtr } from '@ravi-hooks/gtr';
import { lalph } from '@ravi-hooks/lalph';
import { orca } from '@ravi-hooks/orca';
import { superset } from '@ravi-hooks/superset';
import { symphony } from '@ravi-hooks/symphony';
import { vibeKanban } from '@ravi-hooks/vibe-kanban';
import { worktrunk } from '@ravi-hooks/worktrunk';

export const adapters: Adapter[] = [
  amux(),
  claudeCode(),
  claudeSquad(),
  cmux(),
  codex(),
  conductor(),
  cursor(),
  daintree(),
  dmux(),
  git(),
  gtr(),
  lalph(),
  openhands(),
  orca(),
  superset(),
  symphony(),
  vibeKanban(),
  worktrunk(),
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
