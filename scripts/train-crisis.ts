/**
 * `npm run train:crisis`: trains the crisis gate's classifier from the training split of
 * data/crisis-corpus/ (never the held-out fifth) and writes
 * src/core/crisis/data/classifier.json; it also writes data/compiled.json (the lexicon's
 * required literals, the folded concept lists, the word clusters packed for the gate, the
 * other-language lists folded and the franc-min models it compares). Deterministic: the same corpus gives the same files.
 *
 * Two kinds of linear head on the same hashed features (src/core/crisis/features.ts):
 * - risk: crisis or danger against everyday, each message's features scaled to length one
 *   (1 / sqrt of their count), and every clause of a many-clause everyday line also taught as
 *   everyday, since the gate scores clauses on their own too;
 * - one head per danger concern (violence, overdose, someone else, harming others) against
 *   every other line, so a danger message gets the reply meant for it (raw counts).
 *
 * The risk thresholds are picked on out-of-fold scores (5-fold cross-validation within the
 * training split), scored as the gate scores (the highest of the whole message and each
 * clause), each as the lowest score that lets through a set share of everyday lines: `sure`
 * gives the resources, `grey` asks the grey-zone question, `watchful` (after a signal, and as
 * support for another layer's weak signal) is the loosest.
 *
 *   --check   exit 1 when the committed model is stale against the corpus (no writing)
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { data as trigramModels } from 'franc-min/data.js';
import { packClusters } from '../src/core/crisis/clusters.ts';
import type { Compiled } from '../src/core/crisis/compiled.ts';
import conceptLists from '../src/core/crisis/data/concepts.json' with { type: 'json' };
import languageData from '../src/core/crisis/data/other-languages.json' with { type: 'json' };
import wordClusters from '../src/core/crisis/data/word-clusters.json' with { type: 'json' };
import { clausesOf, type Feature, featuresOf } from '../src/core/crisis/features.ts';
import { foldConceptLists, indexConcepts } from '../src/core/crisis/frames.ts';
import { asciiPart, COMPARED, compileLanguages, type Entry } from '../src/core/crisis/languages.ts';
import { computeGates } from '../src/core/crisis/lexicon.ts';
import { fold } from '../src/core/crisis/normalize.ts';
import type { Concern } from '../src/core/crisis/signals.ts';
import { type CorpusLine, loadCorpus } from './lib/crisis-corpus.ts';
import { type Example, type LinearModel, lengthScale, margin, sigmoid, train } from './lib/logistic.ts';

const DATA = join(import.meta.dirname, '..', 'src', 'core', 'crisis', 'data');
export const MODEL_PATH = join(DATA, 'classifier.json');
/**
 * What the gate would otherwise work out in every fresh process: the lexicon's required
 * literals (lexicon.ts) and the concept lists in folded spelling (frames.ts).
 */
export const COMPILED_PATH = join(DATA, 'compiled.json');

/**
 * Chosen by out-of-fold figures inside the training split only (random 5-fold and leave one
 * source file out, the nearer stand-in for a new writer), never by the held-out fifth:
 * - `dimensions` 2^19 for the risk head: fewer collisions, +2 to 3 points of recall at 2% and
 *   4% everyday over 2^16. With the word clusters (features.ts) it was measured again
 *   (`npm run cv:crisis`, risk lines above the 2% everyday threshold, random 5-fold / leave
 *   one file out): 2^18 without clusters 73.1% / 68.6%, with them 74.0% / 69.5%; 2^19
 *   without 73.8% / 69.1%, with them 75.1% / 70.3% (at 4% all four are within a point:
 *   82.4-82.6% / 79.2-80.0%);
 * - length-one features with `riskRate` 0.3 (0.1 and 1 did worse): long and short messages on
 *   one scale, the largest single gain (+4 points at 2% everyday, leave-one-file-out);
 * - `lengthFloor` 128: a message of fewer features is scaled as if it had 128, so two or
 *   three words ("what's the point") stay near the bias and ask rather than tell; it costs
 *   under 2 points at 2% everyday against no floor (64 kept the points but not the damping);
 * - each concept paired with each word of its clause (features.ts): +4.5 points at 2%;
 * - `clauseNegatives` 0.5: each clause of an everyday line of several clauses is taught as
 *   everyday at half weight, so the clause-by-clause score does not raise false alarms;
 * - `epochs` 10 (5 and 20 no better), `l2` 1e-6 (1e-5 and 1e-7 the same); word trigrams,
 *   skip-bigrams, word prefixes, character n-grams within words only, 2- or 6-grams, seed
 *   averaging, iterate averaging, more weight on hard negatives: none better by a clear margin.
 * The danger heads keep their raw counts and `rate`.
 */
