import { latin1 } from '../resp/encodeCommands';
import { KeyTally } from './KeyTally';

/** Adds keys as the scan would: name (text), type, memory, elements. */
function tallyOf(
  keys: Array<[string, string, number, number?]>,
  options: { topN?: number; separator?: string; db?: number } = {},
) {
  const tally = new KeyTally(options.topN ?? 3, options.separator ?? ':');
  keys.forEach(([name, type, memory, elements], seq) => {
    const key = latin1(name);
    const group = tally.groups.groupOf(key);
    tally.add(seq, options.db ?? 0, key, group, type, memory, elements);
  });
  return tally;
}

describe('KeyTally', () => {
  it('keeps the topN keys by memory, biggest first, the first of equals', () => {
    const result = tallyOf([
      ['a:1', 'string', 100, 40],
      ['a:2', 'string', 300, 200],
      ['b:1', 'hash', 200, 3],
      ['b:2', 'hash', 300, 9],
      ['c', 'list', 50, 1000],
    ]).result();
    expect(result.topByMemory.map(k => [k.key, k.memoryBytes])).toEqual([
      ['a:2', 300],
      ['b:2', 300],
      ['b:1', 200],
    ]);
    expect(result.keysScanned).toBe(5);
    expect(result.memoryBytes).toBe(950);
  });

  it('ranks element counts per type, and sums each type like redis-cli', () => {
    const result = tallyOf([
      ['a:1', 'string', 100, 40],
      ['a:2', 'string', 300, 200],
      ['b:1', 'hash', 200, 3],
      ['b:2', 'hash', 300, 9],
      ['c', 'list', 50, 1000],
      ['j', 'ReJSON-RL', 70],
    ]).result();
    expect(
      result.topByElements.map(t => [t.type, t.keys.map(k => k.elements)]),
    ).toEqual([
      ['hash', [9, 3]],
      ['list', [1000]],
      ['string', [200, 40]],
    ]);
    expect(
      result.types.map(t => [t.type, t.keys, t.memoryBytes, t.biggest.key]),
    ).toEqual([
      ['hash', 2, 500, 'b:2'],
      ['string', 2, 400, 'a:2'],
      ['ReJSON-RL', 1, 70, 'j'],
      ['list', 1, 50, 'c'],
    ]);
  });

  it('groups by the name up to the first separator', () => {
    const result = tallyOf(
      [
        ['user/1/name', 'string', 10],
        ['user/2', 'string', 20],
        ['session/x', 'string', 5],
        ['plain', 'string', 7],
        ['other', 'string', 1],
      ],
      { separator: '/' },
    ).result();
    expect(result.patterns).toEqual([
      { pattern: 'user/*', keys: 2, memoryBytes: 30 },
      { pattern: '(no separator)', keys: 2, memoryBytes: 8 },
      { pattern: 'session/*', keys: 1, memoryBytes: 5 },
    ]);
    expect(result.otherPatterns).toEqual({
      groups: 0,
      keys: 0,
      memoryBytes: 0,
    });
  });

  it('sums groups past the first 10,000 prefixes, and past 100 in the report', () => {
    const keys: Array<[string, string, number]> = [];
    for (let i = 0; i < 10_050; i++) keys.push([`p${i}:k`, 'string', 1]);
    const result = tallyOf(keys).result();
    expect(result.patterns).toHaveLength(100);
    expect(result.otherPatterns).toEqual({
      groups: 9_900 + 1,
      keys: 9_950,
      memoryBytes: 9_950,
    });
  });

  it('shows names that are not UTF-8 with \\xNN, and keeps UTF-8 names as they are', () => {
    const tally = new KeyTally(5, ':');
    const binary = Buffer.from([0x6b, 0xff, 0x5c, 0x0a]).toString('latin1');
    tally.add(0, 1, binary, tally.groups.groupOf(binary), 'string', 9, 4);
    const euro = latin1('préfixe:€');
    tally.add(1, 1, euro, tally.groups.groupOf(euro), 'string', 5, 3);
    const { topByMemory, patterns } = tally.result();
    expect(topByMemory.map(k => k.key)).toEqual([
      'k\\xff\\\\\\x0a',
      'préfixe:€',
    ]);
    expect(topByMemory[0].db).toBe(1);
    expect(patterns.map(p => p.pattern)).toEqual([
      '(no separator)',
      'préfixe:*',
    ]);
  });

  it('guesses the most frequent type for a key of a new group', () => {
    const tally = tallyOf([
      ['a', 'hash', 1, 1],
      ['b', 'hash', 1, 1],
      ['c', 'list', 1, 1],
    ]);
    expect(tally.mostCommonType()).toBe('hash');
    expect(new KeyTally(1, ':').mostCommonType()).toBe('string');
  });
});

describe('KeyTally ties', () => {
  it('ranks the key SCAN returned first, whatever order they were added in', () => {
    const tally = new KeyTally(2, ':');
    // seq 2 first: its TYPE was guessed wrong and its answer came late
    for (const [seq, name] of [
      [2, 'events:c'],
      [0, 'events:a'],
      [1, 'events:b'],
    ] as const) {
      const key = latin1(name);
      tally.add(seq, 0, key, tally.groups.groupOf(key), 'stream', 4736, 1);
    }
    const result = tally.result();
    expect(result.topByMemory.map(k => k.key)).toEqual([
      'events:a',
      'events:b',
    ]);
    expect(result.types[0].biggest.key).toBe('events:a');
  });
});
