import { InstructionReader } from './instructionReader';
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

type Kind = 'patch' | 'security' | 'minor' | 'major' | 'any';

const KIND_OF: Record<string, Kind> = {
  patch: 'patch',
  patches: 'patch',
  security: 'security',
  minor: 'minor',
  major: 'major',
};

/**
 * What is upgraded: "patch versions", "security fixes", "minor or major
 * versions", or just "upgrades" (kind any).
 */
function readObject(reader: InstructionReader): Kind[] {
  reader.take('objectPrefix');
  const kinds: Kind[] = [];
  if (reader.at('kind')) {
    kinds.push(KIND_OF[reader.next().lower]);
    while (reader.at('kindJoin') && reader.at('kind', 1)) {
      reader.next();
      kinds.push(KIND_OF[reader.next().lower]);
    }
  }
  let nouns = 0;
  while (reader.take('noun')) nouns += 1;
  return kinds.length === 0 && nouns > 0 ? ['any'] : kinds;
}

function atObject(reader: InstructionReader, offset = 0): boolean {
  return (
    reader.at('kind', offset) ||
    reader.at('noun', offset) ||
    reader.at('objectPrefix', offset)
  );
}

/** Whether a clause about upgrades starts here. */
export function atModeClause(reader: InstructionReader): boolean {
  return (
    reader.at('verb') ||
    reader.at('automatic') ||
    reader.at('manual') ||
    reader.at('negation') ||
    atObject(reader)
  );
}

/**
 * Reads one clause about what is upgraded and how: a verb (optional), what
 * (patch versions, security fixes, minor or major versions) and how
 * (automatically, manually), in either order, perhaps negated ("never
 * automatically", "never minor or major").
 */
export function readModeClause(reader: InstructionReader): ModeClause {
  const start = reader.position;
  let negated = false;
  while (reader.take('negation')) negated = true;
  let automatic = false;
  let manual = false;
  const kinds: Kind[] = [];
  for (;;) {
    if (reader.take('verb')) continue;
    if (reader.take('automatic')) automatic = true;
    else if (reader.take('manual')) manual = true;
    else if (atObject(reader)) kinds.push(...readObject(reader));
    // "upgrade automatically to new patch versions"
    else if (reader.peek()?.lower === 'to' && atObject(reader, 1))
      reader.next();
    else break;
  }
  const text = reader.slice(start);
  const minorOrMajor = kinds.some(k => k === 'minor' || k === 'major');
  const named = kinds.filter(k => k !== 'any');
  if (automatic && manual) {
    reader.fail(`"${text}" says both automatically and manually`);
  }
  if (negated) {
    if (minorOrMajor && !kinds.some(k => k === 'patch' || k === 'security')) {
      return { says: 'nothing-new', text };
    }
    if (automatic) {
      return { says: 'mode', mode: 'manual', securityOnly: false, text };
    }
    return reader.fail(
      `Cannot read "${text}": for upgrades only when someone starts them write "manually" or "never automatically"`,
    );
  }
  if (automatic) {
    if (minorOrMajor) {
      reader.fail(
        `Minor and major upgrades are never automatic ("${text}"): only patch versions are upgraded automatically; start minor and major upgrades from the Upgrades card`,
      );
    }
    if (named.length === 0) {
      reader.fail(
        `"${text}" does not say which upgrades: write "patch versions automatically" (minor and major upgrades are never automatic)`,
      );
    }
    const securityOnly = named.every(k => k === 'security');
    return { says: 'mode', mode: 'auto-patch', securityOnly, text };
  }
  if (manual) {
    if (minorOrMajor && !kinds.some(k => k === 'patch' || k === 'security')) {
      return { says: 'nothing-new', text };
    }
    return { says: 'mode', mode: 'manual', securityOnly: false, text };
  }
  if (named.length > 0 && named.every(k => k === 'security')) {
    return { says: 'security-only', text };
  }
  return reader.fail(
    `"${text}" does not say how: write "automatically" or "manually"`,
  );
}
