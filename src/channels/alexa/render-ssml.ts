/**
 * Reply -> SSML, enforcing what Alexa allows and what a listener needs: the person's own
 * words escaped, pauses where the core asked for them (an exercise step gets the seconds it
 * asks for), grounding read slowly, every crisis number read digit by digit, at most 8,000
 * characters, and a reprompt that adds help whenever the session stays open.
 */
import { channelWords } from '../../core/content/channels.ts';
import { CRISIS_NUMBER } from '../../core/content/crisis.ts';
import type { Beat, Choice, Reply } from '../../core/types.ts';
import { escapeXml } from '../escape-xml.ts';

/**
 * Alexa's limits that bind these replies (ASK SSML reference and response format):
 * - `outputSpeech.ssml` (and the reprompt's) at most 8,000 characters, tags included;
 * - one `<break time>` at most 10 s (longer values are not honoured), so a longer quiet is
 *   several breaks in a row;
 * - `<audio>` clips at most 240 s in all and five a response: we send none.
 * There is no separate cap on how long the speech itself lasts; the 8,000 characters are
 * what keep an exercise (about a minute, most of it quiet) in one response.
 */
export const MAX_SSML_CHARS = 8000;
/** The longest single `<break>` Alexa honours. */
export const MAX_BREAK_SECONDS = 10;
/** Our own bound on one beat's quiet, so no value can fill a response with breaks. */
const MAX_PAUSE_SECONDS = 60;

const BREAK: Record<NonNullable<Beat['pauseAfter']>, string> = {
  short: '<break time="700ms"/>',
  // Long enough to look around the room or take a breath before the next step.
  long: '<break time="3s"/>',
};

/** What the skill answers with: full `<speak>` documents and whether the session ends. */
export interface AlexaSpeech {
  speech: string;
  /** Present exactly when the session stays open. */
  reprompt?: string;
  endSession: boolean;
}

/** Escapes text for SSML (it is XML). */
export const escapeSsml = escapeXml;

/**
 * Runs of digits, with single spaces between groups ("116 123", "13 11 14"). Three or more
 * digits are a phone or text number: read one digit at a time ("nine eight eight", never
 * "nine hundred eighty-eight"), with a short pause between groups.
 */
const DIGIT_RUN = /\d+(?: \d+)*/g;
const MIN_DIGITS_READ_SINGLY = 3;

/** One piece of text as SSML: escaped, with numbers read digit by digit. */
export function speakText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(DIGIT_RUN)) {
    const run = match[0];
    const at = match.index ?? 0;
    out += escapeSsml(text.slice(last, at));
    const groups = run.split(' ');
    if (groups.join('').length >= MIN_DIGITS_READ_SINGLY) {
      out += groups.map((g) => `<say-as interpret-as="digits">${g}</say-as>`).join('<break time="300ms"/>');
    } else {
      out += run;
    }
    last = at + run.length;
  }
  return out + escapeSsml(text.slice(last));
}

/**
 * Quiet of `seconds` as breaks of at most {@link MAX_BREAK_SECONDS} each: 12 s is a 10 s and
 * a 2 s break. Whole milliseconds; nothing for zero, negative or non-finite values.
 */
export function quietSsml(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '';
  let left = Math.round(Math.min(seconds, MAX_PAUSE_SECONDS) * 1000);
  let out = '';
  while (left > 0) {
    const ms = Math.min(left, MAX_BREAK_SECONDS * 1000);
    out += ms % 1000 === 0 ? `<break time="${ms / 1000}s"/>` : `<break time="${ms}ms"/>`;
    left -= ms;
  }
  return out;
}

function beatSsml(beat: Beat): string {
  const body = speakText(beat.text);
  const spoken = beat.slow ? `<prosody rate="slow">${body}</prosody>` : body;
  // An exercise step's own length ("in for four": 4 s) wins over the generic pauses.
  if (beat.pauseSeconds !== undefined) return `${spoken}${quietSsml(beat.pauseSeconds)}`;
  return beat.pauseAfter ? `${spoken}${BREAK[beat.pauseAfter]}` : spoken;
}

/**
 * "the first, X; the second, Y; or the third, Z." with words from the content module, and
 * "Or say something else." when the core also takes an answer of the person's own.
 */
export function choicesSsml(choices: readonly Choice[], acceptsOwnWords = false): string {
  const { ordinals, or } = channelWords.voice;
  const parts = choices.map((choice, i) => {
    const ordinal = ordinals[i] ?? `${ordinals.at(-1)}`;
    const lead = i > 0 && i === choices.length - 1 ? `${or} ${ordinal}` : ordinal;
    return `${escapeSsml(lead)}, ${speakText(choice.label)}`;
  });
  const list = `${parts.join('; ')}.`;
  return acceptsOwnWords ? `${list} ${escapeSsml(channelWords.voice.ownWords)}` : list;
}

const speak = (inner: string): string => `<speak>${inner}</speak>`;

/**
 * The beats as one `<speak>` document within {@link MAX_SSML_CHARS}. Should a reply ever be
 * too long, the last beats go first; beats with a crisis line and the choices always stay.
 */
function speechWithinLimit(beats: readonly Beat[], choices: string): string {
  let kept = [...beats];
  const build = () => speak([...kept.map(beatSsml), choices].filter((p) => p !== '').join(' '));
  let ssml = build();
  while (ssml.length > MAX_SSML_CHARS) {
    let drop = -1;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (!CRISIS_NUMBER.test(kept[i]?.text ?? '')) {
        drop = i;
        break;
      }
    }
    if (drop === -1) break;
    kept = kept.filter((_, i) => i !== drop);
    ssml = build();
  }
  return ssml;
}

/**
 * Whether the reply keeps the microphone open. A crisis reply stays open unless the core
 * ends it, so "repeat that" can bring the number back.
 */
export function keepsSessionOpen(reply: Reply): boolean {
  if (reply.end || reply.silent) return false;
  return reply.expectsAnswer || reply.crisis === true;
}

/** Renders a reply for Alexa. */
export function renderSsml(reply: Reply): AlexaSpeech {
  if (reply.silent) return { speech: speak(''), endSession: true };
  const hasChoices = reply.choices !== undefined && reply.choices.length > 0;
  const speech = speechWithinLimit(
    reply.beats,
    hasChoices ? choicesSsml(reply.choices ?? [], reply.acceptsOwnWords) : '',
  );
  if (!keepsSessionOpen(reply)) return { speech, endSession: true };
  const help =
    reply.reprompt?.trim() ||
    (hasChoices ? channelWords.voice.choicesReprompt : channelWords.voice.defaultReprompt);
  const reprompt = speechWithinLimit([{ text: help }], '');
  return { speech, reprompt, endSession: false };
}
