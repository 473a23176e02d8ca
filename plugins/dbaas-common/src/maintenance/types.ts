import type { MaintenanceWindow } from '../generated';
/**
 * A day of the week as ISO 8601 numbers it (and luxon): 1 is Monday, 7 is
 * Sunday.
 * @public
 */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * One concrete opening of a window: the instants it opens and closes
 * (half-open: open at `start`, closed at `end`).
 * @public
 */
export interface WindowOpening {
  /** Which of the windows passed in this opening belongs to. */
  windowIndex: number;
  start: Date;
  end: Date;
}

/**
 * The outcome of reading a phrase: the window and its normal form, or one
 * message saying what is wrong.
 * @public
 */
export type WindowPhraseResult =
  | {
      ok: true;
      window: MaintenanceWindow;
      /** The phrase written the one canonical way, e.g. "Sun 02:00-03:00 Asia/Kolkata (IST)". */
      normalized: string;
      /** How an ambiguous part was read, e.g. which zone IST stands for. */
      notes: string[];
    }
  | { ok: false; error: string };
