/**
 * Saying a feeling back in the person's own words. A therapist reflects what was said
 * ("knackered", "in over my head"), not a label for it; the stored word stays the
 * vocabulary's canonical one, so the journal and the summary stay enumerable.
 *
 * Decisions:
 * - Text: the phrase they used, as the vocabulary knows it (a typo is said back corrected),
 *   turned to "you" ("in over my head" -> "in over your head").
 * - Voice: Alexa resolves the slot to the canonical word, so the canonical word is what is
 *   said back; that is why no canonical word may be harsher or more clinical than its synonyms
 *   (tests/core/feelings/their-words.test.ts).
 * - A judgement of oneself, a heavy feeling and a word that starts with "like" are always said
 *   back by their canonical word, which is written to read after "Feeling" ("Feeling like a
 *   failure", "Feeling like you don't care").
 * - A few phrases read wrongly as a fragment said back ("Don't care." sounds like our stance,
 *   "Sad af." like mockery): those are said back by their canonical word too.
 */
import type { Feeling } from './vocabulary.ts';

/** Phrases that are said back by their canonical word (see the module comment). */
export const SAID_BACK_AS_WORD: ReadonlySet<string> = new Set([
  // Slang intensifiers and playful spellings: ours to understand, not to echo.
  'sad af',
  'lonely af',
  'tired af',
  'stressed af',
  'angry af',
  'scared af',
  'happy af',
  'kinda down',
  'angery',
  'anxy',
  'depresso',
  'stressy',
  'gucci',
  // Fragments that would sound like our own stance or an order.
  'feel nothing',
  'want to hide',
  'on my nerves',
]);

/** First person to second: "in over my head" -> "in over your head". */
const TO_YOU: Readonly<Record<string, string>> = {
  i: 'you',
  "i'm": "you're",
  im: "you're",
  me: 'you',
  my: 'your',
  myself: 'yourself',
  am: 'are',
};

/** First person to a friend: "like i hate myself" -> "like they hate themselves". */
const TO_THEM: Readonly<Record<string, string>> = {
  i: 'they',
  "i'm": "they're",
  im: "they're",
  me: 'them',
  my: 'their',
  myself: 'themselves',
  am: 'are',
};

const swap = (phrase: string, table: Readonly<Record<string, string>>): string =>
  phrase
    .split(' ')
    .map((word) => table[word] ?? word)
    .join(' ');

/** A feeling phrase addressed to the person: "like i hate myself" -> "like you hate yourself". */
export const toYou = (phrase: string): string => swap(phrase, TO_YOU);

/** A feeling phrase about a friend: "like i hate myself" -> "like they hate themselves". */
export const toThem = (phrase: string): string => swap(phrase, TO_THEM);

/** The words to say back for `feeling`, heard as `phrase` (a vocabulary key). */
export function sayBack(feeling: Feeling, phrase: string | undefined): string {
  const byWord =
    phrase === undefined ||
    feeling.judgesSelf ||
    feeling.heavy ||
    feeling.word.startsWith('like ') ||
    SAID_BACK_AS_WORD.has(phrase) ||
    SAID_BACK_AS_WORD.has(phrase.replace(/'/g, '')) ||
    [...SAID_BACK_AS_WORD].some((p) => p.replace(/'/g, '') === phrase);
  if (byWord) {
    return toYou(feeling.word);
  }
  return toYou(phrase);
}

/**
 * Whether a reflection of `feeling` reads after "Feeling": judgements of oneself, heavy
 * feelings and phrases that start with "like" ("Feeling like nothing matters").
 */
export const readsAfterFeeling = (feeling: Feeling, said: string): boolean =>
  Boolean(feeling.judgesSelf || feeling.heavy) || said.startsWith('like ');
