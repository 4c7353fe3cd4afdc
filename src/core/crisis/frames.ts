/**
 * The semantic-frame layer: meanings, not sentences. A frame is a few concepts that together
 * carry a risk ("self" + "wanting" + "not existing"; "someone" + "hits me"; "took" + "a whole
 * bottle"), found in any wording the concept lists cover, in order, within a few words of each
 * other. The concepts are data (data/concepts.json), the frames too (data/frames.json); this
 * file only finds them.
 *
 * Phrases are read in the folded text (normalize.ts): squeezed letters, no apostrophes,
 * clause marks. Concept phrases are folded the same way by `npm run train:crisis` (compiled.ts).
 */
import { compiled } from './compiled.ts';
import frameData from './data/frames.json' with { type: 'json' };
import { isNegated } from './negation.ts';
import { CLAUSE, type Folded, fold } from './normalize.ts';
import type { Concern, Signal } from './signals.ts';

interface FrameSpec {
  id: string;
  concern: string;
  strength: string;
  concepts: string[];
  ordered?: boolean;
  window: number;
  scope?: string;
  unless?: string[];
  /** Where `unless` is looked for: the frame's clause (default) or the whole message. */
  unlessIn?: string;
  notFollowedBy?: string;
  /** The concept phrase is the whole message ("die", "d i e"). */
  whole?: boolean;
  /** A weak signal that never makes another weak one sure (a word, not a meaning). */
  alone?: boolean;
}

interface Token {
  text: string;
  clause: number;
  /** Where the token starts in the folded form (for negation). */
  offset: number;
}

/** One concept phrase found in the message: tokens [start, end). */
interface Occurrence {
  start: number;
  end: number;
  clause: number;
}

/**
 * The concept phrases indexed for lookup, as `npm run train:crisis` stores them in
 * compiled.json (indexConcepts): plain objects JSON.parse builds natively, so the first
 * message builds no Map of 5,000 phrases. Concepts are numbers into `names`.
 */
export interface StoredConceptIndex {
  names: string[];
  /** One-word phrases: the word -> its concepts. */
  one: Record<string, number[]>;
  /**
   * Longer phrases by their first two words ("i was"): a common first word ("i", "my") costs
   * one lookup, not a comparison with every phrase that starts with it. Each key's phrases as
   * one string (see TwoWordPhrases), read the first time a message holds the key: as nested
   * arrays, 3,700 phrases cost JSON.parse about 5 ms of every first check, as strings 1 ms.
   */
  two: Record<string, string>;
}

/**
 * The phrases of one two-word key as the gate reads them: the words after the first two, then
 * its concepts. Stored as `rest words|c,c;rest words|c`: folded words are letters and digits
 * only, so the marks never occur in them (indexConcepts checks).
 */
type TwoWordPhrases = [string[], ...number[]][];

const encodeTwo = (phrases: TwoWordPhrases): string =>
  phrases.map(([rest, ...concepts]) => `${rest.join(' ')}|${concepts.join(',')}`).join(';');

function decodeTwo(stored: string): TwoWordPhrases {
  return stored.split(';').map((phrase): [string[], ...number[]] => {
    const bar = phrase.indexOf('|');
    const rest = phrase.slice(0, bar);
    return [
      rest === '' ? [] : rest.split(' '),
      ...phrase
        .slice(bar + 1)
        .split(',')
        .map(Number),
    ];
  });
}

/** Each two-word key's phrases, read once (at most one entry per key of the index). */
const twoWordPhrases = new Map<string, TwoWordPhrases>();

function phrasesAfter(two: Record<string, string>, key: string): TwoWordPhrases {
  let phrases = twoWordPhrases.get(key);
  if (phrases === undefined) {
    phrases = decodeTwo(two[key] as string);
    twoWordPhrases.set(key, phrases);
  }
  return phrases;
}

