import { PhraseError } from './phraseError';
import { Weekday } from './types';
import { nextWeekday, weekdayOf } from './weekdays';

const ALL_DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

const GROUPS: Readonly<Record<string, Weekday[]>> = {
  weekdays: [1, 2, 3, 4, 5],
  weekday: [1, 2, 3, 4, 5],
  weekends: [6, 7],
  weekend: [6, 7],
  daily: ALL_DAYS,
  everyday: ALL_DAYS,
};

const HINT =
  'use mon..sun, a range such as "mon-fri", "weekdays", "weekends" or "daily"';

function requireDay(word: string): Weekday {
  const day = weekdayOf(word);
  if (!day) throw new PhraseError(`Unknown day "${word}": ${HINT}`);
  return day;
}

function range(from: Weekday, to: Weekday): Weekday[] {
  const days: Weekday[] = [from];
  for (let day = from; day !== to; day = nextWeekday(day)) {
    days.push(nextWeekday(day));
  }
  return days;
}

/**
 * Reads the days part of a phrase: day names, ranges (a range may wrap past
 * Sunday: "fri-mon") and the words weekdays, weekends, daily, joined by
 * commas, spaces or "and". Returns the days ascending and the number of items
 * read, so a caller can insist on a single day.
 */
export function parseDays(text: string): { days: Weekday[]; items: number } {
  const items = text
    .toLowerCase()
    .replace(/\bevery day\b/g, 'daily')
    .replace(/\band\b|&/g, ',')
    .split(/[\s,]+/)
    .filter(item => item.length > 0);
  if (items.length === 0) {
    throw new PhraseError(
      'No days: start with the days, e.g. "Sundays", "weekdays", "mon,wed" or "daily"',
    );
  }
  const days = new Set<Weekday>();
  for (const item of items) {
    const group = GROUPS[item];
    if (group) {
      group.forEach(day => days.add(day));
      continue;
    }
    const ends = item.split('-');
    if (ends.length === 2 && ends[0] && ends[1]) {
      range(requireDay(ends[0]), requireDay(ends[1])).forEach(day =>
        days.add(day),
      );
    } else if (ends.length === 1) {
      days.add(requireDay(item));
    } else {
      throw new PhraseError(`Cannot read the days "${item}": ${HINT}`);
    }
  }
  return { days: [...days].sort((a, b) => a - b), items: items.length };
}
