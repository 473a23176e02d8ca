import { InstructionReader } from './instructionReader';

/** What is upgraded. */
export type Kind = 'patch' | 'security' | 'minor' | 'major' | 'any';

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

/** The words of one clause about upgrades, before they are interpreted. */
export interface ModeWords {
  text: string;
  negated: boolean;
  automatic: boolean;
  manual: boolean;
  kinds: Kind[];
}

/**
 * Reads one clause about what is upgraded and how: a verb (optional), what
 * (patch versions, security fixes, minor or major versions) and how
 * (automatically, manually), in either order, perhaps negated ("never
 * automatically", "never minor or major").
 */
export function readModeClause(reader: InstructionReader): ModeWords {
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
  return { text: reader.slice(start), negated, automatic, manual, kinds };
}