/** The index of the folded concept lists (run by `npm run train:crisis`, never by the gate). */
export function indexConcepts(concepts: Record<string, string[]>): StoredConceptIndex {
  const names = Object.keys(concepts);
  const byPhrase = new Map<string, { tokens: string[]; concepts: number[] }>();
  names.forEach((concept, c) => {
    for (const key of concepts[concept] ?? []) {
      const entry = byPhrase.get(key) ?? { tokens: key.split(' '), concepts: [] };
      if (!entry.concepts.includes(c)) entry.concepts.push(c);
      byPhrase.set(key, entry);
    }
  });
  // No prototype: a phrase word like "constructor" or "__proto__" is a key like any other.
  const one: StoredConceptIndex['one'] = Object.create(null);
  const lists = new Map<string, TwoWordPhrases>();
  for (const { tokens, concepts: found } of byPhrase.values()) {
    if (tokens.length === 1) {
      one[tokens[0] as string] = found;
      continue;
    }
    if (tokens.some((t) => /[|;, ]/.test(t) || t === ''))
      throw new Error(`concept phrase "${tokens.join(' ')}" has a mark the index uses`);
    const key = `${tokens[0]} ${tokens[1]}`;
    const list = lists.get(key) ?? [];
    list.push([tokens.slice(2), ...found]);
    lists.set(key, list);
  }
  const two: StoredConceptIndex['two'] = Object.create(null);
  for (const [key, list] of lists) two[key] = encodeTwo(list);
  return { names, one, two };
}

/** A concept phrase in folded spelling, as its words. */
const foldPhrase = (phrase: string): string =>
  (fold(phrase).squeezed[0] ?? '').replace(CLAUSE_MARKS, ' ').replace(/\s+/g, ' ').trim();
const CLAUSE_MARKS = new RegExp(CLAUSE, 'g');

/**
 * Concept lists (data/concepts.json) in folded spelling, for compiled.ts. Run by
 * `npm run train:crisis`; the gate itself reads the result, never the lists.
 */
export function foldConceptLists(lists: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [concept, phrases] of Object.entries(lists)) {
    if (concept.startsWith('_') || !Array.isArray(phrases)) continue;
    out[concept] = phrases.map((p) => foldPhrase(String(p))).filter((p) => p !== '');
  }
  return out;
}

