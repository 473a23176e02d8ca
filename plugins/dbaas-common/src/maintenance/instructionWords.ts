import { weekdayOf } from './weekdays';

/** Words of the upgrade instruction grammar, grouped by the part they play. */
export const WORDS = {
  verb: ['upgrade', 'update', 'apply', 'install'],
  automatic: ['automatically', 'automatic', 'auto'],
  manual: ['manually', 'manual'],
  negation: ['never', 'not', 'no', "don't", 'do'],
  kind: ['patch', 'patches', 'security', 'minor', 'major'],
  noun: [
    'version',
    'versions',
    'release',
    'releases',
    'upgrades',
    'updates',
    'patches',
    'fixes',
    'level',
  ],
  objectPrefix: ['latest', 'new'],
  kindJoin: ['or', 'and', ','],
  dayPrefix: ['on', 'every', 'each', 'at'],
  dayGroup: ['weekdays', 'weekday', 'weekends', 'weekend', 'daily', 'everyday'],
  dayRange: ['to', 'through', 'thru', '-'],
  from: ['from'],
  between: ['between'],
  until: ['to', 'until', 'till', '-'],
  clock: ['am', 'pm', 'noon', 'midnight'],
  zonePrefix: ['in'],
  zoneSuffix: ['time'],
  separator: ['and', 'but', 'then', 'also', ',', ';', '.', ':'],
} as const;

export type WordGroup = keyof typeof WORDS;

const ALL = new Set<string>(Object.values(WORDS).flat());

/** Whether the grammar knows the word (so it is never taken for a zone). */
export function isGrammarWord(lower: string): boolean {
  return ALL.has(lower) || weekdayOf(lower) !== undefined || lower === 'day';
}

export function isWord(lower: string, group: WordGroup): boolean {
  return (WORDS[group] as readonly string[]).includes(lower);
}
