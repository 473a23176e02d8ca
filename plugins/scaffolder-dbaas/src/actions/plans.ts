/**
 * The sizes the New Redis template offers. `custom` means the memory is
 * given explicitly as `memoryMb`.
 * @public
 */
export const PLAN_MEMORY_MB = {
  small: 256,
  medium: 1024,
  large: 4096,
} as const;

/** @public */
export type Plan = keyof typeof PLAN_MEMORY_MB | 'custom';

/** @public */
export const PLANS: readonly [Plan, ...Plan[]] = [
  'small',
  'medium',
  'large',
  'custom',
];
