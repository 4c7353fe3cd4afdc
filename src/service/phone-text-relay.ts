/**
 * Texting a linked phone from the Alexa function on AWS (issue 13), without giving that
 * function the phone numbers. Only the reminders function may decrypt a sealed number and
 * holds the Twilio credentials (cdk/check-in-stack.ts), so the Alexa function asks it, by a
 * synchronous Lambda invoke, to text the person: the request names the person and what to
 * send (the crisis numbers for a region, or a reply such as "text me my summary"), never a
 * number. The answer says whether every text was accepted, so the skill still says "I've
 * texted you" only for a text that went. Locally (`npm start`) the same texters run in
 * process and no relay is needed.
 */
import type { CrisisRegion, Reply } from '../core/types.ts';
import { errorName, type Logger } from '../observability/log.ts';
import type { CrisisTexter, PhoneTexter } from './crisis-text.ts';

/** What the Alexa function asks the reminders function for. */
export type PhoneTextRequest = {
  kind: 'phone-text';
  personId: string;
  now: string;
} & ({ what: 'crisis'; region: CrisisRegion } | { what: 'reply'; reply: Reply });

export interface PhoneTextAnswer {
  sent: boolean;
}

/** Sends a request to the reminders function and returns its answer (a Lambda invoke on AWS). */
export type PhoneTextInvoker = (request: PhoneTextRequest) => Promise<PhoneTextAnswer>;

const REGIONS: ReadonlySet<string> = new Set<CrisisRegion>([
  'US',
  'CA',
  'GB',
  'IE',
  'AU',
  'NZ',
  'IN',
  'OTHER',
]);

/** The Alexa side: texters that relay to the function holding the numbers. */
export function createRelayedTexters(
  invoke: PhoneTextInvoker,
  logger: Logger,
): {
  crisisTexter: CrisisTexter;
  phoneTexter: PhoneTexter;
} {
  const ask = async (request: PhoneTextRequest): Promise<boolean> => {
    try {
      return (await invoke(request)).sent === true;
    } catch (error) {
      // The reply just does not claim a text. The event only: no person, no words.
      logger.warn({ event: 'phone-text-relay-failed', channel: 'alexa', error: errorName(error) });
      return false;
    }
  };
  return {
    crisisTexter: (personId, region, now) =>
      ask({ kind: 'phone-text', personId, now, what: 'crisis', region }),
    phoneTexter: (personId, reply, now) => ask({ kind: 'phone-text', personId, now, what: 'reply', reply }),
  };
}

/**
 * The reminders function's side: an event is a phone-text request only when every field is
 * as the Alexa function sends it; anything else is not one (the scheduled tick).
 */
export function asPhoneTextRequest(event: unknown): PhoneTextRequest | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const e = event as Record<string, unknown>;
  if (e.kind !== 'phone-text' || typeof e.personId !== 'string' || e.personId === '') return undefined;
  if (typeof e.now !== 'string' || Number.isNaN(Date.parse(e.now))) return undefined;
  const base = { kind: 'phone-text' as const, personId: e.personId, now: e.now };
  if (e.what === 'crisis' && typeof e.region === 'string' && REGIONS.has(e.region)) {
    return { ...base, what: 'crisis', region: e.region as CrisisRegion };
  }
  if (e.what === 'reply' && isReply(e.reply)) return { ...base, what: 'reply', reply: e.reply };
  return undefined;
}

function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null) return false;
  const beats = (value as { beats?: unknown }).beats;
  return (
    Array.isArray(beats) &&
    beats.length > 0 &&
    beats.every(
      (b) => typeof b === 'object' && b !== null && typeof (b as { text?: unknown }).text === 'string',
    )
  );
}

/** Answers a request with the in-process texters (createCrisisTexter / createPhoneTexter). */
export async function answerPhoneText(
  request: PhoneTextRequest,
  texters: { crisisTexter: CrisisTexter; phoneTexter: PhoneTexter },
): Promise<PhoneTextAnswer> {
  const sent =
    request.what === 'crisis'
      ? await texters.crisisTexter(request.personId, request.region, request.now)
      : await texters.phoneTexter(request.personId, request.reply, request.now);
  return { sent };
}
