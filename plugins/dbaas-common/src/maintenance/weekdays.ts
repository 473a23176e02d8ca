import { Weekday } from './types';

/** Short English day names, indexed by ISO weekday. */
export const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  1: 'Mon',
  2: 'Tue',
  3: 'Wed',
  4: 'Thu',
  5: 'Fri',
  6: 'Sat',
  7: 'Sun',
};

const DAY_WORDS: ReadonlyArray<[Weekday, string[]]> = [
  [1, ['mon', 'monday', 'mondays']],
  [2, ['tue', 'tues', 'tuesday', 'tuesdays']],
  [3, ['wed', 'weds', 'wednesday', 'wednesdays']],
  [4, ['thu', 'thur', 'thurs', 'thursday', 'thursdays']],
  [5, ['fri', 'friday', 'fridays']],
  [6, ['sat', 'saturday', 'saturdays']],
  [7, ['sun', 'sunday', 'sundays']],
];

/** The weekday a word names ("sun", "Sundays"), or undefined. */
export function weekdayOf(word: string): Weekday | undefined {
  const lower = word.toLowerCase();
  return DAY_WORDS.find(([, words]) => words.includes(lower))?.[0];
}

/** The weekday after `day`, Sunday wrapping to Monday. */
export function nextWeekday(day: Weekday): Weekday {
  return ((day % 7) + 1) as Weekday;
}

/** The ISO weekday of a day counted from the epoch (day 0 was a Thursday). */
export function weekdayOfEpochDay(epochDay: number): Weekday {
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as Weekday;
}
