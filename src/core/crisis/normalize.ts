/**
 * Text folding for the crisis gate. People in distress type fast, on small screens, in
 * slang, or disguise words from filters ("k i l l", "kiiill", "kill.myself", "su1cide").
 * Folding every input to one canonical form lets the phrase lists stay short and literal.
 *
 * The folded form:
 * - lowercase, accents and compatibility forms folded (NFKD, marks dropped);
 * - apostrophes inside words dropped ("don't" -> "dont", "I'm" -> "im");
 * - spaced or dotted single letters joined ("k i l l" -> "kill", "k.m.s" -> "kms");
 * - cheap leetspeak folded where a digit or symbol touches a letter ("k1ll", "$uicide");
 * - sentence punctuation kept as a clause mark `#`, any other symbol a space;
 * - every run of a repeated letter squeezed to one ("kiiill" -> "kil", "better" -> "beter").
 *   Phrase lists are therefore written squeezed too: "kil myself", "beter of without me".
 */

/** Clause mark in folded text: phrases never match across it, negation never looks past it. */
export const CLAUSE = '#';

/** The forms one input is matched in. */
export interface Folded {
  /** Squeezed forms (one per leetspeak reading of "1"); most phrases match here. */
  squeezed: string[];
  /** Not squeezed, for the few words squeezing would confuse ("noose" vs "nose", "off" vs "of"). */
  plain: string;
}

/**
 * Emoji that people use for the words themselves ("🪦 me soon", "💊💊💊 tonight"). Folded to
 * the word, so every layer reads them; any other emoji is a space.
 */
const EMOJI_WORDS: Readonly<Record<string, string>> = {
  '\u{1FAA6}': 'grave', // headstone
  '\u26B0': 'coffin',
  '\u{1F52A}': 'knife',
  '\u{1F5E1}': 'knife', // dagger
  '\u{1FA78}': 'blood', // drop of blood
  '\u{1F48A}': 'pills',
  '\u{1FAA2}': 'rope', // knot
  '\u{1F52B}': 'gun',
  '\u{1F51A}': 'the end',
  '\u{1F309}': 'bridge', // bridge at night
  '\u{1F44B}': 'bye', // waving hand
  '\u27A1': 'to', // right arrow: "me ➡️ 🪦"
  // Laughing and eye-rolling: "I'm going to die 😂" is a joke told as one (memory.ts and the
  // gate still ask when it may not be).
  '\u{1F602}': 'lol', // face with tears of joy
  '\u{1F923}': 'lol', // rolling on the floor laughing
  '\u{1F644}': 'lol', // eye roll
  '\u{1F605}': 'lol', // sweat smile
  '\u{1F606}': 'lol', // squinting laugh
  '\u{1F480}': 'lol', // skull: "I'm dead" as laughter
};
const EMOJI =
  /[\u{1FAA6}\u26B0\u{1F52A}\u{1F5E1}\u{1FA78}\u{1F48A}\u{1FAA2}\u{1F52B}\u{1F51A}\u{1F309}\u{1F44B}\u27A1\u{1F602}\u{1F923}\u{1F644}\u{1F605}\u{1F606}\u{1F480}]/gu;

const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Folds `text` into the forms the phrase lists are written in. Linear time, never throws on a string. */
export function fold(text: string): Folded {
  const base = text
    .replace(EMOJI, (e) => ` ${EMOJI_WORDS[e] ?? ''} `)
    .normalize('NFKD')
    // Accents, and invisible characters slipped between letters to dodge filters.
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    .toLowerCase()
    // The clause mark is ours alone.
    .replace(/#/g, ' ')
    .replace(/[\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032]/g, "'")
    // "don't" -> "dont"; any other apostrophe is just a mark.
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '')
    // A trailing mark belongs to the run: "k.i.l.l. myself" is one word, then "myself".
    .replace(
      /(?<![\p{L}\p{N}])\p{L}(?:[^\p{L}\p{N}\n]{1,3}\p{L}(?![\p{L}\p{N}])){2,}(?:[.*_-](?=\s))?/gu,
      (run) => run.replace(/[^\p{L}]/gu, ''),
    )
    // "!", "|" and "*" inside a word are an i ("k!ll", "k*ll"); at the end they are punctuation.
    .replace(/(?<=\p{L})[!|*](?=\p{L})/gu, 'i')
    .replace(/(?<=\p{L})[03457@$]|[03457@$](?=\p{L})/gu, (c) => LEET[c] ?? c);

  const forms = /\p{L}1|1\p{L}/u.test(base) ? [leetOne(base, 'i'), leetOne(base, 'l')] : [base];
  const spaced = forms.map(clauses);
  return { squeezed: spaced.map(squeeze), plain: spaced[0] ?? '' };
}

const leetOne = (s: string, as: 'i' | 'l'): string => s.replace(/(?<=\p{L})1|1(?=\p{L})/gu, as);

/**
 * Sentence punctuation before a space or the end becomes a clause mark; other symbols spaces.
 * Every run of what is not a letter, a digit or the mark becomes one space, so no two spaces
 * are left side by side (the runs are maximal) and no other space is left at all.
 */
const clauses = (s: string): string =>
  ` ${s
    .replace(/[.!?;:,\n\r]+(?=\s|$)|[\n\r]+/g, ` ${CLAUSE} `)
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim()} `;

const squeeze = (s: string): string => s.replace(/(\p{L})\1+/gu, '$1');
