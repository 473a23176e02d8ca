/**
 * How a zone abbreviation in a phrase is read. Abbreviations are not unique
 * (IST is India, Ireland and Israel), so each is resolved to one documented
 * IANA zone; `alsoUsedFor` lists the readings it is not, so the echo can say
 * so. An abbreviation stands for the region's local time including its DST:
 * "EST" in July is New York's clock, then on EDT.
 * @public
 */
export interface ZoneAbbreviation {
  timeZone: string;
  meaning: string;
  alsoUsedFor?: string[];
}

/**
 * The abbreviations phrases may use, upper case. Anything else must be an
 * IANA zone name.
 * @public
 */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, ZoneAbbreviation>> = {
  UTC: { timeZone: 'UTC', meaning: 'Coordinated Universal Time' },
  GMT: {
    timeZone: 'UTC',
    meaning: 'Greenwich Mean Time (UTC, no DST)',
    alsoUsedFor: ['London local time (Europe/London)'],
  },
  Z: { timeZone: 'UTC', meaning: 'UTC (Zulu)' },
  IST: {
    timeZone: 'Asia/Kolkata',
    meaning: 'India Standard Time',
    alsoUsedFor: [
      'Irish Standard Time (Europe/Dublin)',
      'Israel Standard Time (Asia/Jerusalem)',
    ],
  },
  CST: {
    timeZone: 'America/Chicago',
    meaning: 'US Central Time',
    alsoUsedFor: [
      'China Standard Time (Asia/Shanghai)',
      'Cuba Standard Time (America/Havana)',
    ],
  },
  CDT: { timeZone: 'America/Chicago', meaning: 'US Central Time' },
  BST: {
    timeZone: 'Europe/London',
    meaning: 'British Summer Time (London local time)',
    alsoUsedFor: ['Bangladesh Standard Time (Asia/Dhaka)'],
  },
  AST: {
    timeZone: 'America/Halifax',
    meaning: 'Atlantic Time',
    alsoUsedFor: ['Arabia Standard Time (Asia/Riyadh)'],
  },
  EST: { timeZone: 'America/New_York', meaning: 'US Eastern Time' },
  EDT: { timeZone: 'America/New_York', meaning: 'US Eastern Time' },
  MST: {
    timeZone: 'America/Denver',
    meaning: 'US Mountain Time',
    alsoUsedFor: ['Arizona, without DST (America/Phoenix)'],
  },
  MDT: { timeZone: 'America/Denver', meaning: 'US Mountain Time' },
  PST: { timeZone: 'America/Los_Angeles', meaning: 'US Pacific Time' },
  PDT: { timeZone: 'America/Los_Angeles', meaning: 'US Pacific Time' },
  AKST: { timeZone: 'America/Anchorage', meaning: 'Alaska Time' },
  HST: { timeZone: 'Pacific/Honolulu', meaning: 'Hawaii Time' },
  WET: { timeZone: 'Europe/Lisbon', meaning: 'Western European Time' },
  CET: {
    timeZone: 'Europe/Berlin',
    meaning: 'Central European Time',
  },
  CEST: { timeZone: 'Europe/Berlin', meaning: 'Central European Time' },
  EET: { timeZone: 'Europe/Athens', meaning: 'Eastern European Time' },
  EEST: { timeZone: 'Europe/Athens', meaning: 'Eastern European Time' },
  MSK: { timeZone: 'Europe/Moscow', meaning: 'Moscow Time' },
  PKT: { timeZone: 'Asia/Karachi', meaning: 'Pakistan Standard Time' },
  SGT: { timeZone: 'Asia/Singapore', meaning: 'Singapore Time' },
  HKT: { timeZone: 'Asia/Hong_Kong', meaning: 'Hong Kong Time' },
  JST: { timeZone: 'Asia/Tokyo', meaning: 'Japan Standard Time' },
  KST: { timeZone: 'Asia/Seoul', meaning: 'Korea Standard Time' },
  AWST: { timeZone: 'Australia/Perth', meaning: 'Australian Western Time' },
  ACST: { timeZone: 'Australia/Adelaide', meaning: 'Australian Central Time' },
  AEST: { timeZone: 'Australia/Sydney', meaning: 'Australian Eastern Time' },
  AEDT: { timeZone: 'Australia/Sydney', meaning: 'Australian Eastern Time' },
  LHST: { timeZone: 'Australia/Lord_Howe', meaning: 'Lord Howe Time' },
  NZST: { timeZone: 'Pacific/Auckland', meaning: 'New Zealand Time' },
  NZDT: { timeZone: 'Pacific/Auckland', meaning: 'New Zealand Time' },
  BRT: { timeZone: 'America/Sao_Paulo', meaning: 'Brasília Time' },
};
