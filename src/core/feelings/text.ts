/**
 * Reading free words: one normalisation shared by the feeling, goal and journal matchers,
 * so "Burnt-out!!", "burnt out" and "BURNT  OUT" all meet the same phrase.
 */

/** Longest input we read at all: an SMS is at most ~1,600 characters; the rest is noise. */
export const MAX_TEXT_CHARS = 5000;

/** Stands between tokens where punctuation ended a clause ("not sad, just tired"). */
export const BOUNDARY = '|';

/**
 * Lowercase word tokens of `text`, at most `MAX_TEXT_CHARS` of it. Clause punctuation
 * becomes a `BOUNDARY` token; curly apostrophes become straight ones; accents are dropped;
 * letters stretched for emphasis ("sooo", "tiiired") shrink to one. Never throws.
 */
export function tokenize(text: string): string[] {
  const cleaned = String(text)
    .slice(0, MAX_TEXT_CHARS)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\|/g, ' ')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/([a-z])\1{2,}/g, '$1')
    .replace(/[.!?,;:()\n\r\u2026]+/g, ` ${BOUNDARY} `)
    .replace(/[^a-z0-9'| ]+/g, ' ');
  const tokens: string[] = [];
  for (const raw of cleaned.split(' ')) {
    const token = raw.replace(/^'+|'+$/g, '');
    if (token === '') continue;
    if (token === BOUNDARY && (tokens.length === 0 || tokens[tokens.length - 1] === BOUNDARY)) continue;
    tokens.push(token);
  }
  if (tokens[tokens.length - 1] === BOUNDARY) tokens.pop();
  return tokens;
}

/** The canonical key of a phrase: its tokens joined by single spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .filter((t) => t !== BOUNDARY)
    .join(' ');
}

/** How many real words (not clause boundaries) `tokens` holds. */
export function wordCount(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) if (t !== BOUNDARY) n++;
  return n;
}

export interface PhraseHit<T> {
  value: T;
  /** The phrase key that matched. */
  key: string;
  /** How many tokens it covers. */
  length: number;
}

/**
 * Phrases of one or more words mapped to values, found in token lists longest-first.
 * Each phrase is also indexed without apostrophes, because people type "cant" and "im".
 */
export class PhraseIndex<T> {
  readonly #map = new Map<string, T>();
  #maxWords = 1;

  /** Adds `phrase` unless an earlier entry already claimed it (first one wins). */
  add(phrase: string, value: T): void {
    const key = phraseKey(phrase);
    if (key === '') return;
    for (const variant of new Set([key, key.replace(/'/g, '')])) {
      if (!this.#map.has(variant)) this.#map.set(variant, value);
      this.#maxWords = Math.max(this.#maxWords, variant.split(' ').length);
    }
  }

  /** The value of exactly this phrase (normalised the same way), if any. */
  get(phrase: string): T | undefined {
    return this.#map.get(phraseKey(phrase));
  }

  /** The longest phrase that starts at `tokens[start]`, never spanning a clause boundary. */
  findAt(tokens: readonly string[], start: number): PhraseHit<T> | undefined {
    if (tokens[start] === BOUNDARY) return undefined;
    let end = start;
    while (end < tokens.length && end - start < this.#maxWords && tokens[end] !== BOUNDARY) end++;
    for (let length = end - start; length >= 1; length--) {
      const key = tokens.slice(start, start + length).join(' ');
      const value = this.#map.get(key);
      if (value !== undefined) return { value, key, length };
    }
    return undefined;
  }

  /** Every non-overlapping phrase in `tokens`, left to right, longest at each place. */
  findAll(tokens: readonly string[]): Array<PhraseHit<T> & { start: number }> {
    const hits: Array<PhraseHit<T> & { start: number }> = [];
    let i = 0;
    while (i < tokens.length) {
      const hit = this.findAt(tokens, i);
      if (hit) {
        hits.push({ ...hit, start: i });
        i += hit.length;
      } else {
        i++;
      }
    }
    return hits;
  }

  /** Every key indexed (including apostrophe-free variants). */
  keys(): IterableIterator<string> {
    return this.#map.keys();
  }
}

/**
 * Optimal string alignment distance (edits, with a swap of neighbours counting as one:
 * "lonley" is one slip from "lonely"), or `limit + 1` as soon as it must exceed `limit`.
 * `substitutionCost` 2 counts a changed letter as two slips: in short words a changed
 * letter usually makes another real word ("living", "loving").
 */
export function editDistance(a: string, b: string, limit: number, substitutionCost = 1): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : substitutionCost;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  const result = prev[b.length] ?? limit + 1;
  return result > limit ? limit + 1 : result;
}
