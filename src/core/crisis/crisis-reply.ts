/**
 * The crisis reply (SAFETY.md): the same for every tier, in every state, on every channel.
 * All words live in `content/crisis.ts`; this file only orders them into beats.
 */
import { crisis } from '../content/crisis.ts';
import type { Beat, CrisisRegion, Modality, Reply } from '../types.ts';

export interface CrisisReplyOptions {
  region: CrisisRegion;
  modality: Modality;
  /** The message denied it ("I'm not suicidal"): softer opening, resources still in full. */
  negated: boolean;
  /** Only the number line again, for "repeat" / "say it again" after a crisis reply. */
  repeatOnly?: boolean;
}

/**
 * Builds the crisis reply. Text: one short message (GSM-7, at most 320 characters once
 * beats are joined with a space). Voice: short beats with pauses, ending with an offer to
 * say the number again. Either way the conversation stays open: the person may keep talking.
 */
export function crisisReply(opts: CrisisReplyOptions): Reply {
  const { region, modality, negated, repeatOnly = false } = opts;
  const place = crisis.regions[region] ?? crisis.regions.OTHER;
  const voice = modality === 'voice';

  let beats: Beat[];
  if (repeatOnly) {
    beats = [{ text: place.repeat[modality], pauseAfter: 'long' }];
  } else {
    const [first = '', ...rest] = place.lines[modality];
    beats = [
      { text: (negated ? crisis.openingNegated : crisis.opening)[modality], pauseAfter: 'short' },
      // The long pause lets the number land before anything else is said.
      { text: first, pauseAfter: 'long' },
      ...rest.map((text): Beat => ({ text, pauseAfter: 'short' })),
      { text: crisis.hope, pauseAfter: 'short' },
    ];
  }

  // Silence after a text reply keeps the number in view rather than asking anything.
  if (!voice) return { beats, expectsAnswer: true, reprompt: place.repeat.text, end: false, crisis: true };
  return {
    beats: [...beats, { text: crisis.offerRepeat }],
    expectsAnswer: true,
    reprompt: place.reprompt,
    end: false,
    crisis: true,
  };
}