export const CONFIG = {
  dimensions: 2 ** 19,
  dangerDimensions: 2 ** 14,
  epochs: 10,
  /** AdaGrad's rate for the danger heads (raw counts). */
  rate: 0.03,
  /** AdaGrad's rate for the risk head (features of length one). */
  riskRate: 0.3,
  /** The least feature count the risk head's length scaling divides by (see lengthScale). */
  lengthFloor: 128,
  /** The weight of each clause of a many-clause everyday line, taught as everyday too. */
  clauseNegatives: 0.5,
  l2: 1e-6,
  seed: 20261201,
  folds: 5,
  /**
   * Out-of-fold share of everyday lines each threshold lets through, picked for recall: a
   * missed crisis costs far more than an unneeded list of numbers. The everyday lines of the
   * corpus are mostly hard negatives (jokes, recovery stories, the topic), so a share of them is
   * far more than the share of real check-ins. Out of fold, risk lines above `sure`: 74.8% at
   * 2%, 81.2% at 3%, 84.5% at 4% (2026-12-01, 16,600 training lines); 2% had been chosen while
   * the lists carried more, and as new writers' hard negatives joined, its bar rose (0.901 to
   * 0.910) and recall on their own held-out lines fell. `grey` asks the grey-zone question
   * between; `watchful` (after a signal, and as support for another layer) is looser.
   */
  everydayAbove: { sure: 0.04, grey: 0.06, watchful: 0.1 },
};

/** The danger concern a corpus kind is about; undefined for kinds that are not danger now. */
const DANGER_OF_KIND: Readonly<Record<string, Concern>> = {
  abuse: 'violence',
  ingestion: 'overdose',
  'other-danger': 'someone-else',
  'harm-others': 'harm-others',
};
const DANGERS = ['violence', 'overdose', 'someone-else', 'harm-others'] as const;

export interface Prepared {
  line: CorpusLine;
  risk: Feature[];
  /** The risk features of each clause, when there are several (the gate scores each too). */
  riskClauses: Feature[][];
  danger: Feature[];
}

export function prepare(lines: readonly CorpusLine[]): Prepared[] {
  return lines.map((line) => {
    const clauses = clausesOf(fold(line.text));
    return {
      line,
      risk: featuresOf(clauses, CONFIG.dimensions),
      riskClauses: clauses.length > 1 ? clauses.map((c) => featuresOf([c], CONFIG.dimensions)) : [],
      danger: featuresOf(clauses, CONFIG.dangerDimensions),
    };
  });
}

export const isRisk = (line: CorpusLine) => line.expect !== 'none';

export function riskExamples(items: readonly Prepared[]): Example[] {
  const positives = items.filter((i) => isRisk(i.line)).length;
  const negatives = items.length - positives;
  // Balanced classes: each side counts as much in all, whatever its size.
  const everyday = items.length / (2 * negatives);
  const examples: Example[] = items.map((i) => ({
    features: i.risk,
    label: isRisk(i.line) ? 1 : 0,
    weight: isRisk(i.line) ? items.length / (2 * positives) : everyday,
    scale: lengthScale(i.risk.length, CONFIG.lengthFloor),
  }));
  // An everyday line's clauses are everyday too (a risk line's need not all be risk).
  for (const i of items) {
    if (isRisk(i.line)) continue;
    for (const features of i.riskClauses)
      examples.push({
        features,
        label: 0,
        weight: CONFIG.clauseNegatives * everyday,
        scale: lengthScale(features.length, CONFIG.lengthFloor),
      });
  }
  return examples;
}

function dangerExamples(items: readonly Prepared[], concern: Concern): Example[] {
  const labelled = items.filter(
    (i) => i.line.expect !== 'danger' || DANGER_OF_KIND[i.line.kind] !== undefined,
  );
  const positives = labelled.filter((i) => DANGER_OF_KIND[i.line.kind] === concern).length;
  return labelled.map((i) => {
    const yes = DANGER_OF_KIND[i.line.kind] === concern;
    return {
      features: i.danger,
      label: yes ? 1 : 0,
      weight: yes ? labelled.length / (2 * positives) : labelled.length / (2 * (labelled.length - positives)),
      scale: 1,
    };
  });
}

const options = (dimensions: number) => ({ ...CONFIG, dimensions });
export const riskOptions = { ...CONFIG, rate: CONFIG.riskRate };

/** The risk probability as the gate reads it (classifier.ts): the highest of the whole and each clause. */
export function riskProbability(model: LinearModel, item: Prepared): number {
  let best = margin(model, item.risk, lengthScale(item.risk.length, CONFIG.lengthFloor));
  for (const c of item.riskClauses)
    best = Math.max(best, margin(model, c, lengthScale(c.length, CONFIG.lengthFloor)));
  return sigmoid(best);
}

