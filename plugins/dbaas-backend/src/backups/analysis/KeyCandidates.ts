import { RdbKey } from '../rdb/RdbParser';

/**
 * A key kept as a candidate for the top lists, with its raw name (latin1),
 * as MEMORY USAGE must be asked.
 */
export type Candidate = Pick<
  RdbKey,
  | 'db'
  | 'key'
  | 'type'
  | 'elements'
  | 'serializedBytes'
  | 'expandedBytes'
  | 'expiresAt'
>;

/** The `size` keys with the highest score; on a tie the earlier one. */
class Ranked {
  readonly #size: number;
  readonly entries: Array<{ score: number; candidate: Candidate }> = [];

  constructor(size: number) {
    this.#size = size;
  }

  offer(score: number, candidate: Candidate): void {
    const full = this.entries.length >= this.#size;
    if (full && score <= this.entries[this.entries.length - 1].score) return;
    let at = this.entries.length;
    while (at > 0 && score > this.entries[at - 1].score) at--;
    this.entries.splice(at, 0, { score, candidate });
    if (this.entries.length > this.#size) this.entries.pop();
  }
}

/**
 * Per type, the keys biggest in the file and the keys with most
 * elements. A key's size in memory is not its size in the file, but
 * within one type the two rank keys alike once compressed strings are
 * counted expanded (a long run of one byte compresses to almost nothing
 * but takes its full length in memory), so the server's biggest keys are
 * among the file's biggest few of their type: only those need asking.
 */
export class KeyCandidates {
  readonly #perType: number;
  readonly #bySize = new Map<string, Ranked>();
  readonly #byElements = new Map<string, Ranked>();

  constructor(perType: number) {
    this.#perType = perType;
  }

  /** Keeps `key` itself if it ranks: the parser makes a new one per key. */
  offer(key: RdbKey): void {
    this.#rank(this.#bySize, key.type).offer(key.expandedBytes, key);
    if (key.type !== 'string' && key.type !== 'module') {
      this.#rank(this.#byElements, key.type).offer(key.elements, key);
    }
  }

  #rank(map: Map<string, Ranked>, type: string): Ranked {
    let ranked = map.get(type);
    if (!ranked) {
      ranked = new Ranked(this.#perType);
      map.set(type, ranked);
    }
    return ranked;
  }

  /** Every candidate once, in no particular order. */
  all(): Candidate[] {
    const seen = new Map<string, Candidate>();
    for (const map of [this.#bySize, this.#byElements]) {
      for (const ranked of map.values()) {
        for (const { candidate } of ranked.entries) {
          seen.set(`${candidate.db}\n${candidate.key}`, candidate);
        }
      }
    }
    return [...seen.values()];
  }

  /** Per type, the candidates with the most elements, most first. */
  byElements(): Map<string, Candidate[]> {
    return new Map(
      [...this.#byElements].map(([type, ranked]) => [
        type,
        ranked.entries.map(e => e.candidate),
      ]),
    );
  }
}
