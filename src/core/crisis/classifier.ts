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

interface Heads {
  risk: Head;
  danger: [Concern, Head][];
}

let heads: Heads | undefined;

function decode(head: { bias: number; scale: number; weights: string }): Head {
  const binary = atob(head.weights);
  const weights = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) weights[i] = (binary.charCodeAt(i) << 24) >> 24;
  return { bias: head.bias, scale: head.scale, weights };
}

/** Decoded on first use, so loading the gate costs nothing until a message arrives. */
function load(): Heads {
  heads ??= {
    risk: decode(model.risk),
    danger: Object.entries(model.danger).map(([concern, head]) => [concern as Concern, decode(head)]),
  };
  return heads;
}

/** The head's probability for a set of 32-bit feature hashes (bucket: low bits, sign: top bit). */
function probability(head: Head, hashes: readonly number[]): number {
  const mask = head.weights.length - 1;
  let sum = 0;
  for (const h of hashes) {
    const w = head.weights[h & mask] as number;
    sum += h >>> 31 === 1 ? -w : w;
  }
  return 1 / (1 + Math.exp(-(head.bias + head.scale * sum)));
}

/**
 * The risk probability of the message: the highest of the whole and each clause.
 * `concepts` are each clause's concepts, when the frames layer has found them already.
 */
export function riskScore(
  folded: Folded,
  concepts?: readonly string[][],
): { risk: number; hashes: number[] } {
  const { risk } = load();
  const perClause = clausesOf(folded).map((c, i) => clauseHashes(c, concepts?.[i]));
  const hashes = perClause.flat();
  let best = probability(risk, hashes);
  if (perClause.length > 1) for (const one of perClause) best = Math.max(best, probability(risk, one));
  return { risk: best, hashes };
}

/** The danger concern the message is most about, when one is likelier than not. */
function dangerConcern(hashes: readonly number[]): Concern | undefined {
  let best: Concern | undefined;
  let bestP = 0.5;
  for (const [concern, head] of load().danger) {
    const p = probability(head, hashes);
    if (p > bestP) [best, bestP] = [concern, p];
  }
  return best;
}

/** A bag of n-grams says little about one or two words ("delete", "quit"): the lists do. */
const MIN_WORDS = 3;

export function scoreRisk(folded: Folded, watchful: boolean, concepts?: readonly string[][]): Signal[] {
  const words = (folded.squeezed[0] ?? '').split(' ').filter((w) => w !== '' && w !== '#').length;
  if (words < MIN_WORDS) return [];
  const { risk, hashes } = riskScore(folded, concepts);
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
  const concern = strength === 'sure' ? (dangerConcern(hashes) ?? 'self') : 'self';
  return [{ layer: 'classifier', concern, strength, negated: false, rule: `p=${risk.toFixed(2)}` }];
}
