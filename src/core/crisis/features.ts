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
 * - each concept of a clause with each word of it ("desire|tonight", "death|pills"): the
 *   words a concept keeps company with, so "took" means one thing next to "pills" and another
 *   next to "test" (out of fold, leave-one-file-out, +4.5 points of recall at 2% everyday);
 * - the GloVe cluster of each word, at a coarse and a fine size, and of each pair of
 *   neighbouring words (clusters.ts): a new writer's "vanish" reads like the training lines'
 *   "disappear" (out of fold, at 2% everyday: +1.3 points of recall on random 5-fold and
 *   +1.2 leaving one file out, both with 2^19 buckets; see train-crisis.ts);
 * - each feature hashed (FNV-1a) to a 32-bit value; a model keeps the low bits as a bucket
 *   and the top bit as a sign, so collisions cancel rather than pile up.
 *
 * Hashes are computed from the characters as they are read, with no string built per
 * n-gram: a 320-character message is a few thousand multiplications.
 */
import { clusterAt, clusterLevels, wordIndex } from './clusters.ts';
import { conceptsOf } from './frames.ts';
import { CLAUSE, type Folded } from './normalize.ts';

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units: fast, and the same in every JavaScript engine. */
export function fnv1a(text: string, from = OFFSET): number {
  let hash = from;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, PRIME);
  }
  return hash >>> 0;
}

/** Hash states after a feature's prefix, so every feature of a kind starts from it. */
const WORD = fnv1a('w ');
const BIGRAM = fnv1a('b ');
const CHAR = fnv1a('c');
const SPACE = 32;

/** The clauses of a folded message, each with one space around it. */
export function clausesOf(folded: Folded): string[] {
  const text = folded.squeezed[0] ?? '';
  return text
    .split(CLAUSE)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .map((c) => ` ${c} `);
}

/** Where the hashes go: an array, or the gate's reused buffer (classifier.ts), which makes no garbage. */
export interface HashSink {
  push(hash: number): unknown;
}

/**
 * The 32-bit feature hashes of one clause, as often as each occurs (a linear model sums
 * them; counting is as good as presence here and needs no set), pushed onto `out`.
 */
export function clauseHashes(clause: string, concepts?: readonly string[]): number[];
export function clauseHashes<Sink extends HashSink>(
  clause: string,
  concepts: readonly string[] | undefined,
  out: Sink,
): Sink;
export function clauseHashes(
  clause: string,
  concepts: readonly string[] = conceptsOf(clause),
  out: HashSink = [],
): HashSink {
  // Words: from one space to the next.
  let previousStart = -1;
  let previousEnd = -1;
  for (let start = 1; start < clause.length; ) {
    let end = clause.indexOf(' ', start);
    if (end === -1) end = clause.length;
    if (end > start) {
      let h = WORD;
      for (let i = start; i < end; i++) h = Math.imul(h ^ clause.charCodeAt(i), PRIME);
      out.push(h >>> 0);
      if (previousStart !== -1) {
        let b = BIGRAM;
        for (let i = previousStart; i < previousEnd; i++) b = Math.imul(b ^ clause.charCodeAt(i), PRIME);
        b = Math.imul(b ^ SPACE, PRIME);
        for (let i = start; i < end; i++) b = Math.imul(b ^ clause.charCodeAt(i), PRIME);
        out.push(b >>> 0);
      }
      previousStart = start;
      previousEnd = end;
    }
    start = end + 1;
  }
  // Character 3-, 4- and 5-grams, spaces included.
  for (let i = 0; i + 3 <= clause.length; i++) {
    let h = CHAR;
    for (let k = 0; k < 5 && i + k < clause.length; k++) {
      h = Math.imul(h ^ clause.charCodeAt(i + k), PRIME);
      if (k >= 2) out.push(h >>> 0);
    }
  }
  for (let i = 0; i < concepts.length; i++) {
    const a = concepts[i] as string;
    out.push(conceptHash(a));
    // "kk a b" is FNV-1a of b's letters from the state after "kk a ": no key string per pair.
    const from = pairPrefixHash(a);
    for (let j = i + 1; j < concepts.length; j++) out.push(fnv1a(concepts[j] as string, from));
  }
  if (CLUSTER_FEATURES.on) clusterHashes(clause, out);
  // Each distinct concept with each word of the clause.
  for (let i = 0; i < concepts.length; i++) {
    const a = concepts[i] as string;
    if (concepts.indexOf(a) !== i) continue;
    const from = conceptWordHash(a);
    for (let start = 1; start < clause.length; ) {
      let end = clause.indexOf(' ', start);
      if (end === -1) end = clause.length;
      if (end > start) {
        let h = from;
        for (let k = start; k < end; k++) h = Math.imul(h ^ clause.charCodeAt(k), PRIME);
        out.push(h >>> 0);
      }
      start = end + 1;
    }
  }
  return out;
}

