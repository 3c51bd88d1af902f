// PLACEHOLDER written by the lead so the CLI builds; the adapters engineer owns and replaces this file.
import { type Adapter, UsageError } from '@ravi-hooks/core';

export const adapters: Adapter[] = [];

export function findAdapter(name: string): Adapter {
  const found = adapters.find((a) => a.name === name);
  if (!found) throw new UsageError(`unknown adapter "${name}"`);
  return found;
}
