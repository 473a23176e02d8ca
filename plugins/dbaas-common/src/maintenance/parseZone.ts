import { IANAZone } from 'luxon';
import { PhraseError } from './phraseError';
import { ZONE_ABBREVIATIONS } from './zoneAbbreviations';

/** A zone as a phrase named it. */
export interface ParsedZone {
  timeZone: string;
  abbreviation?: string;
  notes: string[];
}

function resolvedName(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions()
    .timeZone;
}

function supportedZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

/**
 * The spelling to show for a valid IANA name typed in any case. Intl answers
 * with ICU's legacy names (Asia/Calcutta for Asia/Kolkata), so the typed name
 * is kept when it was written with capitals, and otherwise capitalised.
 */
function canonicalSpelling(typed: string): string {
  if (resolvedName(typed) === 'UTC') return 'UTC';
  if (typed !== typed.toLowerCase() && typed !== typed.toUpperCase()) {
    return typed;
  }
  const lower = typed.toLowerCase();
  const listed = supportedZones().find(zone => zone.toLowerCase() === lower);
  if (listed) return listed;
  const capitalised = lower.replace(
    /(^|[/_-])([a-z])/g,
    (_, sep, letter) => sep + letter.toUpperCase(),
  );
  return IANAZone.isValidZone(capitalised) ? capitalised : typed;
}

function abbreviationNote(abbreviation: string): string[] {
  const entry = ZONE_ABBREVIATIONS[abbreviation];
  if (!entry.alsoUsedFor) return [];
  return [
    `${abbreviation} is read as ${entry.meaning} (${
      entry.timeZone
    }), not ${entry.alsoUsedFor.join(' or ')}; name the zone to choose another`,
  ];
}

function zoneOfToken(token: string): ParsedZone {
  const upper = token.toUpperCase();
  const entry = ZONE_ABBREVIATIONS[upper];
  if (entry) {
    return entry.timeZone === 'UTC'
      ? { timeZone: 'UTC', notes: abbreviationNote(upper) }
      : {
          timeZone: entry.timeZone,
          abbreviation: upper,
          notes: abbreviationNote(upper),
        };
  }
  if (IANAZone.isValidZone(token)) {
    return { timeZone: canonicalSpelling(token), notes: [] };
  }
  if (/^[a-z]{2,5}$/i.test(token)) {
    throw new PhraseError(
      `Unknown zone abbreviation "${token}": use an IANA zone such as Asia/Kolkata, or a known abbreviation such as UTC, IST, CET, EST or PST`,
    );
  }
  throw new PhraseError(
    `Unknown time zone "${token}": use an IANA zone such as Europe/Berlin or an abbreviation such as UTC`,
  );
}

/**
 * Reads the zone at the end of a phrase: an IANA name, or an abbreviation
 * from {@link ZONE_ABBREVIATIONS}, optionally followed by the abbreviation in
 * parentheses as the normal form writes it ("Asia/Kolkata (IST)"), which
 * must name the same zone.
 */
export function parseZone(token: string, label?: string): ParsedZone {
  const zone = zoneOfToken(token);
  if (label === undefined) return zone;
  const upper = label.toUpperCase();
  const entry = ZONE_ABBREVIATIONS[upper];
  if (!entry || entry.timeZone !== zone.timeZone) {
    throw new PhraseError(
      `"(${label})" does not name ${zone.timeZone}; leave it out or use the zone it stands for`,
    );
  }
  if (entry.timeZone === 'UTC') return { timeZone: 'UTC', notes: [] };
  return { timeZone: zone.timeZone, abbreviation: upper, notes: [] };
}
