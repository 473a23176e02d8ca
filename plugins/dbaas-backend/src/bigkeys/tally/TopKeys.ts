import { ScannedKey } from '@justmanage/plugin-dbaas-common';

/**
 * The `size` keys with the highest score, highest first. Of equal scores
 * the key SCAN returned first (lower `seq`) ranks first, as in redis-cli,
 * whatever order the replies were handled in.
 */
function ranksAbove(
  score: number,
  seq: number,
  other: { score: number; seq: number },
): boolean {
  return score > other.score || (score === other.score && seq < other.seq);
}

export class TopKeys {
  readonly #size: number;
  readonly #entries: Array<{ score: number; seq: number; key: ScannedKey }> =
    [];

  constructor(size: number) {
    this.#size = size;
  }

  /** Whether a key with this score and place in the scan would enter. */
  accepts(score: number, seq: number): boolean {
    if (this.#entries.length < this.#size) return true;
    const last = this.#entries[this.#entries.length - 1];
    return score > last.score || (score === last.score && seq < last.seq);
  }

  offer(score: number, seq: number, key: ScannedKey): void {
    if (!this.accepts(score, seq)) return;
    let at = this.#entries.length;
    while (at > 0 && ranksAbove(score, seq, this.#entries[at - 1])) at--;
    this.#entries.splice(at, 0, { score, seq, key });
    if (this.#entries.length > this.#size) this.#entries.pop();
  }

  keys(): ScannedKey[] {
    return this.#entries.map(entry => entry.key);
  }
}
