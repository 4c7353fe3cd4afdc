/**
 * Negation within a clause: "I'm *not* suicidal", "I *don't* want to kill myself". A negated
 * signal still gives the resources; only the opening of the reply is softer. Errs toward
 * "not negated": a softened opening on a real crisis message is the worse mistake.
 */
import { CLAUSE } from './normalize.ts';

/** Words that negate what follows them ("not", "don't", "never"), in folded spelling. */
const NEGATORS = new Set([
  'not',
  'no',
  'nope',
  'dont',
  'dnt',
  'never',
  'wont',
  'wouldnt',
  'isnt',
  'arent',
  'didnt',
  'doesnt',
  'havent',
  'hasnt',
  'wasnt',
  'werent',
  'aint',
  'nor',
]);

/**
 * Words that may sit between a negator and the phrase it negates: "not *going to* hurt
 * myself", "not *having thoughts of* suicide". Anything else ("I'm not ok, I want to die")
 * ends the search, so a negation elsewhere in the sentence does not soften the reply.
 * Both squeezed and plain spellings.
 */
const GLUE = new Set(
  `i im ive id am is are was be being ben been going gona gonna to want wana wanna wanting would
  wil will ever definitely realy really honestly actualy actually think thinking fel feel feling
  feeling have had having thoughts thought of about any a an planing planning plan trying try that
  so at al all do even just the type kind person way like going gonna ever seriously`.split(/\s+/),
);

/** How far back a negator may stand from the phrase it negates. */
const NEGATION_REACH = 6;

/**
 * Nouns "no" quantifies when it negates ("no thoughts of suicide", "no plan to hurt myself").
 * Followed by anything else ("no I just want to die"), a "no" opening a clause is an answer.
 */
const NO_QUANTIFIES = new Set(
  'thoughts thought plan plans planing planning intention intentions urge urges desire wish more real'.split(
    ' ',
  ),
);

/**
 * Last words of a hedge that takes the force out of a negation after it: "I can't *promise*
 * I won't hurt myself", "I'm not *sure* I won't", "I don't *know* if I won't".
 */
const HEDGE_ENDS = new Set('promise swear guarantee guarante say sure certain know tell tel'.split(' '));
/** Words that make a hedge word a hedge when they stand right before it: "can't promise". */
const HEDGE_NEGATORS = new Set('cant cannot canot cnt not dont dnt no wont never'.split(' '));
/** Words that may stand between a hedge and the negation it takes back. */
const HEDGE_GLUE = new Set('i im ill il id that if whether you u anyone anybody myself'.split(' '));

/** Whether the phrase starting at `index` is negated within its own clause. */
export function isNegated(form: string, index: number): boolean {
  const before = form.slice(Math.max(0, index - 120), index);
  const clause = before.slice(before.lastIndexOf(CLAUSE) + 1);
  const words = clause.trim().split(' ').filter(Boolean);
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < NEGATION_REACH; i--, seen++) {
    const word = words[i] as string;
    if (NEGATORS.has(word)) return negates(words, i);
    if (!GLUE.has(word)) return false;
  }
  return false;
}

/**
 * Whether the negator at `words[at]` really negates what follows. Errs toward "no": a
 * softened opening on a real crisis message is the worse mistake.
 */
function negates(words: readonly string[], at: number): boolean {
  const word = words[at] as string;
  const next = words[at + 1];
  if (word === 'no' && next === 'longer') return false;
  // "no, I want to die" / "nope I want to die": an answer to a question, then the statement.
  if ((word === 'no' || word === 'nope') && at === 0) {
    return word === 'no' && (next === undefined || NO_QUANTIFIES.has(next));
  }
  return !hedged(words, at);
}

/** Whether a hedge ("can't promise", "not sure", "don't know if") stands before `words[at]`. */
function hedged(words: readonly string[], at: number): boolean {
  let i = at - 1;
  while (i >= 0 && HEDGE_GLUE.has(words[i] as string)) i--;
  const end = words[i];
  if (end === undefined) return false;
  if (end === 'unsure') return true;
  return HEDGE_ENDS.has(end) && HEDGE_NEGATORS.has(words[i - 1] ?? '');
}
