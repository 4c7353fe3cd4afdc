/**
 * The classifier layer: a linear model on hashed n-grams (features.ts), trained from the
 * corpus by `npm run train:crisis` (scripts/train-crisis.ts) into data/classifier.json.
 * It hears what no list was written for: paraphrases, slang, typos, other wordings.
 *
 * A message is scored as a whole and clause by clause (a crisis buried in a long message is
 * not diluted by the rest of it); the highest score counts. Above `sure` it gives the
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
  weights: Int8Array;
}

let riskHead: Head | undefined;
let dangerHeads: [Concern, Head][] | undefined;

function decode(head: { bias: number; scale: number; weights: string }): Head {
  const binary = atob(head.weights);
  const weights = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) weights[i] = (binary.charCodeAt(i) << 24) >> 24;
  return { bias: head.bias, scale: head.scale, weights };
}

/** Decoded on first use, so loading the gate costs nothing until a message arrives. */
function risk(): Head {
  riskHead ??= decode(model.risk);
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
    const w = head.weights[h & mask] as number;
    sum += h >>> 31 === 1 ? -w : w;
  }
  return sum;
}

const logistic = (head: Head, sum: number): number => 1 / (1 + Math.exp(-(head.bias + head.scale * sum)));

/**
 * The risk probability of the message: the highest of the whole and each clause. The model
 * is linear, so the whole message's sum is the sum of its clauses' sums. `concepts` are each
 * clause's concepts, when the frames layer has found them already.
 */
export function riskScore(
  folded: Folded,
  concepts?: readonly string[][],
): { risk: number; perClause: number[][] } {
  const head = risk();
  const perClause = clausesOf(folded).map((c, i) => clauseHashes(c, concepts?.[i]));
  const sums = perClause.map((hashes) => weighted(head, hashes));
  let best = logistic(
    head,
    sums.reduce((a, b) => a + b, 0),
  );
  if (sums.length > 1) for (const sum of sums) best = Math.max(best, logistic(head, sum));
  return { risk: best, perClause };
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
