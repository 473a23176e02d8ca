import {
  KeyScanReport,
  KeyTypeSummary,
  ScannedKey,
} from '@justmanage/plugin-dbaas-common';
import { displayKey } from './displayKey';
import { PatternGroup, PatternGroups } from './PatternGroups';
import { TopKeys } from './TopKeys';

/** Distinct prefixes a scan keeps apart; the rest are summed together. */
const MAX_TRACKED_GROUPS = 10_000;
/** Groups listed in a report. */
const REPORTED_GROUPS = 100;

export type KeyTallyResult = Pick<
  KeyScanReport,
  | 'keysScanned'
  | 'memoryBytes'
  | 'topByMemory'
  | 'topByElements'
  | 'types'
  | 'patterns'
  | 'otherPatterns'
>;

/** Adds up a scan key by key; holds a bounded amount whatever the keyspace. */
export class KeyTally {
  readonly groups: PatternGroups;
  readonly #topN: number;
  readonly #byMemory: TopKeys;
  readonly #byElements = new Map<string, TopKeys>();
  readonly #types = new Map<
    string,
    { keys: number; memoryBytes: number; biggest?: ScannedKey; seq: number }
  >();
  #keys = 0;
  #memoryBytes = 0;

  constructor(topN: number, separator: string) {
    this.#topN = topN;
    this.#byMemory = new TopKeys(topN);
    this.groups = new PatternGroups(separator, MAX_TRACKED_GROUPS);
  }

  get keysScanned(): number {
    return this.#keys;
  }

  /** The type seen most often so far: the guess for a key of a new group. */
  mostCommonType(): string {
    let best = 'string';
    let count = 0;
    for (const [type, summary] of this.#types) {
      if (summary.keys > count) {
        best = type;
        count = summary.keys;
      }
    }
    return best;
  }

  /**
   * Counts one key; `key` is its bytes as latin1, `seq` its place in the
   * scan, which decides between keys of equal size.
   */
  add(
    seq: number,
    db: number,
    key: string,
    group: PatternGroup,
    type: string,
    memoryBytes: number,
    elements?: number,
  ): void {
    this.#keys += 1;
    this.#memoryBytes += memoryBytes;
    group.keys += 1;
    group.memoryBytes += memoryBytes;
    group.lastType = type;

    let top: TopKeys | undefined;
    if (elements !== undefined) {
      top = this.#byElements.get(type);
      if (!top) {
        top = new TopKeys(this.#topN);
        this.#byElements.set(type, top);
      }
    }
    let summary = this.#types.get(type);
    if (!summary) {
      summary = { keys: 0, memoryBytes: 0, seq: 0 };
      this.#types.set(type, summary);
    }
    summary.keys += 1;
    summary.memoryBytes += memoryBytes;
    const biggest =
      !summary.biggest ||
      memoryBytes > summary.biggest.memoryBytes ||
      (memoryBytes === summary.biggest.memoryBytes && seq < summary.seq);
    // Most keys enter no list: their names are never turned into text.
    if (
      biggest ||
      this.#byMemory.accepts(memoryBytes, seq) ||
      (top && top.accepts(elements!, seq))
    ) {
      const scanned: ScannedKey = {
        db,
        key: displayKey(key),
        type,
        memoryBytes,
        ...(elements !== undefined ? { elements } : {}),
      };
      this.#byMemory.offer(memoryBytes, seq, scanned);
      top?.offer(elements!, seq, scanned);
      if (biggest) {
        summary.biggest = scanned;
        summary.seq = seq;
      }
    }
  }

  result(): KeyTallyResult {
    const byName = (a: { type: string }, b: { type: string }) =>
      a.type.localeCompare(b.type);
    const types: KeyTypeSummary[] = [...this.#types.entries()]
      .map(([type, s]) => ({
        type,
        keys: s.keys,
        memoryBytes: s.memoryBytes,
        biggest: s.biggest!,
      }))
      .sort((a, b) => b.memoryBytes - a.memoryBytes);
    return {
      keysScanned: this.#keys,
      memoryBytes: this.#memoryBytes,
      topByMemory: this.#byMemory.keys(),
      topByElements: [...this.#byElements.entries()]
        .map(([type, top]) => ({ type, keys: top.keys() }))
        .sort(byName),
      types,
      ...this.groups.report(REPORTED_GROUPS),
    };
  }
}
