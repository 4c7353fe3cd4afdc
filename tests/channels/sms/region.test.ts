import { describe, expect, it } from 'vitest';
import { regionForPhone } from '../../../src/channels/sms/region.ts';

describe('regionForPhone', () => {
  it.each([
    ['+14155550100', 'US'],
    ['+14165550100', 'CA'],
    ['+447700900123', 'GB'],
    ['+353851234567', 'IE'],
    ['+61412345678', 'AU'],
    ['+64211234567', 'NZ'],
    ['+919812345678', 'IN'],
    ['+33612345678', 'OTHER'],
    // +1 but not 988: Jamaica, the Bahamas, the Dominican Republic get their local number.
    ['+18765550100', 'OTHER'],
    ['+12425550100', 'OTHER'],
    ['+18095550100', 'OTHER'],
    // A US territory reaches 988.
    ['+17875550100', 'US'],
    ['+35512345678', 'OTHER'],
    ['not a number', 'OTHER'],
  ])('gives %s the crisis line of %s', (phone, region) => {
    expect(regionForPhone(phone)).toBe(region);
  });

  it('reads a number written with spaces and brackets', () => {
    expect(regionForPhone('+1 (415) 555-0100')).toBe('US');
  });
});