/** Out-of-fold risk probabilities: each line scored by a model that never saw it. */
function outOfFold(items: readonly Prepared[]): number[] {
  const scores = new Array<number>(items.length).fill(0);
  for (let fold = 0; fold < CONFIG.folds; fold++) {
    const trainOn = items.filter((_, i) => i % CONFIG.folds !== fold);
    const model = train(riskExamples(trainOn), riskOptions);
    items.forEach((item, i) => {
      if (i % CONFIG.folds === fold) scores[i] = riskProbability(model, item);
    });
  }
  return scores;
}

/** The lowest threshold that lets through at most `share` of the everyday lines. */
function thresholdFor(scores: readonly number[], items: readonly Prepared[], share: number): number {
  const everyday = scores.filter((_, i) => !isRisk((items[i] as Prepared).line)).sort((a, b) => b - a);
  return everyday[Math.floor(share * everyday.length)] ?? 0.5;
}

/** The layout of classifier.json that classifier.ts reads. */
const MODEL_VERSION = 4;

/** Weights as int8 with one scale: a quarter of the size of float32, no measurable loss. */
function quantize(model: LinearModel): { bias: number; scale: number; bytes: Int8Array } {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const bytes = new Int8Array(model.weights.length);
  model.weights.forEach((w, i) => {
    bytes[i] = Math.round(w / scale);
  });
  return { bias: Number(model.bias.toFixed(6)), scale: Number(scale.toPrecision(8)), bytes };
}

