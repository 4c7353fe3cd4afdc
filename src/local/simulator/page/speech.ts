/**
 * The Echo's SSML as the page speaks it: runs of words between pauses, so the browser's
 * speech synthesis keeps the skill's <break> pauses (the grounding exercise's breaths), and
 * digits read one by one where the skill says so (988 as "9 8 8"). Pure, for the page and
 * for tests/local/simulator-speech.test.ts.
 */

export interface SpeechPart {
  /** Words to speak (may be empty when two pauses meet). */
  say: string;
  /** Silence after the words, in milliseconds. */
  pauseMs: number;
}

export interface Speech {
  parts: SpeechPart[];
  /** What is shown under the ring: the words, digits written as digits. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Alexa's named break strengths, in milliseconds (its documented defaults). */
const STRENGTH_MS: Record<string, number> = {
  none: 0,
  'x-weak': 0,
  weak: 350,
  medium: 750,
  strong: 1000,
  'x-strong': 1250,
};
/** The longest pause Alexa allows in one <break>. */
const MAX_BREAK_MS = 10_000;

const decode = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name) => ENTITIES[name] ?? '');
const tidy = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:?!])/g, '$1')
    .trim();

function breakMs(attributes: string): number {
  const time = /time="(\d+(?:\.\d+)?)(ms|s)"/.exec(attributes);
  if (time) {
    const value = Number(time[1]) * (time[2] === 's' ? 1000 : 1);
    return Math.min(Math.round(value), MAX_BREAK_MS);
  }
  const strength = /strength="([a-z-]+)"/.exec(attributes)?.[1];
  return STRENGTH_MS[strength ?? 'medium'] ?? STRENGTH_MS.medium ?? 750;
}

export function speechOf(ssml: string): Speech {
  const parts: SpeechPart[] = [];
  const shown: string[] = [];
  let said = '';
  let digits = false;
  const tokens = ssml.split(/(<[^>]+>)/);
  for (const token of tokens) {
    if (token.startsWith('<')) {
      const tag = /^<(\/?)([a-z-]+)([^>]*?)\/?>$/.exec(token);
      const [, closing, name = '', attributes = ''] = tag ?? [];
      if (name === 'break') {
        parts.push({ say: tidy(said), pauseMs: breakMs(attributes) });
        said = '';
        shown.push(' ');
      } else if (name === 'say-as') {
        digits = !closing && /interpret-as="(digits|telephone)"/.test(attributes);
      }
      continue;
    }
    const words = decode(token);
    shown.push(words);
    said += digits ? ` ${words.replace(/\d/g, '$& ').trim()} ` : words;
  }
  if (tidy(said) !== '' || parts.length === 0) parts.push({ say: tidy(said), pauseMs: 0 });
  return { parts: parts.filter((p) => p.say !== '' || p.pauseMs > 0), text: tidy(shown.join('')) };
}
