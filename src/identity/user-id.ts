/**
 * A person's user id: HMAC-SHA256(pepper, "<channel>:<identity>") in hex. The raw
 * identity (a phone number, an Alexa userId) is never a key and never logged; without
 * the pepper the id cannot be traced back to a number.
 */
import { createHmac } from 'node:crypto';

export type IdentityChannel = 'sms' | 'alexa' | 'chat';

/**
 * The user id for a channel identity. SMS numbers are normalised to "+" and digits, so
 * "+1 (555) 010-0000" and "+15550100000" are the same person.
 */
export function userIdFor(pepper: string | Buffer, channel: IdentityChannel, identity: string): string {
  const normalised = channel === 'sms' ? normalisePhone(identity) : identity;
  return createHmac('sha256', pepper).update(`${channel}:${normalised}`).digest('hex');
}

/** Keeps a leading "+" and the digits of a phone number. */
export function normalisePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
