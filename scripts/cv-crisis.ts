/**
 * `npm run cv:crisis`: the classifier's risk head cross-validated inside the training split
 * only (the held-out fifth is never read), to choose its settings:
 * - random 5-fold (lines of one writer on both sides of the split, as in the held-out fifth);
 * - leave one source file out (each file has its own writer: the nearer stand-in for a new one).
 * Prints, for each scheme, the share of risk lines above thresholds that let through 2% and 4%
 * of everyday lines, scored as the gate scores (the highest of the whole message and each
 * clause), and by kind at 2%.
 *
 *   --scheme=lofo|kfold|both   (default both)
 *   --clusters=off             without the word-cluster features (features.ts)
 *   --dimensions=N --l2=X --riskRate=X --epochs=N   risk head settings to try
 */
import { CLUSTER_FEATURES } from '../src/core/crisis/features.ts';
import type { CorpusLine } from './lib/crisis-corpus.ts';
import { train } from './lib/logistic.ts';
import {
  CONFIG,
  classifierLines,
  isRisk,
  type Prepared,
  prepare,
  riskExamples,
  riskOptions,
  riskProbability,
} from './train-crisis.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const scheme = arg('scheme') ?? 'both';
if (arg('clusters') === 'off') CLUSTER_FEATURES.on = false;
if (arg('dimensions')) {
  CONFIG.dimensions = Number(arg('dimensions'));
  riskOptions.dimensions = CONFIG.dimensions;
}
if (arg('l2')) riskOptions.l2 = Number(arg('l2'));
if (arg('riskRate')) riskOptions.rate = Number(arg('riskRate'));
if (arg('epochs')) riskOptions.epochs = Number(arg('epochs'));

const lines = classifierLines();
const items = prepare(lines);

/** Out-of-fold risk probabilities: each line scored by a model that never saw its fold. */
function outOfFold(foldOf: (i: number) => number, folds: number): number[] {
  const scores = new Array<number>(items.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const model = train(riskExamples(items.filter((_, i) => foldOf(i) !== f)), riskOptions);
    items.forEach((item, i) => {
      if (foldOf(i) === f) scores[i] = riskProbability(model, item);
    });
  }
  return scores;
}

const riskIdx = items.map((it, i) => (isRisk(it.line) ? i : -1)).filter((i) => i >= 0);
const everyIdx = items.map((it, i) => (isRisk(it.line) ? -1 : i)).filter((i) => i >= 0);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function report(name: string, scores: number[]): void {
  console.log(`\n## ${name}`);
  const everyday = everyIdx.map((i) => scores[i] as number).sort((a, b) => b - a);
  for (const share of [0.02, 0.04]) {
    const t = everyday[Math.floor(share * everyday.length)] ?? 0.5;
    const above = (idx: number[]) => idx.filter((i) => (scores[i] as number) > t).length / idx.length;
    console.log(
      `everyday ${pct(share)}: risk lines above ${pct(above(riskIdx))} (threshold ${t.toFixed(3)})`,
    );
    if (share !== 0.02) continue;
    const kinds = new Map<string, number[]>();
    for (const i of riskIdx) {
      const k = (items[i] as Prepared).line.kind;
      kinds.set(k, [...(kinds.get(k) ?? []), i]);
    }
    for (const [k, idx] of [...kinds.entries()].sort())
      console.log(`  ${k.padEnd(16)} ${String(idx.length).padStart(4)}  ${pct(above(idx)).padStart(6)}`);
  }
}

if (scheme !== 'lofo')
  report(
    'random 5-fold',
    outOfFold((i) => i % 5, 5),
  );
if (scheme !== 'kfold') {
  const sources = [...new Set(lines.map((l: CorpusLine) => l.source))].sort();
  report(
    `leave one file out (${sources.length} files)`,
    outOfFold((i) => sources.indexOf((lines[i] as CorpusLine).source), sources.length),
  );
}
console.log(
  `\nrisk head: ${riskOptions.dimensions} buckets, l2 ${riskOptions.l2}, rate ${riskOptions.rate}, epochs ${riskOptions.epochs}; word clusters ${CLUSTER_FEATURES.on ? 'on' : 'off'}`,
);
