/**
 * The classifier layer: a linear model on hashed n-grams (features.ts), trained from the
 * corpus by `npm run train:crisis` (scripts/train-crisis.ts) into data/classifier.json.
 * It hears what no list was written for: paraphrases, slang, typos, other wordings.
 *
 * A message is scored as a whole and clause by clause (a crisis buried in a long message is
 * not diluted by the rest of it); the highest score counts. The risk head reads features
 * scaled to length one (its weighted sum over 1 / sqrt of the feature count), so a long
 * message and a short clause are on one scale; the danger heads read raw sums. Above `sure` it gives the
 * resources; above `grey` it asks the grey-zone question; above `watchful` it only supports
 * another layer's weak signal, unless the conversation is watchful (memory.ts), when that is
 * the bar for sure.
 */
import model from './data/classifier.json' with { type: 'json' };
import { clauseHashes, clausesOf, type HashSink } from './features.ts';
import type { Folded } from './normalize.ts';
import type { Concern, Signal } from './signals.ts';

/**
 * The risk head, three-fifths of whose 2^19 weights are zero, as train-crisis.ts stores it:
 * a bitmap of the buckets that are not zero, and those weights in bucket order. A bucket's
 * weight is found by counting the set bits before it: `rank` holds the count before each
 * byte of the bitmap, POPCOUNT the rest.
 *
 * Counting all 65,536 bytes of the bitmap was about 3 ms of every first check, in code V8 had
 * not compiled yet. train-crisis.ts stores the count before each group of eight bytes
 * (`groupRanks`), so a group's byte counts are worked out the first time a message reads it:
 * a first message reads about one group in eight. The counts are the same either way.
 */
interface SparseHead {
  bias: number;
  scale: number;
  /** The bitmap as a one-byte string: bucket i is bit i % 8 of byte i / 8. */
  present: string;
  /** The non-zero int8 weights, in bucket order, as a one-byte string. */
  values: string;
  /** Set bits of `present` before each of its bytes, in the groups `ready` marks. */
  rank: Uint32Array;
  /** 1 for each group of eight bytes whose `rank` is worked out. */
  ready: Uint8Array;
  /** Set bits before each group, as four bytes little-endian (see groupRanks in train-crisis.ts). */
  groups: string;
}

/** Bytes of the bitmap per group of `groupRanks`. */
const GROUP = 8;

/**
 * The danger heads side by side, as train-crisis.ts stores them (`dangerWeights`): bucket b's
 * weight for head k is byte `b * heads + k` of the one-byte string atob gives, so one pass
 * over a message's hashes sums every head, one read a hash instead of four, and loading
 * them is one atob.
 */
interface DangerHeads {
  concerns: Concern[];
  heads: { bias: number; scale: number }[];
  weights: string;
  /** Buckets per head (a power of two). */
  size: number;
}

let riskHead: SparseHead | undefined;
let dangerHeads: DangerHeads | undefined;

/** Set bits in each byte value. */
const POPCOUNT = new Uint8Array(256);
for (let b = 1; b < 256; b++) POPCOUNT[b] = (POPCOUNT[b >> 1] as number) + (b & 1);

/** Decoded on first use, so loading the gate costs nothing until a message arrives. */
function risk(): SparseHead {
  if (riskHead) return riskHead;
  const present = atob(model.risk.present);
  const values = atob(model.risk.values);
  const groupCount = Math.ceil(present.length / GROUP);
  const stored = (model.risk as { groupRanks?: string }).groupRanks;
  const groups = stored === undefined ? '' : atob(stored);
  const head: SparseHead = {
    bias: model.risk.bias,
    scale: model.risk.scale,
    present,
    values,
    rank: new Uint32Array(present.length),
    ready: new Uint8Array(groupCount),
    groups,
  };
  // The stored counts must add up to the weights this file holds; if not (a file written
  // before them, or out of step), every byte is counted here, as it always was.
  const last = groupCount - 1;
  if (groups.length !== groupCount * 4 || (last >= 0 && endOfGroup(head, last) !== values.length)) {
    let count = 0;
    for (let i = 0; i < present.length; i++) {
      head.rank[i] = count;
      count += POPCOUNT[present.charCodeAt(i)] as number;
    }
    head.ready.fill(1);
  }
  riskHead = head;
  return head;
}

