import type { ScannedKey } from './generated';
import { z } from 'zod';

/** Keys of one type: how many, their memory, the biggest. @public */
export interface KeyTypeSummary {
  type: string;
  keys: number;
  memoryBytes: number;
  /** The key of this type with the most memory. */
  biggest: ScannedKey;
}

/**
 * Keys grouped by their name up to the first separator, e.g. `user:*`;
 * `(no separator)` holds the keys without one.
 * @public
 */
export interface KeyPatternGroup {
  pattern: string;
  keys: number;
  memoryBytes: number;
}

/** How the scan affected the instance, as its PING probe saw it. @public */
export interface KeyScanLatency {
  /** Median PING round trip before the scan began. */
  baselineMs: number;
  /** The limit above which the scan backed off. */
  limitMs: number;
  p99Ms: number;
  maxMs: number;
  /** How many times the scan paused because PING went above the limit. */
  backoffs: number;
}

/** Most keys a report lists per table. @public */
export const KEY_SCAN_MAX_TOP_N = 100;

/** The body of `POST /instances/{id}/key-scans`. @public */
export const keyScanRequestSchema = z.strictObject(
  {
    topN: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(KEY_SCAN_MAX_TOP_N, `must be at most ${KEY_SCAN_MAX_TOP_N}`)
      .default(10),
    separator: z
      .string({ error: 'must be a string' })
      .min(1, 'must not be empty')
      .max(8, 'must be at most 8 characters')
      .default(':'),
  },
  { error: 'must be a JSON object' },
);

