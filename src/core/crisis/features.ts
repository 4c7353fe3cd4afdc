/**
 * The classifier's view of a message: hashed word and character n-grams of the folded text.
 * Training (scripts/train-crisis.ts) and the gate both read messages through this one
 * function, so what was learned is what is looked up.
 *
 * - word unigrams and bigrams within a clause ("want die", "took al");
 * - character 3- to 5-grams of each clause with its spaces ("kil", "ilmy"), which carry typos,
 *   glued words, slang and other scripts without a word list;
 * - the concepts of the semantic frames in each clause (frames.ts), alone and as ordered
 *   pairs ("self-subject desire", "desire death"): what the model learns of one wording
 *   carries to every wording the concept lists cover;
 * - each feature hashed (FNV-1a) to one of `dimensions` buckets with a sign from the same
 *   hash, so collisions cancel rather than pile up.
 */
import { conceptsOf } from './frames.ts';
import { CLAUSE, type Folded } from './normalize.ts';

/** One hashed feature: its bucket and sign. */
export interface Feature {
  index: number;
  sign: 1 | -1;
}

const CHAR_GRAMS = [3, 4, 5] as const;

/** FNV-1a over UTF-16 code units: fast, and the same in every JavaScript engine. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The clauses of a folded message, each with one space around it. */
export function clausesOf(folded: Folded): string[] {
  const text = folded.squeezed[0] ?? '';
  return text
    .split(CLAUSE)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .map((c) => ` ${c} `);
}

/** The distinct features of some clauses, hashed into `dimensions` (a power of two) buckets. */
export function featuresOf(clauses: readonly string[], dimensions: number): Feature[] {
  const seen = new Set<string>();
  const add = (name: string) => {
    seen.add(name);
  };
  for (const clause of clauses) {
    const words = clause.trim().split(' ');
    for (let i = 0; i < words.length; i++) {
      add(`w ${words[i]}`);
      if (i + 1 < words.length) add(`b ${words[i]} ${words[i + 1]}`);
    }
    for (const n of CHAR_GRAMS) {
      for (let i = 0; i + n <= clause.length; i++) add(`c${clause.slice(i, i + n)}`);
    }
    const concepts = conceptsOf(clause);
    for (let i = 0; i < concepts.length; i++) {
      add(`k ${concepts[i]}`);
      for (let j = i + 1; j < concepts.length; j++) add(`kk ${concepts[i]} ${concepts[j]}`);
    }
  }
  const mask = dimensions - 1;
  const features: Feature[] = [];
  for (const name of seen) {
    const hash = fnv1a(name);
    features.push({ index: hash & mask, sign: hash >>> 31 === 1 ? -1 : 1 });
  }
  return features;
}
