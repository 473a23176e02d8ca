import { InstructionReader } from './instructionReader';
import { isGrammarWord } from './instructionWords';
import { parseZone } from './parseZone';
import { weekdayOf } from './weekdays';

/** A zone as written, already known to name one. */
export interface ZoneClause {
  token: string;
  label?: string;
  timeZone: string;
}

/** A time as written: "2" with "am", "2:30", "noon". */
export interface TimeClause {
  text: string;
  meridiem?: 'am' | 'pm';
  zone?: ZoneClause;
  /** The day written right before it: "Saturday 23:00 to Sunday 01:00". */
  day?: string;
}

/** One window as an instruction says it, before it is checked. */
export interface WindowClause {
  text: string;
  /** Day items such as "sundays", "mon-fri", "weekdays", "daily". */
  days: string[];
  start: TimeClause;
  end: TimeClause;
  /** The zone written after the days that follow the times. */
  zone?: ZoneClause;
}

const DAYS_HINT =
  'use Monday..Sunday, "weekdays", "weekends", "every day" or a range such as "Mon-Fri"';

function isDayAt(reader: InstructionReader, offset: number): boolean {
  const token = reader.peek(offset);
  if (!token || token.kind !== 'word') return false;
  return weekdayOf(token.lower) !== undefined || reader.at('dayGroup', offset);
}

/** Whether days start here: "on Sundays", "every day", "weekdays", "Mon-Fri". */
export function atDays(reader: InstructionReader): boolean {
  const token = reader.peek();
  if (token?.lower === 'at') return isDayAt(reader, 1);
  return reader.at('dayPrefix') || isDayAt(reader, 0);
}

function readDayItem(reader: InstructionReader, afterEvery: boolean): string {
  const token = reader.peek();
  if (afterEvery && token?.lower === 'day') {
    reader.next();
    return 'daily';
  }
  if (reader.at('dayGroup')) return reader.next().lower;
  if (!token || token.kind !== 'word' || !weekdayOf(token.lower)) {
    const what = token ? `Unknown day "${token.text}"` : 'No day';
    return reader.fail(`${what}: ${DAYS_HINT}`);
  }
  reader.next();
  if (
    reader.at('dayRange') &&
    isDayAt(reader, 1) &&
    !reader.at('dayGroup', 1)
  ) {
    reader.next();
    return `${token.lower}-${reader.next().lower}`;
  }
  return token.lower;
}

/** Days joined by commas or "and", each perhaps after "on" or "every". */
export function readDays(reader: InstructionReader): string[] {
  const items: string[] = [];
  for (;;) {
    let afterEvery = false;
    while (reader.at('dayPrefix')) {
      const prefix = reader.next().lower;
      afterEvery = prefix === 'every' || prefix === 'each';
    }
    items.push(readDayItem(reader, afterEvery));
    const joined =
      reader.peek()?.lower === 'and' || reader.peek()?.lower === ',';
    const more =
      isDayAt(reader, 1) ||
      (reader.at('dayPrefix', 1) && reader.peek(1)?.lower !== 'at');
    if (!joined || !more) return items;
    reader.next();
  }
}

/** Whether a zone comes next: a zone token, "in <zone>", or a word the grammar does not know. */
export function atZone(reader: InstructionReader): boolean {
  const token = reader.peek(reader.peek()?.lower === 'in' ? 1 : 0);
  if (!token) return false;
  return (
    token.kind === 'zone' ||
    (token.kind === 'word' && !isGrammarWord(token.lower))
  );
}

export function readZone(reader: InstructionReader): ZoneClause {
  reader.take('zonePrefix');
  const token = reader.next().text;
  const label =
    reader.peek()?.kind === 'label'
      ? reader.next().text.slice(1, -1)
      : undefined;
  reader.take('zoneSuffix');
  return { token, label, timeZone: parseZone(token, label).timeZone };
}

function readTime(
  reader: InstructionReader,
  role: 'start' | 'end',
  dayAllowed: boolean,
): TimeClause {
  const token = reader.peek();
  const day =
    dayAllowed && token?.kind === 'word' && weekdayOf(token.lower)
      ? reader.next().lower
      : undefined;
  const time = reader.peek();
  let clause: TimeClause;
  if (time?.kind === 'number') {
    reader.next();
    const meridiem = reader.peek()?.lower;
    clause = { text: time.text, day };
    if (meridiem === 'am' || meridiem === 'pm') {
      reader.next();
      clause.meridiem = meridiem;
    }
  } else if (time?.lower === 'noon') {
    reader.next();
    clause = { text: '12:00', day };
  } else if (time?.lower === 'midnight') {
    reader.next();
    clause = { text: role === 'start' ? '00:00' : '24:00', day };
  } else {
    const found = time ? ` at "${reader.rest()}"` : '';
    return reader.fail(
      `No ${role} time${found}: write a time such as 2am, 2:30 pm or 02:00`,
    );
  }
  if (atZone(reader)) clause.zone = readZone(reader);
  return clause;
}

/** Whether times start here: "from", "between", or a time. */
export function atTimes(reader: InstructionReader): boolean {
  const token = reader.peek();
  return (
    (token?.lower === 'at' && reader.peek(1)?.kind === 'number') ||
    reader.at('from') ||
    reader.at('between') ||
    token?.kind === 'number' ||
    token?.lower === 'noon' ||
    token?.lower === 'midnight'
  );
}

function readTimes(reader: InstructionReader, startDayAllowed: boolean) {
  const between = reader.take('between') !== undefined;
  if (!between && !reader.take('from') && reader.peek()?.lower === 'at') {
    reader.next();
  }
  const start = readTime(reader, 'start', startDayAllowed);
  const separated = between
    ? reader.peek()?.lower === 'and' || reader.peek()?.kind === 'dash'
    : reader.at('until');
  if (!separated) {
    const found = reader.done ? '' : `; found "${reader.rest()}"`;
    reader.fail(
      between
        ? `After "between" and the start time write "and" and the end time, e.g. "between 2 and 3 am"${found}`
        : `Separate the start and end time with "to" or "-", e.g. "from 2 am to 3 am" or "02:00-03:00"${found}`,
    );
  }
  reader.next();
  const end = readTime(reader, 'end', true);
  return { start, end };
}

/**
 * Reads one window: days, then times ("from 2 am to 3 am", "between 2 and
 * 3 am", "02:00-03:00"), or the times first and the days after them, with
 * the zone after either time or once at the end.
 */
export function readWindowClause(reader: InstructionReader): WindowClause {
  const first = reader.position;
  let days = atDays(reader) ? readDays(reader) : undefined;
  if (days) reader.skipCommaBefore(() => atTimes(reader));
  if (!atTimes(reader)) {
    const found = reader.done ? '' : ` at "${reader.rest()}"`;
    reader.fail(
      `No times after "${reader.slice(
        first,
      )}"${found}: give a start and an end, e.g. "from 2 am to 3 am IST" or "02:00-03:00 UTC"`,
    );
  }
  const { start, end } = readTimes(reader, days === undefined);
  if (start.day) days = [start.day];
  if (!days) reader.skipCommaBefore(() => atDays(reader));
  if (!days && atDays(reader)) days = readDays(reader);
  reader.skipCommaBefore(() => atZone(reader));
  const zone = atZone(reader) ? readZone(reader) : undefined;
  const text = reader.slice(first);
  if (!days) {
    reader.fail(
      `No days for "${text}": say which, e.g. "on Sundays", "every day", "weekdays" or "Mon-Fri"`,
    );
  }
  return { text, days, start, end, zone };
}
