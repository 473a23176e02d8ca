import { PatternGroups } from '../../bigkeys/tally/PatternGroups';
import { RdbKey } from '../rdb/RdbParser';
import { ExpiryHistogram } from './expiryHistogram';
import { KeyCandidates } from './KeyCandidates';

/** Distinct prefixes kept apart; the rest are summed together. */
const MAX_TRACKED_GROUPS = 10_000;
/** Groups listed in a report. */
export const REPORTED_GROUPS = 100;

export interface TypeTotals {
  keys: number;
  elements: number;
  serializedBytes: number;
}

/**
 * Adds up an RDB key by key, in bounded memory whatever the keyspace:
 * totals per type and database, pattern groups (with the key scan's own
 * grouping), the expiry histogram and the candidates for the top lists.
 */
export class RdbTally {
  readonly groups: PatternGroups;
  readonly candidates: KeyCandidates;
  readonly expiry: ExpiryHistogram;
  readonly types = new Map<string, TypeTotals>();
  readonly databases = new Map<number, number>();
  keys = 0;
  serializedBytes = 0;

  constructor(opts: { separator: string; topN: number; takenAt: number }) {
    this.groups = new PatternGroups(opts.separator, MAX_TRACKED_GROUPS);
    // Twice the list's length per type: a margin for keys whose size in
    // memory ranks them a little apart from their size in the file.
    this.candidates = new KeyCandidates(2 * opts.topN);
    this.expiry = new ExpiryHistogram(opts.takenAt);
  }

  add(key: RdbKey): void {
    this.keys += 1;
    this.serializedBytes += key.serializedBytes;
    this.databases.set(key.db, (this.databases.get(key.db) ?? 0) + 1);
    let totals = this.types.get(key.type);
    if (!totals) {
      totals = { keys: 0, elements: 0, serializedBytes: 0 };
      this.types.set(key.type, totals);
    }
    totals.keys += 1;
    totals.elements += key.elements;
    totals.serializedBytes += key.serializedBytes;
    const group = this.groups.groupOf(key.key);
    group.keys += 1;
    group.memoryBytes += key.serializedBytes;
    this.expiry.add(key.expiresAt, key.serializedBytes);
    this.candidates.offer(key);
  }
}
