/** Small builders so flow code reads as what is said, not as object literals. */
import type { Beat, Choice, Reply } from './types.ts';

export const beat = (text: string, extra: Omit<Beat, 'text'> = {}): Beat => ({ text, ...extra });

const asBeats = (parts: ReadonlyArray<string | Beat>): Beat[] =>
  parts.map((p) => (typeof p === 'string' ? beat(p) : p));

/** A question: the session stays open and silence gets the reprompt. */
export function ask(
  parts: ReadonlyArray<string | Beat>,
  reprompt: string,
  options: { choices?: readonly string[]; acceptsOwnWords?: boolean } = {},
): Reply {
  const reply: Reply = { beats: asBeats(parts), expectsAnswer: true, reprompt, end: false };
  if (options.choices) reply.choices = numbered(options.choices);
  if (options.acceptsOwnWords) reply.acceptsOwnWords = true;
  return reply;
}

/** A closing reply: nothing more is expected. */
export function finish(parts: ReadonlyArray<string | Beat>): Reply {
  return { beats: asBeats(parts), expectsAnswer: false, end: true };
}

/** Puts lines in front of a reply (an acknowledgement before the next question). */
export function prepend(parts: ReadonlyArray<string | Beat>, reply: Reply): Reply {
  return { ...reply, beats: [...asBeats(parts), ...reply.beats] };
}

export function numbered(labels: readonly string[]): Choice[] {
  return labels.map((label, i) => ({ id: String(i + 1), label }));
}

/** Capitalises the first letter, for a word that starts a sentence. */
export const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
