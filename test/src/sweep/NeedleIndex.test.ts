import { NeedleIndex } from './NeedleIndex';

describe('NeedleIndex', () => {
  const a = 'abcdefghijklmnopqrstuvwxyz';
  const b = 'ABCDEFGHIJKLMNOP';
  const index = new NeedleIndex([
    { text: a, tag: 'a' },
    { text: b, tag: 'b' },
    { text: `${b}Q`, tag: 'bq' },
  ]);
  const find = (text: string) => {
    const found: Array<[number, string]> = [];
    index.scan(text, (at, tag) => found.push([at, tag]));
    return found;
  };

  it('finds needles at the start, the end, overlapping and twice', () => {
    expect(find(a)).toEqual([[0, 'a']]);
    expect(find(`xx${b}Q`)).toEqual([
      [2, 'b'],
      [2, 'bq'],
    ]);
    expect(find(`${b}${b}`)).toEqual([
      [0, 'b'],
      [16, 'b'],
    ]);
    expect(find(`--${a.slice(0, 25)}`)).toEqual([]);
    expect(find('short')).toEqual([]);
  });

  it('refuses a needle shorter than its window', () => {
    expect(() => new NeedleIndex([{ text: 'short', tag: 1 }])).toThrow(
      /shorter than 16/,
    );
  });
});
