/**
 * Time zones by the words people use for them ("Pacific", "I'm in Denver", "time zone
 * eastern"), and how a zone is named back to them. Vocabulary as data; the first guess from
 * the phone number is made by the SMS channel (src/channels/sms/time-zone-guess.ts).
 */
import { isTimeZone } from './schedule.ts';

/** Place or zone words -> IANA zone. Longest phrases are tried first. */
const ZONE_WORDS: Readonly<Record<string, readonly string[]>> = {
  'America/Los_Angeles': [
    'pacific',
    'pst',
    'pdt',
    'pt',
    'west coast',
    'california',
    'los angeles',
    'la',
    'san francisco',
    'sf',
    'bay area',
    'san diego',
    'san jose',
    'sacramento',
    'seattle',
    'washington state',
    'portland',
    'oregon',
    'las vegas',
    'vegas',
    'nevada',
  ],
  'America/Denver': [
    'mountain',
    'mst',
    'mdt',
    'mt',
    'denver',
    'colorado',
    'salt lake city',
    'salt lake',
    'utah',
    'albuquerque',
    'new mexico',
    'boise',
    'idaho',
    'montana',
    'wyoming',
    'el paso',
  ],
  'America/Phoenix': ['arizona', 'phoenix', 'tucson'],
  'America/Chicago': [
    'central',
    'cst',
    'cdt',
    'ct',
    'chicago',
    'illinois',
    'texas',
    'houston',
    'dallas',
    'austin',
    'san antonio',
    'minneapolis',
    'minnesota',
    'st louis',
    'saint louis',
    'missouri',
    'kansas city',
    'kansas',
    'new orleans',
    'louisiana',
    'nashville',
    'memphis',
    'milwaukee',
    'wisconsin',
    'iowa',
    'oklahoma',
    'arkansas',
    'alabama',
    'mississippi',
    'nebraska',
    'winnipeg',
  ],
  'America/New_York': [
    'eastern',
    'est',
    'edt',
    'et',
    'east coast',
    'new york',
    'nyc',
    'ny',
    'new jersey',
    'boston',
    'massachusetts',
    'philadelphia',
    'philly',
    'pennsylvania',
    'pittsburgh',
    'washington dc',
    'dc',
    'baltimore',
    'maryland',
    'virginia',
    'atlanta',
    'georgia',
    'miami',
    'florida',
    'orlando',
    'tampa',
    'charlotte',
    'north carolina',
    'south carolina',
    'ohio',
    'cleveland',
    'columbus',
    'detroit',
    'michigan',
    'indianapolis',
    'indiana',
    'connecticut',
    'maine',
    'vermont',
    'new hampshire',
    'rhode island',
    'delaware',
    'kentucky',
    'louisville',
  ],
  'America/Toronto': ['toronto', 'ontario', 'ottawa', 'montreal', 'quebec'],
  'America/Vancouver': ['vancouver', 'british columbia', 'bc', 'victoria'],
  'America/Edmonton': ['edmonton', 'calgary', 'alberta'],
  'America/Regina': ['saskatchewan', 'regina', 'saskatoon'],
  'America/Halifax': ['atlantic', 'halifax', 'nova scotia', 'new brunswick', 'pei'],
  'America/St_Johns': ['newfoundland', 'st johns'],
  'America/Anchorage': ['alaska', 'anchorage', 'akst'],
  'Pacific/Honolulu': ['hawaii', 'honolulu', 'hst'],
  'America/Puerto_Rico': ['puerto rico', 'san juan'],
  'Europe/London': ['uk', 'london', 'england', 'scotland', 'wales', 'britain', 'gmt', 'bst'],
  'Europe/Dublin': ['ireland', 'dublin'],
  'Australia/Sydney': ['sydney', 'melbourne', 'canberra', 'aest'],
  'Australia/Brisbane': ['brisbane', 'queensland'],
  'Australia/Perth': ['perth'],
  'Pacific/Auckland': ['new zealand', 'nz', 'auckland', 'wellington'],
  'Asia/Kolkata': ['india', 'ist', 'delhi', 'mumbai', 'bangalore', 'bengaluru', 'chennai', 'kolkata'],
  UTC: ['utc'],
};

/** How a zone is named back: "Pacific time", "Mountain time (Arizona)". */
const ZONE_NAMES: Readonly<Record<string, string>> = {
  'America/Los_Angeles': 'Pacific time',
  'America/Vancouver': 'Pacific time',
  'America/Denver': 'Mountain time',
  'America/Edmonton': 'Mountain time',
  'America/Phoenix': 'Arizona time',
  'America/Chicago': 'Central time',
  'America/Winnipeg': 'Central time',
  'America/Regina': 'Saskatchewan time',
  'America/New_York': 'Eastern time',
  'America/Toronto': 'Eastern time',
  'America/Halifax': 'Atlantic time',
  'America/St_Johns': 'Newfoundland time',
  'America/Anchorage': 'Alaska time',
  'Pacific/Honolulu': 'Hawaii time',
  'America/Puerto_Rico': 'Atlantic time (Puerto Rico)',
  'Europe/London': 'UK time',
  'Europe/Dublin': 'Irish time',
  'Australia/Sydney': 'Sydney time',
  'Australia/Brisbane': 'Brisbane time',
  'Australia/Perth': 'Perth time',
  'Pacific/Auckland': 'New Zealand time',
  'Asia/Kolkata': 'India time',
  UTC: 'UTC',
};

const BY_WORD: ReadonlyArray<readonly [string, string]> = Object.entries(ZONE_WORDS)
  .flatMap(([zone, words]) => words.map((w) => [w, zone] as const))
  .sort((a, b) => b[0].length - a[0].length);

/** The zone a place or zone word names ("denver", "pacific"), or undefined. */
export function zoneOfWords(words: string): string | undefined {
  const bare = words
    .toLowerCase()
    .replace(/[.']/g, '')
    .replace(/\s+time$/, '')
    .replace(/^the\s+/, '')
    .trim();
  const found = BY_WORD.find(([word]) => word === bare)?.[1];
  if (found) return found;
  // An IANA name typed as such ("America/Denver").
  return /^[A-Za-z_]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?$/.test(words.trim()) && isTimeZone(words.trim())
    ? words.trim()
    : undefined;
}

/** "Pacific time"; an IANA zone without a plain name is said as itself. */
export function zoneName(zone: string): string {
  return ZONE_NAMES[zone] ?? zone.replace(/_/g, ' ');
}

/**
 * "I'm in Denver", "time zone Pacific", "my timezone is eastern", "I live in Texas",
 * "change my time zone to central", "Mountain time": the zone, or undefined.
 */
export function zoneChangeOf(message: string): string | undefined {
  const text = message
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[!?,.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const patterns = [
    /^(?:i'?m|im|i am|i live|we'?re|we are) (?:in|on|near) (.+?)(?: now| these days)?$/,
    /^(?:(?:please )?(?:change|set|switch|update|make) )?(?:my |the )?time ?zone(?: is| to|:)? (.+)$/,
    /^(?:it'?s|its) (.+ time) (?:here|for me)$/,
    /^(.+ time)$/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const zone = match?.[1] ? zoneOfWords(match[1]) : undefined;
    if (zone) return zone;
  }
  return undefined;
}