/** The stored count of set bits before group `g`. */
const groupStart = (groups: string, g: number): number =>
  (groups.charCodeAt(g * 4) |
    (groups.charCodeAt(g * 4 + 1) << 8) |
    (groups.charCodeAt(g * 4 + 2) << 16) |
    (groups.charCodeAt(g * 4 + 3) << 24)) >>>
  0;

/** Works out the byte counts of group `g` from its stored start; returns the count after it. */
function endOfGroup(head: SparseHead, g: number): number {
  const { present, rank } = head;
  let count = groupStart(head.groups, g);
  const end = Math.min(present.length, (g + 1) * GROUP);
  for (let i = g * GROUP; i < end; i++) {
    rank[i] = count;
    count += POPCOUNT[present.charCodeAt(i)] as number;
  }
  head.ready[g] = 1;
  return count;
}

/** The danger heads, decoded only once a message is sure to need the resources. */
function danger(): DangerHeads {
  if (dangerHeads) return dangerHeads;
  const entries = Object.entries(model.danger);
  const weights = atob(model.dangerWeights);
  const size = weights.length / entries.length;
  // A file in another layout would be read wrong, not fail: it must fail (the gate then answers
  // with the crisis reply), and `train-crisis.ts --check` calls such a file stale.
  if (model.version !== 4 || !Number.isInteger(size) || (size & (size - 1)) !== 0)
    throw new Error('classifier.json is not in the layout classifier.ts reads: run npm run train:crisis');
  dangerHeads = {
    concerns: entries.map(([concern]) => concern as Concern),
    heads: entries.map(([, head]) => ({ bias: head.bias, scale: head.scale })),
    weights,
    size,
  };
  return dangerHeads;
}

/**
 * Every danger head's weighted sum over the hashes of every clause (bucket: low bits, sign:
 * top bit). Whole numbers added in any order give the same sums, so this is exactly the sum
 * each head would give on its own.
 */
function dangerSums({ weights, size, concerns }: DangerHeads, hashes: Uint32Array, count: number): number[] {
  const heads = concerns.length;
  const mask = size - 1;
  const sums = new Array<number>(heads).fill(0);
  for (let i = 0; i < count; i++) {
    const h = hashes[i] as number;
    const at = (h & mask) * heads;
    // Each byte as a signed int8.
    if (h >>> 31 === 1)
      for (let k = 0; k < heads; k++)
        sums[k] = (sums[k] as number) - ((weights.charCodeAt(at + k) << 24) >> 24);
    else
      for (let k = 0; k < heads; k++)
        sums[k] = (sums[k] as number) + ((weights.charCodeAt(at + k) << 24) >> 24);
  }
  return sums;
}

/**
 * A message's feature hashes, reused from message to message: a 320-character message has
 * about 3,000, which as arrays of numbers were a third of the garbage a check made (and of the
 * young-generation collections that land inside a check: its p99). Filled by riskScore, read
 * before the next message.
 */
class HashBuffer implements HashSink {
  values = new Uint32Array(8192);
  length = 0;
  push(hash: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    // Every hash is a 32-bit unsigned number (`>>> 0`), so it is stored exactly.
    this.values[this.length++] = hash;
  }
}
const messageHashes = new HashBuffer();

/** The sparse risk head's weighted sum over hashes [from, to): a bucket whose bit is clear weighs zero. */
function weightedSparse(head: SparseHead, hashes: Uint32Array, from: number, to: number): number {
  const { present, values, rank, ready } = head;
  const mask = present.length * 8 - 1;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const h = hashes[i] as number;
    const bucket = h & mask;
    const at = bucket >>> 3;
    const byte = present.charCodeAt(at);
    const bit = bucket & 7;
    if (((byte >>> bit) & 1) === 0) continue;
    if (ready[at >>> 3] === 0) endOfGroup(head, at >>> 3);
    const w =
      (values.charCodeAt((rank[at] as number) + (POPCOUNT[byte & ((1 << bit) - 1)] as number)) << 24) >> 24;
    sum += h >>> 31 === 1 ? -w : w;
  }
  return sum;
}

