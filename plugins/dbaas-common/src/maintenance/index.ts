export * from './types';
export * from './zoneAbbreviations';
export { resolveWallTime, wallTimeAt } from './resolveWallTime';
export { parseWindowPhrase, MAX_PHRASE_LENGTH } from './parseWindowPhrase';
export { formatWindow, windowLengthMinutes } from './formatWindow';
export { openingsOf, nextOpenings, openingsBetween } from './openings';
export { isOpen, openingAt, remainingOpenTime } from './isOpen';
export { describeOpening } from './describeOpening';
export * from './upgradePolicy';
export * from './upgradePolicySchema';
export * from './planOpenings';
export {
  parseUpgradeInstruction,
  MAX_INSTRUCTION_LENGTH,
} from './parseUpgradeInstruction';
export type { UpgradeInstructionResult } from './parseUpgradeInstruction';
