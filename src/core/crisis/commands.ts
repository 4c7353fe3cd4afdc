/**
 * The product's own commands, said whole ("delete my plan", "end my reminders", "can you clear
 * step 3 of my plan"): not a crisis, whatever the classifier makes of "delete" and "plan".
 * data/product-commands.json says why this is a grammar and not training data.
 *
 * Narrow on purpose: the whole message must be [lead words] verb [determiner] object
 * [of my plan] [tail words], and the object one of the product's own things. A word outside
 * the grammar ("delete my number, I won't need it after tonight", "delete me", "end it all")
 * and the message is read by every layer as usual. No decision about a person is made here,
 * only that a message is a command to the product.
 */
import data from './data/product-commands.json' with { type: 'json' };

const alternation = (phrases: readonly string[]): string =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, ' +'))
    .join('|');

const n = alternation(data.numbers);
const stepPhrases = data.steps.map((s) =>
  s.replace('{n}', `(?:${n})`).replace('{ordinal}', `(?:${alternation(data.ordinals)})`),
);
const step = stepPhrases.join('|');
const object = `(?:(?:${alternation(data.determiners)}) +)?(?:${alternation(data.objects)}|${step})`;
const objects = `${object}(?: +(?:and|&) +${object})*`;

/** Built once, on first use (the gate keeps its load cheap). */
let grammar: RegExp | undefined;

function commandGrammar(): RegExp {
  grammar ??= new RegExp(
    `^(?:(?:${alternation(data.leads)}) +)*(?:${alternation(data.verbs)}) +${objects}` +
      `(?: +(?:${alternation(data.objectTails)}))?(?: +(?:${alternation(data.tails)}))*$`,
  );
  return grammar;
}

/** Lowercase words only: marks, apostrophes and runs of space go ("I'd like to" -> "id like to"). */
function wordsOf(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The message is one command to the product about its own things, and nothing else. */
export function isProductCommand(text: string): boolean {
  const words = wordsOf(text);
  // Commands are short; a long message is read in full.
  if (words.length === 0 || words.length > 80) return false;
  return commandGrammar().test(words);
}
