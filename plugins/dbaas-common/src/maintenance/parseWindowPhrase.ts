import { formatWindow } from './formatWindow';
import { parseDays } from './parseDays';
import { formatMinutes, parseTime } from './parseTime';
import { parseZone } from './parseZone';
import { PhraseError } from './phraseError';
import type { MaintenanceWindow } from '../generated';
import { WindowPhraseResult } from './types';
import { DAY_NAMES, nextWeekday, weekdayOf } from './weekdays';

/** Longer phrases are refused before any reading. */
export const MAX_PHRASE_LENGTH = 120;

const TIMES = /\d+(?::\d+)?(?:am|pm)?/g;
const EXAMPLE = '"Sundays 02:00-03:00 Europe/Berlin"';

/** Splits off the zone (and a "(IST)" label after it) from the end. */
function splitZone(text: string) {
  const tokens = text.split(' ');
  const label = /^\(([^()]*)\)$/.exec(tokens[tokens.length - 1])?.[1];
  if (label !== undefined) tokens.pop();
  const zone = tokens.pop();
  const looksLikeZone =
    zone !== undefined &&
    /^[a-z][a-z0-9_+\-/]*$/i.test(zone) &&
    !weekdayOf(zone) &&
    !/^(am|pm)$/i.test(zone) &&
    !/\d:\d/.test(zone);
  if (!looksLikeZone || tokens.length === 0) {
    throw new PhraseError(
      `No time zone: end the phrase with an IANA zone such as Europe/Berlin or an abbreviation such as UTC, e.g. ${EXAMPLE}`,
    );
  }
  return { body: tokens.join(' '), zone, label };
}

function readPhrase(phrase: string): {
  window: MaintenanceWindow;
  notes: string[];
} {
  const text = phrase
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(\d) (am|pm)\b/gi, '$1$2');
  if (text.length === 0) {
    throw new PhraseError(
      `The phrase is empty: write days, times and a zone, e.g. ${EXAMPLE}`,
    );
  }
  if (text.length > MAX_PHRASE_LENGTH) {
    throw new PhraseError(
      `The phrase is longer than ${MAX_PHRASE_LENGTH} characters`,
    );
  }
  const { body: rawBody, zone: zoneToken, label } = splitZone(text);
  const body = rawBody
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\b(to|until|till)\b/g, '-');

  const times = [...body.matchAll(TIMES)];
  if (times.length === 0) {
    throw new PhraseError(
      `No times: give a start and an end such as 02:00-03:00, e.g. ${EXAMPLE}`,
    );
  }
  if (times.length === 1) {
    throw new PhraseError(
      `Only one time ("${times[0][0]}"): give a start and an end such as 02:00-03:00`,
    );
  }
  if (times.length > 2) {
    throw new PhraseError(
      `Too many times (${times
        .map(t => t[0])
        .join(
          ', ',
        )}): a window has one start and one end; write one phrase per window`,
    );
  }
  const [first, second] = times;
  const prefix = body.slice(0, first.index).trim();
  const middle = body
    .slice(first.index! + first[0].length, second.index)
    .trim();
  const suffix = body.slice(second.index! + second[0].length).trim();
  if (suffix) {
    throw new PhraseError(
      `Unexpected "${suffix}" after the end time: the time zone comes right after it`,
    );
  }
  const between = /^-\s*([a-z]*)$/.exec(middle);
  if (!between) {
    const found = middle ? ` instead of "${middle}"` : '';
    throw new PhraseError(
      `Separate the start and end time with "-", e.g. 02:00-03:00${found}`,
    );
  }

  const { days, items } = parseDays(prefix);
  const start = parseTime(first[0], 'Start');
  const end = parseTime(second[0], 'End');
  const zone = parseZone(zoneToken, label);
  const endDayWord = between[1];
  if (endDayWord) {
    const endDay = weekdayOf(endDayWord);
    if (!endDay) {
      throw new PhraseError(`"${endDayWord}" before the end time is not a day`);
    }
    if (items !== 1 || days.length !== 1) {
      throw new PhraseError(
        `With an end day ("${endDayWord}") the window starts on a single day, not "${prefix}"`,
      );
    }
    const startDay = days[0];
    const sameDay = endDay === startDay;
    if (!sameDay && endDay !== nextWeekday(startDay)) {
      throw new PhraseError(
        `${DAY_NAMES[endDay]} is not ${DAY_NAMES[startDay]} or the day after: a window lasts at most 24 hours`,
      );
    }
    if (sameDay && end <= start) {
      throw new PhraseError(
        `The end (${DAY_NAMES[endDay]} ${formatMinutes(
          end,
        )}) is not after the start (${DAY_NAMES[startDay]} ${formatMinutes(
          start,
        )})`,
      );
    }
    if (!sameDay && end > start) {
      throw new PhraseError(
        `${DAY_NAMES[startDay]} ${formatMinutes(start)} to ${
          DAY_NAMES[endDay]
        } ${formatMinutes(
          end,
        )} is longer than 24 hours: a window lasts at most a day`,
      );
    }
  }
  const window: MaintenanceWindow = {
    days,
    start: formatMinutes(start),
    end: formatMinutes(end),
    timeZone: zone.timeZone,
    ...(zone.abbreviation ? { zoneAbbreviation: zone.abbreviation } : {}),
  };
  return { window, notes: zone.notes };
}

/**
 * Reads a maintenance window phrase such as "Sundays 02:00-03:00 IST",
 * "weekdays 22:00-23:30 Europe/Berlin" or "sat 23:00 - sun 01:00 UTC".
 * Returns the window with its normal form, or one message naming what is
 * wrong. The grammar: docs/maintenance-windows.md.
 * @public
 */
export function parseWindowPhrase(phrase: string): WindowPhraseResult {
  try {
    const { window, notes } = readPhrase(phrase);
    return { ok: true, window, normalized: formatWindow(window), notes };
  } catch (error) {
    if (error instanceof PhraseError)
      return { ok: false, error: error.message };
    throw error;
  }
}