/** Whether a UTF-16 code unit is what `\s` matches in a JavaScript RegExp (whitespace and line ends). */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The runs of non-space (`\S+`) of the form, each with its clause: read in place, no RegExp match arrays. */
function tokenize(form: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  for (let i = 0; i < form.length; ) {
    if (isSpace(form.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < form.length && !isSpace(form.charCodeAt(i))) i++;
    const text = form.slice(start, i);
    if (text === CLAUSE) clause++;
    else tokens.push({ text, clause, offset: start });
  }
  return tokens;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Every concept phrase in the message, by concept. */
function findConcepts(tokens: readonly Token[]): Map<string, Occurrence[]> {
  const { names, one, two } = compiled('conceptIndex');
  const found = new Map<string, Occurrence[]>();
  const add = (concepts: readonly unknown[], from: number, start: number, end: number, clause: number) => {
    for (let c = from; c < concepts.length; c++) {
      const concept = names[concepts[c] as number] as string;
      const list = found.get(concept);
      if (list) list.push({ start, end, clause });
      else found.set(concept, [{ start, end, clause }]);
    }
  };
  tokens.forEach((token, i) => {
    if (hasOwn.call(one, token.text)) add(one[token.text] as number[], 0, i, i + 1, token.clause);
    const next = tokens[i + 1];
    if (!next || next.clause !== token.clause) return;
    const key = `${token.text} ${next.text}`;
    if (!hasOwn.call(two, key)) return;
    for (const phrase of phrasesAfter(two, key)) {
      const rest = phrase[0];
      const end = i + 2 + rest.length;
      if (end > tokens.length) continue;
      let fits = true;
      for (let k = 0; k < rest.length && fits; k++) {
        const t = tokens[i + 2 + k] as Token;
        fits = t.text === rest[k] && t.clause === token.clause;
      }
      if (fits) add(phrase, 1, i, end, token.clause);
    }
  });
  return found;
}

const FRAMES = frameData.frames as FrameSpec[];

/**
 * An everyday context the whole message sets (data/frames.json `contexts`): every concept in
 * `all` is somewhere in it, one of `any` when given, the `near` concepts in order within a few
 * words of one clause when given ("my uncle" then "overdosed"), and none of `unless`. The gate
 * reads it to lower what a story told from a safe place can ask (the grey-zone question at
 * most); it never touches a danger signal, and a single present-tense risk word (`unless`)
 * cancels it.
 */
interface ContextSpec {
  id: string;
  all?: string[];
  any?: string[];
  near?: { concepts: string[]; window: number };
  unless?: string[];
  /** The least number of words the message must have: a joke has a subject, "ugh kms lol" has none. */
  minWords?: number;
}

const CONTEXTS = (frameData as { contexts?: ContextSpec[] }).contexts ?? [];

function contextsOf(found: Map<string, Occurrence[]>, length: number): Set<string> {
  const out = new Set<string>();
  for (const context of CONTEXTS) {
    if (context.all && !context.all.every((c) => found.has(c))) continue;
    if (context.any && !context.any.some((c) => found.has(c))) continue;
    if (context.unless?.some((c) => found.has(c))) continue;
    if (context.minWords !== undefined && length < context.minWords) continue;
    if (context.near && !lineUp({ ...NEAR, ...context.near }, found, length)) continue;
    out.add(context.id);
  }
  return out;
}

/**
 * The concepts that mark a clause as part of a context's telling: its `all` and `any`
 * concepts and the first of its `near` ones (the person in "my uncle overdosed").
 */
export function contextMarkers(ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const context of CONTEXTS) {
    if (!ids.includes(context.id)) continue;
    for (const c of [
      ...(context.all ?? []),
      ...(context.any ?? []),
      ...(context.near?.concepts.slice(0, 1) ?? []),
    ])
      out.add(c);
  }
  return out;
}

/** A context's `near` concepts line up as an ordered frame's do, within one clause. */
const NEAR: FrameSpec = {
  id: 'near',
  concern: 'self',
  strength: 'weak',
  concepts: [],
  ordered: true,
  window: 0,
};

/** The first way the frame's concepts line up in the message: its first and last phrase. */
function lineUp(
  frame: FrameSpec,
  found: Map<string, Occurrence[]>,
  length: number,
): { first: Occurrence; last: Occurrence } | undefined {
  // Most frames miss a concept in most messages: ruled out before any list is built.
  for (const c of frame.concepts) if (found.get(c) === undefined) return undefined;
  const lists = frame.concepts.map((c) => found.get(c) as Occurrence[]);
  const message = frame.scope === 'message';
  for (const first of lists[0] as Occurrence[]) {
    if (frame.whole && (first.start !== 0 || first.end !== length)) continue;
    let last = first;
    let ok = true;
    for (let k = 1; k < lists.length && ok; k++) {
      let next: Occurrence | undefined;
      for (const o of lists[k] as Occurrence[]) {
        if (!message && o.clause !== first.clause) continue;
        if (frame.ordered && o.start < last.end) continue;
        if (Math.max(o.end, last.end) - Math.min(o.start, first.start) > frame.window) continue;
        next = o;
        break;
      }
      if (!next) ok = false;
      else if (next.end > last.end) last = next;
    }
    if (!ok) continue;
    const anywhere = message || frame.unlessIn === 'message';
    if (frame.unless?.some((c) => (found.get(c) ?? []).some((o) => anywhere || o.clause === first.clause)))
      continue;
    if (frame.notFollowedBy && (found.get(frame.notFollowedBy) ?? []).some((o) => o.start === last.end))
      continue;
    return { first, last };
  }
  return undefined;
}

/**
 * Concepts in the order they appear, ties by name. Names are compared by code unit, not with
 * `localeCompare`: the order is the same for every name in concepts.json (lowercase letters
 * and hyphens; a test holds it), and `localeCompare` loads ICU's collator on the first
 * message of a process (about 10 ms of the first check). The order matters: the classifier
 * reads ordered concept pairs.
 */
const byPlace = (a: { start: number; concept: string }, b: { start: number; concept: string }): number =>
  a.start - b.start || (a.concept < b.concept ? -1 : a.concept > b.concept ? 1 : 0);

/**
 * The concepts of one clause, in the order they appear: the classifier reads them as
 * features too, so what it learns of one wording carries to every wording a concept covers.
 */
export function conceptsOf(clause: string): string[] {
  const found = findConcepts(tokenize(clause));
  const at: { start: number; concept: string }[] = [];
  for (const [concept, list] of found) for (const o of list) at.push({ start: o.start, concept });
  return at.sort(byPlace).map((x) => x.concept);
}

/**
 * The frames that fit the message, every concept it holds, and the everyday contexts it sets
 * (the gate asks whether a message is about the topic, or a recovery story).
 */
export function matchFrames(folded: Folded): {
  signals: Signal[];
  concepts: Set<string>;
  contexts: Set<string>;
  byClause: string[][];
} {
  const form = folded.squeezed[0] ?? '';
  const tokens = tokenize(form);
  const found = findConcepts(tokens);
  const signals: Signal[] = [];
  for (const frame of FRAMES) {
    const span = lineUp(frame, found, tokens.length);
    if (!span) continue;
    const at = (o: Occurrence) => (tokens[o.start] as Token).offset;
    signals.push({
      layer: 'frames',
      concern: frame.concern as Concern,
      strength: frame.strength === 'sure' ? 'sure' : 'weak',
      // "I'm not suicidal", "I don't want to die": the negation stands before the last phrase.
      negated: isNegated(form, at(span.first)) || isNegated(form, at(span.last)),
      rule: frame.id,
      ...(frame.alone ? { alone: true } : {}),
    });
  }
  return {
    signals,
    concepts: new Set(found.keys()),
    contexts: contextsOf(found, tokens.length),
    byClause: byClause(tokens, found),
  };
}

/**
 * Each clause's concepts in order, one list per clause that has words (as clausesOf lists them):
 * by place, ties by name, as byPlace orders them. Each concept found is one number, its token
 * times the number of names plus its name's rank in code-unit order, so one numeric sort of a
 * typed array puts them in that order with no object per concept.
 */
function byClause(tokens: readonly Token[], found: Map<string, Occurrence[]>): string[][] {
  const { sorted, rank } = namesInOrder();
  let count = 0;
  for (const list of found.values()) count += list.length;
  const keys = new Float64Array(count);
  let k = 0;
  for (const [concept, list] of found) {
    const r = rank.get(concept) as number;
    for (const o of list) keys[k++] = o.start * sorted.length + r;
  }
  keys.sort();
  const out: string[][] = [];
  let next = 0;
  // Tokens run clause by clause, so a concept's clause follows from its token.
  for (let t = 0; t < tokens.length; t++) {
    const clause = (tokens[t] as Token).clause;
    if (t > 0 && (tokens[t - 1] as Token).clause === clause) continue;
    const concepts: string[] = [];
    while (next < count) {
      const key = keys[next] as number;
      const start = Math.floor(key / sorted.length);
      if ((tokens[start] as Token).clause !== clause) break;
      concepts.push(sorted[key - start * sorted.length] as string);
      next++;
    }
    out.push(concepts);
  }
  return out;
}

let names: { sorted: string[]; rank: Map<string, number> } | undefined;

/** The concept names in code-unit order (byPlace's), and each name's place in it. */
function namesInOrder(): { sorted: string[]; rank: Map<string, number> } {
  if (names) return names;
  const sorted = [...compiled('conceptIndex').names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  names = { sorted, rank: new Map(sorted.map((name, i) => [name, i])) };
  return names;
}
