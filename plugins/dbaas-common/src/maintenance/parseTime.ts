import { PhraseError } from './phraseError';

const TIME = /^(\d+)(?::(\d+))?(am|pm)?$/;

/**
 * Reads one time of a phrase ("02:00", "2:30", "2am", "2:30pm", and "24:00"
 * as an end) into minutes after midnight. `role` names it in errors.
 */
export function parseTime(text: string, role: 'Start' | 'End'): number {
  const what = `${role} time "${text}"`;
  const match = TIME.exec(text.toLowerCase());
  if (!match) throw new PhraseError(`${what} is not a time such as 02:00`);
  const [, hourText, minuteText, meridiem] = match;
  if (minuteText !== undefined && minuteText.length !== 2) {
    throw new PhraseError(`${what}: minutes need two digits, e.g. 02:05`);
  }
  const hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) {
    throw new PhraseError(`${what}: minute ${minute} is not between 00 and 59`);
  }
  if (meridiem) {
    if (hour < 1 || hour > 12) {
      throw new PhraseError(
        `${what}: hour ${hour} is not between 1 and 12 with ${meridiem}`,
      );
    }
    return ((hour % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + minute;
  }
  if (minuteText === undefined) {
    throw new PhraseError(`${what} needs minutes or am/pm, e.g. 02:00 or 2am`);
  }
  if (role === 'End' && hour === 24 && minute === 0) return 0;
  if (hour > 23) {
    throw new PhraseError(`${what}: hour ${hour} is not between 00 and 23`);
  }
  return hour * 60 + minute;
}

/** Minutes after midnight as HH:MM. */
export function formatMinutes(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** HH:MM as minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}
