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
import { clauseHashes, clausesOf } from './features.ts';
import type { Folded } from './normalize.ts';
import type { Concern, Signal } from './signals.ts';

interface Head {
  bias: number;
  scale: number;
  /** The int8 weights as the one-byte string atob gives: read in place, no copy to decode. */
  weights: string;
}

/**
 * The risk head, three-fifths of whose 2^19 weights are zero, as train-crisis.ts stores it:
 * a bitmap of the buckets that are not zero, and those weights in bucket order. A bucket's
 * weight is found by counting the set bits before it: `rank` holds the count before each
 * byte of the bitmap, POPCOUNT the rest.
 */
interface SparseHead {
  bias: number;
  scale: number;
  /** The bitmap as a one-byte string: bucket i is bit i % 8 of byte i / 8. */
  present: string;
  /** The non-zero int8 weights, in bucket order, as a one-byte string. */
  values: string;
  /** Set bits of `present` before each of its bytes. */
  rank: Uint32Array;
}

let riskHead: SparseHead | undefined;
let dangerHeads: [Concern, Head][] | undefined;

function decode(head: { bias: number; scale: number; weights: string }): Head {
  return { bias: head.bias, scale: head.scale, weights: atob(head.weights) };
}

/** Set bits in each byte value. */
const POPCOUNT = new Uint8Array(256);
for (let b = 1; b < 256; b++) POPCOUNT[b] = (POPCOUNT[b >> 1] as number) + (b & 1);

/** Decoded on first use, so loading the gate costs nothing until a message arrives. */
function risk(): SparseHead {
  if (riskHead) return riskHead;
  const present = atob(model.risk.present);
  const rank = new Uint32Array(present.length);
  let count = 0;
  for (let i = 0; i < present.length; i++) {
    rank[i] = count;
    count += POPCOUNT[present.charCodeAt(i)] as number;
  }
  riskHead = {
    bias: model.risk.bias,
    scale: model.risk.scale,
    present,
    values: atob(model.risk.values),
    rank,
  };
  return riskHead;
}

/** The danger heads, decoded only once a message is sure to need the resources. */
function danger(): [Concern, Head][] {
  dangerHeads ??= Object.entries(model.danger).map(([concern, head]) => [concern as Concern, decode(head)]);
  return dangerHeads;
}

/** The head's weighted sum over 32-bit feature hashes (bucket: low bits, sign: top bit). */
function weighted(head: Head, hashes: readonly number[]): number {
  const mask = head.weights.length - 1;
  let sum = 0;
  for (const h of hashes) {
    // A byte as a signed int8.
    const w = (head.weights.charCodeAt(h & mask) << 24) >> 24;
    sum += h >>> 31 === 1 ? -w : w;
  }
  return sum;
}

/** The same sum over the sparse risk head: a bucket whose bit is clear weighs zero. */
function weightedSparse(head: SparseHead, hashes: readonly number[]): number {
  const { present, values, rank } = head;
  const mask = present.length * 8 - 1;
  let sum = 0;
  for (const h of hashes) {
    const bucket = h & mask;
    const at = bucket >>> 3;
    const byte = present.charCodeAt(at);
    const bit = bucket & 7;
    if (((byte >>> bit) & 1) === 0) continue;
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
export function riskScore(
  folded: Folded,
  concepts?: readonly string[][],
): { risk: number; perClause: number[][] } {
  const head = risk();
  const perClause = clausesOf(folded).map((c, i) => clauseHashes(c, concepts?.[i]));
  let total = 0;
  let count = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (const hashes of perClause) {
    const sum = weightedSparse(head, hashes);
    total += sum;
    count += hashes.length;
    if (perClause.length > 1) best = Math.max(best, ofLengthOne(sum, hashes.length));
  }
  best = Math.max(best, ofLengthOne(total, count));
  return { risk: logistic(head, best), perClause };
}

/** The danger concern the message is most about, when one is likelier than not. */
function dangerConcern(perClause: readonly number[][]): Concern | undefined {
  let best: Concern | undefined;
  let bestP = 0.5;
  for (const [concern, head] of danger()) {
    const p = logistic(
      head,
      perClause.reduce((sum, hashes) => sum + weighted(head, hashes), 0),
    );
    if (p > bestP) [best, bestP] = [concern, p];
  }
  return best;
}

/** A bag of n-grams says little about one or two words ("delete", "quit"): the lists do. */
const MIN_WORDS = 3;

export function scoreRisk(folded: Folded, watchful: boolean, concepts?: readonly string[][]): Signal[] {
  const words = (folded.squeezed[0] ?? '').split(' ').filter((w) => w !== '' && w !== '#').length;
  if (words < MIN_WORDS) return [];
  const { risk, perClause } = riskScore(folded, concepts);
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
  const concern = strength === 'sure' ? (dangerConcern(perClause) ?? 'self') : 'self';
  return [{ layer: 'classifier', concern, strength, negated: false, rule: `p=${risk.toFixed(2)}` }];
}
