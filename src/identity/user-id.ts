/**
 * A person's user id: HMAC-SHA256(pepper, "<channel>:<identity>") in hex. The raw
 * identity (a phone number, an Alexa userId) is never a key and never logged; without
 * the pepper the id cannot be traced back to a number.
 */
import { createHmac } from 'node:crypto';
import { e164 } from './phone.ts';

export type IdentityChannel = 'sms' | 'alexa' | 'chat';

/**
 * The user id for a channel identity. SMS numbers are read in one way (`e164`), so
 * "whatsapp:+15550100000", "+1 (555) 010-0000" and "+15550100000" are the same person; a
 * sender that is not a phone number has no user id (NotAPhoneNumberError).
 */
export function userIdFor(pepper: string | Buffer, channel: IdentityChannel, identity: string): string {
  const normalised = channel === 'sms' ? e164(identity) : identity;
  if (normalised === null) throw new NotAPhoneNumberError();
  return createHmac('sha256', pepper).update(`${channel}:${normalised}`).digest('hex');
}

/** An SMS identity that is not a phone number (its text is not kept: it may be anything). */
export class NotAPhoneNumberError extends Error {
  constructor() {
    super('The SMS identity is not a phone number');
    this.name = 'NotAPhoneNumberError';
  }
}
