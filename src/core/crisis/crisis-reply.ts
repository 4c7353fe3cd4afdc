/**
 * The three replies of docs/safety.md: crisis, danger now, and the grey-zone question. All
 * words live in `content/crisis.ts`; this file only orders them into beats.
 */
import {
  anyLanguage,
  crisis,
  type DangerConcern,
  danger,
  EMERGENCY_NUMBER,
  grey,
  spanish,
} from '../content/crisis.ts';
import { service } from '../content/service.ts';
import type { Beat, CrisisRegion, Modality, Reply } from '../types.ts';
import type { GreyFraming } from './gate.ts';
import type { ReplyLanguage } from './languages.ts';
import type { Concern } from './signals.ts';

export interface CrisisReplyOptions {
  region: CrisisRegion;
  modality: Modality;
  /** The message denied it ("I'm not suicidal"): softer opening, resources still in full. */
  negated: boolean;
  /** Only the number line again, for "repeat" / "say it again" after a crisis reply. */
  repeatOnly?: boolean;
  /** The language to answer in (Spanish in full for the US; another gets one line more). */
  language?: ReplyLanguage;
  /** Whose safety: `self` (default) is the crisis reply, anything else danger now. */
  concern?: Concern;
}

/**
 * Builds the crisis or danger-now reply. Text: one short message (GSM-7, at most 320
 * characters once beats are joined with a space; another language's line may take a second).
 * Voice: short beats with pauses, ending with an offer to say the number again. Either way the
 * conversation stays open: the person may keep talking.
 */
export function crisisReply(opts: CrisisReplyOptions): Reply {
  const { modality, concern = 'self' } = opts;
  const beats = concern === 'self' ? crisisBeats(opts) : dangerBeats(opts, concern);
  const voice = modality === 'voice';
  const place = crisis.regions[opts.region] ?? crisis.regions.OTHER;
  const isDanger = concern !== 'self';
  const repeatText = isDanger ? (beats[1]?.text ?? place.repeat.text) : place.repeat.text;
  if (!voice) return { beats, expectsAnswer: true, reprompt: repeatText, end: false, crisis: true };
  return {
    beats: [...beats, { text: isDanger ? danger.offerRepeat : crisis.offerRepeat }],
    expectsAnswer: true,
    reprompt: isDanger && opts.region === 'US' ? danger.reprompt : place.reprompt,
    end: false,
    crisis: true,
  };
}

const isSpanish = (opts: CrisisReplyOptions): boolean => opts.language === 'es' && opts.region === 'US';

function crisisBeats(opts: CrisisReplyOptions): Beat[] {
  const { region, modality, negated, repeatOnly = false } = opts;
  const place = crisis.regions[region] ?? crisis.regions.OTHER;
  if (isSpanish(opts)) {
    if (repeatOnly) return [{ text: spanish.repeat, pauseAfter: 'long' }];
    const [first = '', ...rest] = spanish.crisis;
    return [
      { text: negated ? spanish.openingNegated : spanish.opening, pauseAfter: 'short' },
      { text: first, pauseAfter: 'long' },
      ...rest.map((text): Beat => ({ text, pauseAfter: 'short' })),
      { text: spanish.hope, pauseAfter: 'short' },
    ];
  }
  if (repeatOnly) return [{ text: place.repeat[modality], pauseAfter: 'long' }];
  const [first = '', ...rest] = place.lines[modality];
  const beats: Beat[] = [
    { text: (negated ? crisis.openingNegated : crisis.opening)[modality], pauseAfter: 'short' },
    // The long pause lets the number land before anything else is said.
    { text: first, pauseAfter: 'long' },
    ...rest.map((text): Beat => ({ text, pauseAfter: 'short' })),
    { text: crisis.hope, pauseAfter: 'short' },
  ];
  if (opts.language === 'other' && (region === 'US' || region === 'CA'))
    beats.push({ text: anyLanguage[modality], pauseAfter: 'short' });
  return beats;
}

function dangerBeats(opts: CrisisReplyOptions, concern: DangerConcern): Beat[] {
  const { region, modality, repeatOnly = false } = opts;
  let lines: readonly string[];
  let opening: string;
  if (isSpanish(opts)) {
    lines = spanish.danger[concern];
    opening = spanish.emergencyOpening;
  } else if (region === 'US') {
    lines = danger.US[concern][modality];
    opening = danger.opening[modality];
  } else {
    const place = crisis.regions[region] ?? crisis.regions.OTHER;
    lines = [danger.emergencyFirst(EMERGENCY_NUMBER[region]), place.repeat[modality]];
    opening = danger.opening[modality];
  }
  const [first = '', ...rest] = lines;
  if (repeatOnly) return lines.map((text): Beat => ({ text, pauseAfter: 'long' }));
  const beats: Beat[] = [
    { text: opening, pauseAfter: 'short' },
    { text: first, pauseAfter: 'long' },
    ...rest.map((text): Beat => ({ text, pauseAfter: 'short' })),
  ];
  if (opts.language === 'other' && (region === 'US' || region === 'CA'))
    beats.push({ text: anyLanguage[modality], pauseAfter: 'short' });
  return beats;
}

/**
 * The grey-zone question: direct and kind, with the line in the same breath; worded for a
 * recovery story or for someone else's harm when that is what lowered the reply (gate.ts).
 */
export function greyQuestion(
  region: CrisisRegion,
  modality: Modality,
  language?: ReplyLanguage,
  framing?: GreyFraming,
): Reply {
  const line = service.shortCrisisLine(region);
  if (language === 'es' && region === 'US') {
    const question =
      framing === 'recovery'
        ? spanish.greyRecovery
        : framing === 'someone-else'
          ? spanish.greySomeoneElse
          : spanish.greyQuestion;
    return {
      beats: [{ text: question }],
      expectsAnswer: true,
      reprompt: spanish.greyReprompt,
      end: false,
      crisis: true,
    };
  }
  const emergency = EMERGENCY_NUMBER[region];
  const text =
    framing === 'recovery'
      ? grey.recovery[modality](line)
      : framing === 'someone-else'
        ? grey.someoneElse[modality](emergency, region === 'OTHER' ? undefined : line)
        : grey.question[modality](line);
  return {
    beats: [{ text }],
    expectsAnswer: true,
    reprompt: grey.reprompt(line),
    end: false,
    crisis: true,
  };
}
