/**
 * Alexa request envelope -> the core's Input. Slots are read through entity resolution, so
 * the core receives canonical values (a vocabulary word, a catalogue id, "1"), never a
 * near-miss spelling; anything Alexa heard but could not resolve reaches the core as text,
 * where the crisis gate reads it.
 */

import { getIntentName, getLocale, getRequestType, getSlot } from 'ask-sdk-core';
import type { RequestEnvelope, Slot } from 'ask-sdk-model';
import type { CrisisRegion, Input } from '../../core/types.ts';
import {
  fillFrame,
  freeSpeechCarrier,
  LINK_CODE_INTENT,
  PLAIN_INTENTS,
  planStepIntent,
  SLOTS,
  type SlotFrame,
  slotFrame,
  wordsOfIntent,
} from './intents.ts';

const REGION_BY_LOCALE: Readonly<Record<string, CrisisRegion>> = {
  'en-US': 'US',
  'es-US': 'US',
  'en-CA': 'CA',
  'fr-CA': 'CA',
  'en-GB': 'GB',
  'en-IE': 'IE',
  'en-AU': 'AU',
  'en-NZ': 'NZ',
  'en-IN': 'IN',
  'hi-IN': 'IN',
};

/** Which crisis line to give, from the request locale (docs/safety.md). `OTHER` when unknown. */
export function regionForLocale(locale: string | undefined): CrisisRegion {
  return (locale && REGION_BY_LOCALE[locale]) || 'OTHER';
}

/** The crisis region of a request. */
export function regionOf(envelope: RequestEnvelope): CrisisRegion {
  let locale: string | undefined;
  try {
    locale = getLocale(envelope);
  } catch {
    locale = undefined;
  }
  return regionForLocale(locale);
}

/** The id Alexa resolved a custom slot to, when it matched one of our values. */
export function resolvedId(slot: Slot | null | undefined): string | undefined {
  for (const authority of slot?.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority.status?.code === 'ER_SUCCESS_MATCH') {
      const id = authority.values?.[0]?.value?.id;
      if (id) return id;
    }
  }
  return undefined;
}

/** What Alexa heard in a slot, trimmed; undefined when empty. */
function heard(slot: Slot | null | undefined): string | undefined {
  const value = slot?.value?.trim();
  return value ? value : undefined;
}

function slotOf(envelope: RequestEnvelope, name: string): Slot | null {
  try {
    return getSlot(envelope, name);
  } catch {
    return null;
  }
}

const FALLBACK: Input = { type: 'intent', intent: 'fallback' };

/**
 * Reads an intent or launch request as the core's Input. Returns undefined for request
 * types the core has no turn for (SessionEndedRequest and the like).
 */
export function requestToInput(envelope: RequestEnvelope): Input | undefined {
  const type = getRequestType(envelope);
  if (type === 'LaunchRequest') return { type: 'open' };
  if (type !== 'IntentRequest') return undefined;
  const name = getIntentName(envelope);

  const plain = PLAIN_INTENTS[name];
  if (plain) return { type: 'intent', intent: plain };

  // "are you a real person?", "help me breathe": the core reads these words as if typed.
  const words = wordsOfIntent(name);
  if (words) return { type: 'text', text: words };

  if (name === LINK_CODE_INTENT.intent) {
    // The digits as heard; the core reads "link 482913" as if texted (and says when it is not six).
    // Words that are no number go to the core as said, where the crisis gate reads them too.
    const said = heard(slotOf(envelope, LINK_CODE_INTENT.slot));
    const code = said?.replace(/\D/g, '');
    if (code) return { type: 'text', text: `link ${code}` };
    return said ? { type: 'text', text: `my code is ${said}` } : FALLBACK;
  }

  const planStep = planStepIntent(name);
  if (planStep) {
    // "change step two": the step's number as heard, read by the core as "change step 2" typed.
    const said = heard(slotOf(envelope, planStep.slot));
    const step = said?.replace(/\D/g, '');
    if (step) return { type: 'text', text: `${planStep.words} ${step}` };
    return said ? { type: 'text', text: `${planStep.words} ${said}` } : FALLBACK;
  }

  const carrier = freeSpeechCarrier(name);
  if (carrier) {
    // Put the carrier back: "to wake up" means nothing alone; "I don't want to wake up" does.
    const text = [carrier.prefix, heard(slotOf(envelope, SLOTS.query))].filter(Boolean).join(' ');
    return text ? { type: 'text', text } : FALLBACK;
  }

  const frame = slotFrame(name);
  if (frame) return framedInput(envelope, frame);

  return FALLBACK;
}

/**
 * A feeling, choice or answer intent. A resolved slot gives the core its canonical value;
 * words Alexa heard but could not resolve are free speech, handed over with the words said
 * around them ("I will" + "end it tonight"), exactly as the free-speech carriers do.
 */
function framedInput(envelope: RequestEnvelope, frame: SlotFrame): Input {
  if (frame.family === 'feeling') {
    const slot = slotOf(envelope, SLOTS.feeling);
    const word = resolvedId(slot);
    if (word) return { type: 'intent', intent: 'feeling', value: word };
    const said = heard(slot);
    return said ? { type: 'text', text: fillFrame(frame, said) } : FALLBACK;
  }
  if (frame.family === 'choose') {
    const ordinal = slotOf(envelope, SLOTS.ordinal);
    const goal = slotOf(envelope, SLOTS.goal);
    const value = resolvedId(ordinal) ?? resolvedId(goal);
    if (value) return { type: 'intent', intent: 'choose', value };
    const said = heard(goal) ?? heard(ordinal);
    return said ? { type: 'text', text: fillFrame(frame, said) } : FALLBACK;
  }
  // An answer is read as the words heard, not the resolved id: the same words answer
  // different questions ("sleep" is a trigger at one question and rest at the next), and the
  // core reads them in context, exactly as it reads them typed, keeping only enumerated
  // values on voice. Unresolved, the words around them come along for the crisis gate.
  const slot = slotOf(envelope, SLOTS.answer);
  const said = heard(slot);
  if (!said) return FALLBACK;
  return resolvedId(slot) ? { type: 'text', text: said } : { type: 'text', text: fillFrame(frame, said) };
}

/**
 * The words a request carries, as the core would read them (carrier included), or
 * undefined when it carries none. For answering crisis language even when a turn fails.
 */
export function requestWords(envelope: RequestEnvelope): string | undefined {
  const input = requestToInput(envelope);
  if (input?.type === 'text') return input.text;
  if (input?.type === 'intent') return input.value;
  return undefined;
}
