import { ModeWords } from './readModeClause';
import { PhraseError } from './phraseError';
import { UpgradePolicyMode } from './upgradePolicy';

/** What one clause about upgrades says. */
export type ModeClause =
  | {
      says: 'mode';
      mode: UpgradePolicyMode;
      securityOnly: boolean;
      text: string;
    }
  /** "only security fixes": narrows automatic patch upgrades. */
  | { says: 'security-only'; text: string }
  /** "never minor or major": true of every policy, so it changes nothing. */
  | { says: 'nothing-new'; text: string };

const saysHow = (w: ModeWords) => w.automatic || w.manual;

/**
 * "Apply patches on Sundays 2-3am IST automatically": a clause that says
 * only what, followed by one that says only how, are one clause split by
 * the schedule.
 */
export function joinSplitClauses(clauses: ModeWords[]): ModeWords[] {
  const joined: ModeWords[] = [];
  for (const clause of clauses) {
    const previous = joined[joined.length - 1];
    const howOnly =
      !clause.negated && saysHow(clause) && clause.kinds.length === 0;
    const whatOnly =
      previous !== undefined &&
      !previous.negated &&
      !saysHow(previous) &&
      previous.kinds.length > 0;
    if (howOnly && whatOnly) {
      joined[joined.length - 1] = {
        ...previous,
        automatic: clause.automatic,
        manual: clause.manual,
        text: `${previous.text} ... ${clause.text}`,
      };
    } else {
      joined.push(clause);
    }
  }
  return joined;
}

/** What the words of a clause mean, or why they cannot be taken. */
export function meaningOf(words: ModeWords): ModeClause {
  const { text, kinds, automatic, manual } = words;
  const minorOrMajor = kinds.some(k => k === 'minor' || k === 'major');
  const onlyMinorOrMajor =
    minorOrMajor && !kinds.some(k => k === 'patch' || k === 'security');
  const named = kinds.filter(k => k !== 'any');
  if (automatic && manual) {
    throw new PhraseError(`"${text}" says both automatically and manually`);
  }
  if (words.negated) {
    if (onlyMinorOrMajor) return { says: 'nothing-new', text };
    if (automatic) {
      return { says: 'mode', mode: 'manual', securityOnly: false, text };
    }
    throw new PhraseError(
      `Cannot read "${text}": for upgrades only when someone starts them write "manually" or "never automatically"`,
    );
  }
  if (automatic) {
    if (minorOrMajor) {
      throw new PhraseError(
        `Minor and major upgrades are never automatic ("${text}"): only patch versions are upgraded automatically; start minor and major upgrades from the Upgrades card`,
      );
    }
    if (named.length === 0) {
      throw new PhraseError(
        `"${text}" does not say which upgrades: write "patch versions automatically" (minor and major upgrades are never automatic)`,
      );
    }
    const securityOnly = named.every(k => k === 'security');
    return { says: 'mode', mode: 'auto-patch', securityOnly, text };
  }
  if (manual) {
    if (onlyMinorOrMajor) return { says: 'nothing-new', text };
    return { says: 'mode', mode: 'manual', securityOnly: false, text };
  }
  if (named.length > 0 && named.every(k => k === 'security')) {
    return { says: 'security-only', text };
  }
  throw new PhraseError(
    `"${text}" does not say how: write "automatically" or "manually"`,
  );
}