/**
 * The cluster features read (`npm run cv:crisis` switches them to compare). Tried and no better
 * out of fold: a cluster next to a word as written, and each concept with each cluster.
 */
export const CLUSTER_FEATURES = { on: true };

/** Hash states after each size's prefix ("q0 ", "qq0 "), for as many sizes as a table could have. */
const CLUSTER_WORD = Array.from({ length: 8 }, (_, level) => fnv1a(`q${level} `));
const CLUSTER_PAIR = Array.from({ length: 8 }, (_, level) => fnv1a(`qq${level} `));
const withCluster = (h: number, c: number): number =>
  Math.imul(Math.imul(h ^ (c & 0xff), PRIME) ^ (c >>> 8), PRIME);

/**
 * Cluster features of a clause (clusters.ts): each word's cluster at each size, and the
 * clusters of neighbouring words in pairs ("want" + "vanish" reads as wanting + vanishing, and
 * so does "wish" + "disappear"). A word with no vector breaks the pairs.
 */
function clusterHashes(clause: string, out: HashSink): void {
  const levels = clusterLevels();
  let previous = -1;
  for (let start = 1; start < clause.length; ) {
    let end = clause.indexOf(' ', start);
    if (end === -1) end = clause.length;
    if (end > start) {
      const at = wordIndex(clause.slice(start, end));
      if (at !== -1)
        for (let level = 0; level < levels; level++) {
          const c = clusterAt(at, level);
          out.push(withCluster(CLUSTER_WORD[level] as number, c) >>> 0);
          if (previous !== -1)
            out.push(
              withCluster(withCluster(CLUSTER_PAIR[level] as number, clusterAt(previous, level)), c) >>> 0,
            );
        }
      previous = at;
    }
    start = end + 1;
  }
}

/** Concept feature hashes, worked out once per name and pair: "k self", "kk self desire". */
const conceptHashes = new Map<string, number>();
const pairHashes = new Map<string, number>();
function conceptHash(concept: string): number {
  const known = conceptHashes.get(concept);
  if (known !== undefined) return known;
  const h = fnv1a(`k ${concept}`);
  conceptHashes.set(concept, h);
  return h;
}
/** The hash state after "kw <concept> ", from which each word of the clause continues. */
const conceptWordHashes = new Map<string, number>();
function conceptWordHash(concept: string): number {
  const known = conceptWordHashes.get(concept);
  if (known !== undefined) return known;
  const h = fnv1a(`kw ${concept} `);
  conceptWordHashes.set(concept, h);
  return h;
}
/** The hash state after "kk <concept> ", from which the second concept of a pair continues. */
function pairPrefixHash(concept: string): number {
  const known = pairHashes.get(concept);
  if (known !== undefined) return known;
  const h = fnv1a(`kk ${concept} `);
  pairHashes.set(concept, h);
  return h;
}

/** One hashed feature, as a model of `dimensions` buckets reads it. */
export interface Feature {
  index: number;
  sign: 1 | -1;
}

/** Hashes as features of a model with `dimensions` (a power of two) buckets. */
export function toFeatures(hashes: Iterable<number>, dimensions: number): Feature[] {
  const mask = dimensions - 1;
  const features: Feature[] = [];
  for (const hash of hashes) features.push({ index: hash & mask, sign: hash >>> 31 === 1 ? -1 : 1 });
  return features;
}

/** The features of some clauses, for a model of `dimensions` buckets. */
export function featuresOf(clauses: readonly string[], dimensions: number): Feature[] {
  return toFeatures(
    clauses.flatMap((clause) => clauseHashes(clause)),
    dimensions,
  );
}
