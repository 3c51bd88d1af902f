/**
 * The lines adapters install into orchestrators' setup and teardown steps: a guarded call
 * (see invocation.ts) that, unless the user installed with `--strict`, never fails the
 * step it runs in. A workspace without an identity is better than an orchestrator that
 * refuses to create the workspace; the failure is on stderr and in `ravi-hooks log`, and
 * `ravi-hooks gc` retries owed deletions.
 */
import type { AdapterContext } from '../../adapters/types';
import { invocationPattern, shellInvocation } from './invocation';

const LENIENT = ' || true';

/** `ravi-hooks <args…>` as one shell line for an orchestrator's step. */
export function hookStep(
  context: Pick<AdapterContext, 'command' | 'strict'>,
  args: readonly string[],
  consequence: string,
): string {
  return shellInvocation(context.command, args, consequence) + (context.strict ? '' : LENIENT);
}

/**
 * Matches a step installed by {@link hookStep} (strict or not, guarded or bare); group 1 or 2
 * is the command. `args` is a regular-expression source for the words after the command.
 */
export function hookStepPattern(args: string): RegExp {
  return new RegExp(invocationPattern(args).source.replace(/\$$/, '(?: \\|\\| true)?$'));
}
