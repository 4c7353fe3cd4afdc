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

const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Folds `text` into the forms the phrase lists are written in. Linear time, never throws on a string. */
export function fold(text: string): Folded {
  const base = text
    .normalize('NFKD')
    // Accents, and invisible characters slipped between letters to dodge filters.
    .replace(/[\p{M}\p{Cf}]+/gu, '')
    .toLowerCase()
    // The clause mark is ours alone.
    .replace(/#/g, ' ')
    .replace(/[\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032]/g, "'")
    // "don't" -> "dont"; any other apostrophe is just a mark.
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '')
    .replace(/(?<![\p{L}\p{N}])\p{L}(?:[^\p{L}\p{N}\n]{1,3}\p{L}(?![\p{L}\p{N}])){2,}/gu, (run) =>
      run.replace(/[^\p{L}]/gu, ''),
    )
    // "!", "|" and "*" inside a word are an i ("k!ll", "k*ll"); at the end they are punctuation.
    .replace(/(?<=\p{L})[!|*](?=\p{L})/gu, 'i')
    .replace(/(?<=\p{L})[03457@$]|[03457@$](?=\p{L})/gu, (c) => LEET[c] ?? c);

  const forms = /\p{L}1|1\p{L}/u.test(base) ? [leetOne(base, 'i'), leetOne(base, 'l')] : [base];
  const spaced = forms.map(clauses);
  return { squeezed: spaced.map(squeeze), plain: spaced[0] ?? '' };
}

const leetOne = (s: string, as: 'i' | 'l'): string => s.replace(/(?<=\p{L})1|1(?=\p{L})/gu, as);

/** Sentence punctuation before a space or the end becomes a clause mark; other symbols spaces. */
const clauses = (s: string): string =>
  ` ${s
    .replace(/[.!?;:,\n\r]+(?=\s|$)|[\n\r]+/g, ` ${CLAUSE} `)
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

const squeeze = (s: string): string => s.replace(/(\p{L})\1+/gu, '$1');
