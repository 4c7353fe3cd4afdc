/**
 * Twilio's fallback URL: whatever arrives, the kind fallback with the crisis lines, as TwiML
 * a phone can receive in one text.
 */
import { describe, expect, it } from 'vitest';
import { handler } from '../../lambda/sms-fallback.ts';
import { gsm7Length, isGsm7, MAX_MESSAGE_SEPTETS } from '../../src/channels/sms/render-twiml.ts';

const xmlText = (xml: string) =>
  xml
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('the SMS fallback URL', () => {
  it('answers TwiML with one message carrying 988, 741741 and 911', async () => {
    // Act
    const result = await handler();

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toBe('text/xml');
    const match =
      /^<\?xml version="1\.0" encoding="UTF-8"\?><Response><Message>([^<>]*)<\/Message><\/Response>$/.exec(
        result.body ?? '',
      );
    expect(match).not.toBeNull();
    const text = xmlText(match?.[1] ?? '');
    expect(text).toMatch(/^Sorry, something went wrong on my side\./);
    expect(text).toContain('call or text 988');
    expect(text).toContain('741741');
    expect(text).toContain('911');
    // One GSM-7 text of at most two segments: no UCS-2 fragments.
    expect(isGsm7(text)).toBe(true);
    expect(gsm7Length(text)).toBeLessThanOrEqual(MAX_MESSAGE_SEPTETS);
  });

  it('answers every request the same, with nothing read from it', async () => {
    expect(await handler()).toEqual(await handler());
  });
});
