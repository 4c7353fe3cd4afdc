/**
 * What `npm run train:crisis` works out once so that no fresh process has to: the lexicon's
 * required literals (lexicon.ts), the concept lists in folded spelling and indexed (frames.ts), the word
 * clusters packed for lookup in place (clusters.ts), the other-language lists folded
 * (languages.ts), and the few trigram models of franc-min
 * that languages.ts compares (so the bundle carries 5 of its 82 languages, not all of them).
 * Each part is stored as a JSON string and parsed on first use, which costs a cold start far
 * less than the same data as object literals. A test fails when it is stale.
 */
import type { PackedClusters } from './clusters.ts';
import stored from './data/compiled.json' with { type: 'json' };
import type { StoredConceptIndex } from './frames.ts';
import type { StoredLanguages } from './languages.ts';

export interface Compiled {
  /** Each lexicon phrase, in order: its pattern and required literal sets (null: the phrase always runs). */
  gates: [string, string[][] | null][];
  /** The concept phrases, folded as the gate folds messages, indexed for lookup (frames.ts). */
  conceptIndex: StoredConceptIndex;
  /** data/word-clusters.json, packed (clusters.ts). */
  clusters: PackedClusters;
  /** data/other-languages.json, folded (languages.ts). */
  languages: StoredLanguages;
  /** Of those lists, what a message in plain ASCII can hold (languages.ts asciiPart). */
  languagesAscii: StoredLanguages;
  /** franc-min's Latin-script trigram models of the languages languages.ts compares, by code. */
  latinTrigrams: Record<string, string>;
}

const parsed: Partial<Compiled> = {};

/**
 * One part of the compiled data, parsed the first time it is asked for: each part is its own
 * JSON string, so a message pays only for the parts it reads (the franc models, for one, only
 * when a message may be Spanish).
 */
export function compiled<K extends keyof Compiled>(part: K): Compiled[K] {
  let value = parsed[part];
  if (value === undefined) {
    value = JSON.parse((stored as Record<keyof Compiled, string>)[part]) as Compiled[K];
    parsed[part] = value;
  }
  return value as Compiled[K];
}
