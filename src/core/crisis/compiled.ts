/**
 * What `npm run train:crisis` works out once so that no fresh process has to: the lexicon's
 * required literals (lexicon.ts) and the concept lists in folded spelling (frames.ts), from
 * data/concepts.json. Stored as one JSON string and parsed on first use, which costs a cold
 * start far less than the same data as object literals. A test fails when it is stale.
 */
import stored from './data/compiled.json' with { type: 'json' };

export interface Compiled {
  /** Pattern hash -> required literal sets (null: the phrase always runs). */
  gates: Record<string, string[][] | null>;
  /** Concept -> its phrases, folded as the gate folds messages. */
  concepts: Record<string, string[]>;
}

let parsed: Compiled | undefined;

export function compiled(): Compiled {
  parsed ??= JSON.parse(stored.json) as Compiled;
  return parsed;
}
