/**
 * Which crisis line a texter gets, read from the country code of their number (docs/safety.md).
 * Only the region is derived; the number itself goes no further than the identity HMAC.
 */
import type { CrisisRegion } from '../../core/types.ts';

/**
 * Canadian area codes inside the +1 plan. US and Canada share 988, so a miss here costs
 * nothing; it only keeps the region honest.
 */
const CANADIAN_AREA_CODES = new Set([
  '204',
  '226',
  '236',
  '249',
  '250',
  '257',
  '263',
  '289',
  '306',
  '343',
  '354',
  '365',
  '367',
  '368',
  '382',
  '387',
  '403',
  '416',
  '418',
  '428',
  '431',
  '437',
  '438',
  '450',
  '460',
  '468',
  '474',
  '506',
  '514',
  '519',
  '548',
  '579',
  '581',
  '584',
  '587',
  '604',
  '613',
  '639',
  '647',
  '672',
  '683',
  '705',
  '709',
  '742',
  '753',
  '778',
  '780',
  '782',
  '807',
  '819',
  '825',
  '867',
  '873',
  '879',
  '902',
  '905',
  '942',
]);

/**
 * Countries that share the +1 plan but not 988 (the Caribbean and Bermuda). Telling
 * someone in Jamaica to call 988 would give them a number that does not reach help there;
 * they get the local emergency number instead. US territories (Puerto Rico, Guam, USVI...)
 * do reach 988 and stay US.
 */
const NON_988_AREA_CODES = new Set([
  '242',
  '246',
  '264',
  '268',
  '284',
  '345',
  '441',
  '473',
  '649',
  '658',
  '664',
  '721',
  '758',
  '767',
  '784',
  '809',
  '829',
  '849',
  '868',
  '869',
  '876',
]);

/** Longest prefix first, so +353 is Ireland rather than a +35x guess. */
const COUNTRY_CODES: ReadonlyArray<readonly [string, CrisisRegion]> = [
  ['+353', 'IE'],
  ['+44', 'GB'],
  ['+61', 'AU'],
  ['+64', 'NZ'],
  ['+91', 'IN'],
];

/** The crisis region for an E.164 number such as `+14155550100`; `OTHER` when unknown. */
export function regionForPhone(phone: string): CrisisRegion {
  const e164 = phone.replace(/[\s().-]/g, '');
  if (/^\+1\d{10}$/.test(e164)) {
    const areaCode = e164.slice(2, 5);
    if (NON_988_AREA_CODES.has(areaCode)) return 'OTHER';
    return CANADIAN_AREA_CODES.has(areaCode) ? 'CA' : 'US';
  }
  for (const [prefix, region] of COUNTRY_CODES) {
    if (e164.startsWith(prefix)) return region;
  }
  return 'OTHER';
}
