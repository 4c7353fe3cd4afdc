/**
 * One reading of a sender's phone number, for the webhook and `npm run export` alike, so
 * one person is one user id however the number arrives: "whatsapp:+15550100000",
 * "+1 (555) 010-0000" and "5550100000" are the same person.
 */

/** Channel prefixes Twilio puts before a number ("whatsapp:+1...", "messenger:" is not a phone). */
const PHONE_PREFIX = /^(?:whatsapp|sms|mms|tel|rcs):/i;
/** What may sit between the digits of a written number. */
const SEPARATORS = /[\s().-]/g;

/**
 * The E.164 form of a sender ("+15550100000"), or null when it is not a phone number (an
 * alphanumeric sender, an empty From, a channel address): such a sender gets no user id.
 * A ten-digit number without a country code is read as North American (+1).
 */
export function e164(from: string): string | null {
  const bare = from.trim().replace(PHONE_PREFIX, '').replace(SEPARATORS, '');
  const international = /^\+(\d{8,15})$/.exec(bare);
  if (international) return `+${international[1]}`;
  if (/^\d{10}$/.test(bare)) return `+1${bare}`;
  if (/^1\d{10}$/.test(bare)) return `+${bare}`;
  return null;
}