const base64 = (bytes: Uint8Array | Int8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * The danger heads' int8 weights, every bucket (nearly all are non-zero), side by side in one
 * base64 string: bucket b of head k is byte `b * heads + k`, so the gate sums every head in one
 * pass over a message's hashes, one read a hash, with nothing to rearrange when it loads
 * (classifier.ts). Each head keeps its own bias and scale.
 */
function sideBySide(heads: readonly [Concern, LinearModel][]): {
  heads: Record<string, { bias: number; scale: number }>;
  weights: string;
} {
  const quantized = heads.map(([concern, model]) => [concern, quantize(model)] as const);
  const size = quantized[0]?.[1].bytes.length ?? 0;
  const bytes = new Int8Array(size * quantized.length);
  quantized.forEach(([, q], k) => {
    if (q.bytes.length !== size) throw new Error('danger heads of different sizes');
    q.bytes.forEach((w, b) => {
      bytes[b * quantized.length + k] = w;
    });
  });
  return {
    heads: Object.fromEntries(quantized.map(([concern, q]) => [concern, { bias: q.bias, scale: q.scale }])),
    weights: base64(bytes),
  };
}

/**
 * A head's int8 weights as a bitmap of the buckets that are not zero and those weights in
 * bucket order, both base64 (classifier.ts reads them in place). The risk head's 2^19 buckets
 * are three-fifths zero: 372 KB instead of 699 KB of the bundle, the same weights exactly.
 */
/**
 * Set bits of the bitmap before each group of eight of its bytes, as little-endian uint32s:
 * the gate works out a group's ranks from this the first time a message reads the group,
 * instead of counting the whole bitmap on its first message (classifier.ts).
 */
export function groupRanks(present: Uint8Array): Uint8Array {
  const groups = Math.ceil(present.length / 8);
  const out = new Uint8Array(groups * 4);
  const view = new DataView(out.buffer);
  let count = 0;
  for (let g = 0; g < groups; g++) {
    view.setUint32(g * 4, count, true);
    for (let i = g * 8; i < Math.min(present.length, g * 8 + 8); i++)
      for (let b = present[i] as number; b !== 0; b &= b - 1) count++;
  }
  return out;
}

function sparse(model: LinearModel): {
  bias: number;
  scale: number;
  present: string;
  values: string;
  groupRanks: string;
} {
  const { bias, scale, bytes } = quantize(model);
  const present = new Uint8Array(Math.ceil(bytes.length / 8));
  const values: number[] = [];
  bytes.forEach((w, i) => {
    if (w === 0) return;
    present[i >>> 3] = (present[i >>> 3] as number) | (1 << (i & 7));
    values.push(w);
  });
  return {
    bias,
    scale,
    present: base64(present),
    values: base64(Int8Array.from(values)),
    groupRanks: base64(groupRanks(present)),
  };
}

/** What the model was trained from: the training lines, the concept lists and the settings. */
function fingerprint(lines: readonly CorpusLine[]): string {
  const hash = createHash('sha256');
  // A model written in another layout is stale too: classifier.ts reads this one.
  hash.update(`model ${MODEL_VERSION}`);
  hash.update(JSON.stringify(CONFIG));
  // The model reads the frames' concepts as features: new concepts make it stale too.
  hash.update(JSON.stringify(foldConceptLists(conceptLists)));
  // And the word clusters (npm run distil:embeddings).
  hash.update(JSON.stringify(wordClusters));
  for (const l of lines) hash.update(`${l.expect}\t${l.kind}\t${l.text}\n`);
  return hash.digest('hex');
}

/**
 * The lines the classifier learns from: the training split, less the product's own commands
 * (kind `command`), which src/core/crisis/commands.ts reads as a grammar. Learning them taught
 * the classifier that "delete" and "plan" are safe words ("i want to be deleted" fell below
 * its thresholds); the eval still scores them, as everyday lines.
 */
export function classifierLines(): CorpusLine[] {
  return loadCorpus('train').filter((line) => line.kind !== 'command');
}

export function trainModel(): { model: unknown; report: string[] } {
  const lines = classifierLines();
  const items = prepare(lines);
  const oof = outOfFold(items);
  const thresholds = {
    sure: thresholdFor(oof, items, CONFIG.everydayAbove.sure),
    watchful: thresholdFor(oof, items, CONFIG.everydayAbove.watchful),
    grey: thresholdFor(oof, items, CONFIG.everydayAbove.grey),
  };
  const risk = oof.filter((_, i) => isRisk((items[i] as Prepared).line));
  const everyday = oof.filter((_, i) => !isRisk((items[i] as Prepared).line));
  const share = (list: number[], t: number) => (100 * list.filter((s) => s > t).length) / list.length;
  const report = Object.entries(thresholds).map(
    ([name, t]) =>
      `${name.padEnd(8)} ${t.toFixed(3)}  out of fold: risk lines above ${share(risk, t).toFixed(1)}%, everyday ${share(everyday, t).toFixed(1)}%`,
  );

  const riskHead = train(riskExamples(items), riskOptions);
  const danger = sideBySide(
    DANGERS.map((concern) => [
      concern,
      train(dangerExamples(items, concern), options(CONFIG.dangerDimensions)),
    ]),
  );
  const model = {
    // 4: the danger heads' weights side by side in one string (sideBySide).
    version: MODEL_VERSION,
    trainedOn: fingerprint(lines),
    lines: lines.length,
    dimensions: CONFIG.dimensions,
    dangerDimensions: CONFIG.dangerDimensions,
    lengthFloor: CONFIG.lengthFloor,
    thresholds: Object.fromEntries(Object.entries(thresholds).map(([k, v]) => [k, Number(v.toFixed(4))])),
    risk: sparse(riskHead),
    danger: danger.heads,
    dangerWeights: danger.weights,
  };
  return { model, report };
}

/** The compiled file as it should be for the lexicon, concepts, clusters and franc-min as they are now. */
export function compiledFile(): string {
  const latin = trigramModels.Latin as Record<string, string>;
  const languages = compileLanguages(languageData as Record<string, Entry>);
  const compiled: Compiled = {
    gates: computeGates(),
    conceptIndex: indexConcepts(foldConceptLists(conceptLists)),
    clusters: packClusters(wordClusters),
    languages,
    languagesAscii: asciiPart(languages),
    latinTrigrams: Object.fromEntries(
      COMPARED.filter((code) => code in latin).map((code) => [code, latin[code] as string]),
    ),
  };
  const about =
    'Written by npm run train:crisis from lexicon.ts, concepts.json, word-clusters.json, other-languages.json and franc-min; see compiled.ts.';
  const parts = Object.fromEntries(
    Object.entries(compiled).map(([part, value]) => [part, JSON.stringify(value)]),
  );
  return `${JSON.stringify({ about, ...parts })}\n`;
}

/** Whether the committed model and gates were built from the corpus and lexicon as they are now. */
export function isStale(): boolean {
  const committed = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as { trainedOn?: string };
  return (
    committed.trainedOn !== fingerprint(classifierLines()) ||
    readFileSync(COMPILED_PATH, 'utf8') !== compiledFile()
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = isStale();
    console.log(stale ? 'stale: run npm run train:crisis' : 'up to date');
    process.exit(stale ? 1 : 0);
  }
  const fresh = compiledFile();
  if (!process.argv.includes('--model') && readFileSync(COMPILED_PATH, 'utf8') !== fresh) {
    // The classifier reads concepts through compiled.ts, which this process loaded before the
    // lists changed: write them, then train in a fresh process that reads what was written.
    writeFileSync(COMPILED_PATH, fresh);
    execFileSync(process.execPath, [...process.execArgv, ...process.argv.slice(1), '--model'], {
      stdio: 'inherit',
    });
    process.exit(0);
  }
  const { model, report } = trainModel();
  writeFileSync(MODEL_PATH, `${JSON.stringify(model)}\n`);
  process.stdout.write(`${report.join('\n')}\nwrote ${MODEL_PATH} and ${COMPILED_PATH}\n`);
}
