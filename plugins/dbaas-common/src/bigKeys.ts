import { z } from 'zod';

/**
 * One key as a key scan saw it. Key names are the instance's data: shown
 * to those who may read the instance, never written to logs.
 * @public
 */
export interface ScannedKey {
  db: number;
  /** The name, with bytes that are not UTF-8 written as \xNN. */
  key: string;
  /** TYPE's answer: string, list, set, zset, hash, stream or a module's type. */
  type: string;
  /** MEMORY USAGE with its default sampling, as `redis-cli --memkeys` asks. */
  memoryBytes: number;
  /**
   * STRLEN, LLEN, SCARD, ZCARD, HLEN or XLEN, by type; absent for module
   * types, which have no such command.
   */
  elements?: number;
}

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

/** The stored result of a key scan. @public */
export interface KeyScanReport {
  instanceId: string;
  operationId: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  topN: number;
  separator: string;
  keysScanned: number;
  memoryBytes: number;
  databases: Array<{ db: number; keys: number }>;
  /** The topN keys with the most memory, biggest first. */
  topByMemory: ScannedKey[];
  /** Per type, the topN keys with the most elements, biggest first. */
  topByElements: Array<{ type: string; keys: ScannedKey[] }>;
  /** Per type, like the summary of `redis-cli --memkeys`. */
  types: KeyTypeSummary[];
  /** The groups with the most memory, biggest first. */
  patterns: KeyPatternGroup[];
  /**
   * Groups past the number a scan tracks, or past the number reported,
   * summed together.
   */
  otherPatterns: { groups: number; keys: number; memoryBytes: number };
  latency: KeyScanLatency;
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

/** @public */
export type KeyScanRequest = z.input<typeof keyScanRequestSchema>;
