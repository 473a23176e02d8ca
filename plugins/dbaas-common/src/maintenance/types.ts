/**
 * A day of the week as ISO 8601 numbers it (and luxon): 1 is Monday, 7 is
 * Sunday.
 * @public
 */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A recurring maintenance window: on each of `days` it opens at `start` and
 * closes at `end`, both wall-clock times in `timeZone`. An `end` at or before
 * `start` falls on the next day, so a window lasts at most 24 hours. DST rules:
 * docs/maintenance-windows.md and {@link resolveWallTime}.
 * @public
 */
export interface MaintenanceWindow {
  /** The days the window opens on, ascending, no repeats. */
  days: Weekday[];
  /** HH:MM, 00:00 to 23:59. */
  start: string;
  /** HH:MM, 00:00 to 23:59. */
  end: string;
  /** An IANA zone in its canonical spelling, e.g. Asia/Kolkata or UTC. */
  timeZone: string;
  /** The abbreviation the phrase named the zone by (IST), kept for display. */
  zoneAbbreviation?: string;
}

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
