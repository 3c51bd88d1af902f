/**
 * How big the stress runs are. CI runs `small` (about three minutes on two cores);
 * `full` (the default) is what docs/reliability.md reports.
 */
export type StressSize = 'small' | 'full';

export const stressSize: StressSize = process.env.RAVI_HOOKS_STRESS_SIZE === 'small' ? 'small' : 'full';

/** The value for the current size. */
export function bySize<T>(small: T, full: T): T {
  return stressSize === 'small' ? small : full;
}
