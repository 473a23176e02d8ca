import type { MaintenanceWindow } from '../generated';
import { InstructionReader } from './instructionReader';
import { normaliseInstruction, tokenizeInstruction } from './instructionTokens';
import { PhraseError } from './phraseError';
import { joinSplitClauses, meaningOf } from './modeClauseMeaning';
import { atModeClause, ModeWords, readModeClause } from './readModeClause';
import {
  atDays,
  atTimes,
  readWindowClause,
  WindowClause,
  ZoneClause,
} from './readWindowClause';
import { UpgradePolicyMode } from './upgradePolicy';
import { hasZone, windowOfClause } from './windowOfClause';

/** Longer instructions are refused before any reading. @public */
export const MAX_INSTRUCTION_LENGTH = 300;

const EXAMPLE =
  '"Upgrade patch versions automatically on Sundays from 2 am to 3 am IST"';

/**
 * An upgrade instruction read into a policy: the mode, and the windows in
 * their normal form.
 * @public
 */
export type UpgradeInstructionResult =
  | {
      ok: true;
      mode: UpgradePolicyMode;
      securityOnly: boolean;
      windows: Array<{
        phrase: string;
        window: MaintenanceWindow;
        notes: string[];
      }>;
      /** The policy in one line: "auto-patch in Sun 02:00-03:00 Asia/Kolkata (IST)". */
      normalized: string;
      notes: string[];
    }
  | { ok: false; error: string };

function readClauses(instruction: string) {
  const text = normaliseInstruction(instruction);
  if (text.length === 0) {
    throw new PhraseError(
      `The instruction is empty: say what is upgraded and when, e.g. ${EXAMPLE}`,
    );
  }
  if (text.length > MAX_INSTRUCTION_LENGTH) {
    throw new PhraseError(
      `The instruction is longer than ${MAX_INSTRUCTION_LENGTH} characters`,
    );
  }
  const reader = new InstructionReader(text, tokenizeInstruction(text));
  const modes: ModeWords[] = [];
  const windows: WindowClause[] = [];
  while (!reader.done) {
    if (reader.take('separator')) continue;
    if (atDays(reader) || atTimes(reader))
      windows.push(readWindowClause(reader));
    else if (atModeClause(reader)) modes.push(readModeClause(reader));
    else {
      reader.fail(
        `Cannot read "${reader.rest()}": say what is upgraded and when, e.g. ${EXAMPLE}`,
      );
    }
  }
  return { modes, windows };
}

function modeOf(words: ModeWords[]) {
  const modes = joinSplitClauses(words).map(meaningOf);
  const said = modes.flatMap(m => (m.says === 'mode' ? [m] : []));
  if (said.length === 0) {
    throw new PhraseError(
      `No upgrade mode: say "patch versions automatically" or "manually", e.g. ${EXAMPLE}`,
    );
  }
  const other = said.find(m => m.mode !== said[0].mode);
  if (other) {
    throw new PhraseError(
      `"${said[0].text}" and "${other.text}" contradict each other: upgrades are either automatic for patch versions or manual`,
    );
  }
  const securityOnly =
    said.some(m => m.securityOnly) ||
    modes.some(m => m.says === 'security-only');
  if (said[0].mode === 'manual' && securityOnly) {
    throw new PhraseError(
      'Security fixes only applies to automatic patch upgrades, not to manual ones',
    );
  }
  return { mode: said[0].mode, securityOnly };
}

/** Each window without a zone takes the zone of the next window that has one. */
function windowsOf(clauses: WindowClause[]) {
  let zone: ZoneClause | undefined;
  const read = [];
  for (const clause of [...clauses].reverse()) {
    const own = hasZone(clause);
    const window = windowOfClause(clause, own ? undefined : zone);
    if (own) {
      const { timeZone, zoneAbbreviation } = window.window;
      zone = { token: zoneAbbreviation ?? timeZone, timeZone };
    }
    read.unshift(window);
  }
  return read;
}

function describe(
  mode: UpgradePolicyMode,
  securityOnly: boolean,
  phrases: string[],
) {
  if (mode === 'manual') return 'manual';
  const what = securityOnly ? 'auto-patch (security fixes only)' : 'auto-patch';
  return `${what} in ${phrases.join('; ')}`;
}

/**
 * Reads an upgrade instruction as people write it, e.g. "Upgrade patch
 * versions automatically only on Sundays from 2 am IST to 3 am IST", into a
 * policy: auto-patch in Sun 02:00-03:00 Asia/Kolkata (IST). A deterministic
 * grammar, not a guess: what it cannot read is refused with one message
 * naming the part. The grammar: docs/maintenance-windows.md.
 * @public
 */
export function parseUpgradeInstruction(
  instruction: string,
): UpgradeInstructionResult {
  try {
    const clauses = readClauses(instruction);
    const { mode, securityOnly } = modeOf(clauses.modes);
    const windows = windowsOf(clauses.windows);
    if (mode === 'manual' && windows.length > 0) {
      throw new PhraseError(
        `Manual upgrades have no maintenance window: leave out "${clauses.windows[0].text}", or upgrade "patch versions automatically" in it`,
      );
    }
    if (mode === 'auto-patch' && windows.length === 0) {
      throw new PhraseError(
        'No maintenance window: say when, e.g. "on Sundays from 2 am to 3 am IST"',
      );
    }
    const phrases = windows.map(w => w.phrase);
    return {
      ok: true,
      mode,
      securityOnly,
      windows,
      normalized: describe(mode, securityOnly, phrases),
      notes: [...new Set(windows.flatMap(w => w.notes))],
    };
  } catch (error) {
    if (error instanceof PhraseError)
      return { ok: false, error: error.message };
    throw error;
  }
}