const logistic = (head: { bias: number; scale: number }, sum: number): number =>
  1 / (1 + Math.exp(-(head.bias + head.scale * sum)));

/**
 * A sum over `count` features, as features of length one read it (lengthScale in
 * scripts/lib/logistic.ts): fewer than the model's `lengthFloor` count as that many.
 */
const ofLengthOne = (sum: number, count: number): number =>
  count > 0 ? sum / Math.sqrt(Math.max(model.lengthFloor, count)) : 0;

/**
 * The risk probability of the message: the highest of the whole and each clause. The model
 * is linear, so the whole message's sum is the sum of its clauses' sums (and its feature
 * count the sum of theirs). `concepts` are each clause's concepts, when the frames layer has
 * found them already.
 */
export function riskScore(folded: Folded, concepts?: readonly string[][]): { risk: number } {
  const head = risk();
  const clauses = clausesOf(folded);
  const hashes = messageHashes;
  hashes.length = 0;
  let total = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < clauses.length; i++) {
    const from = hashes.length;
    clauseHashes(clauses[i] as string, concepts?.[i], hashes);
    const sum = weightedSparse(head, hashes.values, from, hashes.length);
    total += sum;
    if (clauses.length > 1) best = Math.max(best, ofLengthOne(sum, hashes.length - from));
  }
  best = Math.max(best, ofLengthOne(total, hashes.length));
  return { risk: logistic(head, best) };
}

/**
 * A danger head must be this sure before the classifier alone turns the crisis reply into a
 * danger-now one. The two mistakes differ: a danger line given the crisis reply still hears
 * 911 and 988; a suicidal person told "if you're afraid you might hurt someone" is not heard.
 * At 0.7 rather than 0.5, held-out crisis lines given their own reply rose 88.0% -> 88.5% and
 * danger lines given theirs fell 82.0% -> 81.2% (2026-12-01, late); the resources are the same.
 */
const DANGER_HEAD_BAR = 0.7;

/**
 * The danger concern the message riskScore has just read is most about, when a head is sure
 * enough of it: the danger heads read every clause's hashes, still in the buffer.
 */
function dangerConcern(): Concern | undefined {
  const heads = danger();
  const sums = dangerSums(heads, messageHashes.values, messageHashes.length);
  let best: Concern | undefined;
  let bestP = DANGER_HEAD_BAR;
  heads.concerns.forEach((concern, k) => {
    const p = logistic(heads.heads[k] as { bias: number; scale: number }, sums[k] as number);
    if (p > bestP) [best, bestP] = [concern, p];
  });
  return best;
}

/** A bag of n-grams says little about one or two words ("delete", "quit"): the lists do. */
const MIN_WORDS = 3;

/** Whether the text has at least `least` words (runs between spaces, the clause mark not one), counted in place. */
function hasWords(text: string, least: number): boolean {
  let words = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf(' ', start);
    if (end === -1) end = text.length;
    const length = end - start;
    if (length > 0 && !(length === 1 && text.charCodeAt(start) === HASH)) {
      words++;
      if (words >= least) return true;
    }
    start = end + 1;
  }
  return false;
}
const HASH = '#'.charCodeAt(0);

export function scoreRisk(folded: Folded, watchful: boolean, concepts?: readonly string[][]): Signal[] {
  if (!hasWords(folded.squeezed[0] ?? '', MIN_WORDS)) return [];
  const { risk } = riskScore(folded, concepts);
  const { sure, grey, watchful: loose } = model.thresholds;
  // Watchful, the bar for sure drops to the loosest threshold; otherwise that band only supports.
  const strength =
    risk >= (watchful ? loose : sure)
      ? 'sure'
      : risk >= grey
        ? 'weak'
        : risk >= loose
          ? 'support'
          : undefined;
  if (!strength) return [];
  const concern = strength === 'sure' ? (dangerConcern() ?? 'self') : 'self';
  return [{ layer: 'classifier', concern, strength, negated: false, rule: `p=${risk.toFixed(2)}` }];
}
