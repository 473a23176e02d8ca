import { KeyPatternGroup } from '@justmanage/plugin-dbaas-common';
import { latin1 } from '../resp/encodeCommands';
import { displayKey } from './displayKey';

/** The group of the keys whose names hold no separator. */
export const NO_SEPARATOR = '(no separator)';

export interface PatternGroup {
  keys: number;
  memoryBytes: number;
  /** The type of the group's last key: the scan's guess for the next one. */
  lastType?: string;
}

/**
 * Key counts and memory by name prefix. A keyspace with a prefix per key
 * (ids before the separator) would make as many groups as keys, so past
 * `maxGroups` new prefixes are summed in one overflow group.
 */
export class PatternGroups {
  readonly #separator: string;
  readonly #latin1Separator: string;
  readonly #maxGroups: number;
  // Prefixes in latin1, as the keys arrive.
  readonly #groups = new Map<string, PatternGroup>();
  readonly #unseparated: PatternGroup = { keys: 0, memoryBytes: 0 };
  readonly #overflow: PatternGroup = { keys: 0, memoryBytes: 0 };

  constructor(separator: string, maxGroups: number) {
    this.#separator = separator;
    this.#latin1Separator = latin1(separator);
    this.#maxGroups = maxGroups;
  }

  /** The group of a key (its bytes as latin1), made on first sight. */
  groupOf(key: string): PatternGroup {
    const end = key.indexOf(this.#latin1Separator);
    if (end < 0) return this.#unseparated;
    const prefix = key.slice(0, end);
    let group = this.#groups.get(prefix);
    if (!group) {
      if (this.#groups.size >= this.#maxGroups) return this.#overflow;
      group = { keys: 0, memoryBytes: 0 };
      this.#groups.set(prefix, group);
    }
    return group;
  }

  /** The `limit` groups with the most memory, and the rest summed. */
  report(limit: number): {
    patterns: KeyPatternGroup[];
    otherPatterns: { groups: number; keys: number; memoryBytes: number };
  } {
    const named = [...this.#groups.entries()].map(([prefix, group]) => ({
      pattern: `${displayKey(prefix)}${this.#separator}*`,
      keys: group.keys,
      memoryBytes: group.memoryBytes,
    }));
    const all = [
      ...named,
      {
        pattern: NO_SEPARATOR,
        keys: this.#unseparated.keys,
        memoryBytes: this.#unseparated.memoryBytes,
      },
    ]
      .filter(group => group.keys > 0)
      .sort((a, b) => b.memoryBytes - a.memoryBytes || b.keys - a.keys);
    const rest = all.slice(limit);
    return {
      patterns: all.slice(0, limit),
      otherPatterns: {
        groups: rest.length + (this.#overflow.keys > 0 ? 1 : 0),
        keys: rest.reduce((n, g) => n + g.keys, this.#overflow.keys),
        memoryBytes: rest.reduce(
          (n, g) => n + g.memoryBytes,
          this.#overflow.memoryBytes,
        ),
      },
    };
  }
}
