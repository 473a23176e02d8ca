import { PhraseError } from './phraseError';
import { isGrammarWord } from './instructionWords';
import { ZONE_ABBREVIATIONS } from './zoneAbbreviations';

/**
 * One piece of an instruction. `zone` is a token that can only be a time
 * zone: an IANA name (it holds a "/"), a known abbreviation, or an unknown
 * one typed in capitals (so that the zone reader can name it).
 */
export interface InstructionToken {
  kind: 'word' | 'number' | 'zone' | 'label' | 'dash' | 'separator';
  /** As typed. */
  text: string;
  /** Lower case, for matching words. */
  lower: string;
  /** Where it starts in the normalised instruction, for quoting the rest. */
  at: number;
}

/** Words that carry no meaning in an instruction and are left out. */
const FILLER = new Set(['only', 'the', 'please']);

const TOKEN =
  /\(([^()\s]*)\)|[a-z][\w+-]*\/[\w+/-]*|\d+(?::\d+)?|[a-z]+(?:'[a-z]+)?|-|[,;.:&]|\S/gi;

/** Spellings read as one: "a.m.", "auto-patch", curly apostrophes and dashes. */
export function normaliseInstruction(instruction: string): string {
  return instruction
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2019/g, "'")
    .replace(/\b([ap])\.m\.?(?=\s|$|[,;)])/gi, '$1m')
    .replace(/\bauto-?(patch)/gi, 'auto $1')
    .replace(/\bpatch-level\b/gi, 'patch level');
}

function kindOf(text: string): InstructionToken['kind'] {
  if (/^\d/.test(text)) return 'number';
  if (text.startsWith('(')) return 'label';
  if (text === '-') return 'dash';
  if (/^[,;.:]$/.test(text)) return 'separator';
  if (text.includes('/')) return 'zone';
  if (isGrammarWord(text.toLowerCase())) return 'word';
  if (ZONE_ABBREVIATIONS[text.toUpperCase()]) return 'zone';
  if (/^[A-Z]{2,5}$/.test(text)) return 'zone';
  if (/^[a-z]/i.test(text)) return 'word';
  throw new PhraseError(
    `Cannot read "${text}": an instruction is words, times such as 2am or 02:00, and a time zone`,
  );
}

/** Splits a normalised instruction into tokens, leaving out filler words. */
export function tokenizeInstruction(text: string): InstructionToken[] {
  const tokens: InstructionToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0] === '&' ? 'and' : match[0];
    const kind = kindOf(raw);
    const lower = raw.toLowerCase();
    if (kind === 'word' && FILLER.has(lower)) continue;
    tokens.push({ kind, text: raw, lower, at: match.index! });
  }
  return tokens;
}
