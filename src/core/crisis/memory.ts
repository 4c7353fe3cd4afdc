/**
 * Conversation memory: after any crisis, danger or grey-zone signal the conversation stays
 * watchful for a few turns (the count lives in the conversation state, see state.ts). While
 * it is, the classifier's bar drops, a weak signal counts as sure, and short follow-ups that
 * mean nothing alone are read as what they are in context: "tonight", "I already did",
 * "them", "the pills".
 */
import type { GateContext } from './gate.ts';
import type { Folded } from './normalize.ts';
import type { Signal } from './signals.ts';

/** How many turns the conversation stays watchful after a signal. */
export const WATCHFUL_TURNS = 6;

/** Follow-ups that carry risk when the turn before did: when, means, and "it's done". */
const WHEN = new Set(
  'tonight tonite tomorow today now son soon later midnight weekend friday saturday sunday monday esta noche manana hoy ahora pronto'.split(
    ' ',
  ),
);
const MEANS = new Set(
  'pils pil meds rope gun bridge knife blade razor bottle them pastilas puente cuchilo'.split(' '),
);
/** "Already" and "did it": read only right after the question about their safety. */
const DONE = [
  ' already ',
  ' alredy ',
  ' did it ',
  ' done it ',
  ' took them ',
  ' i did ',
  ' ya lo hice ',
  ' ya ',
];

const MAX_WORDS = 8;

/**
 * "I'm ok now", "feeling better now", "I'm safe now": said of the present, after a crisis
 * reply, this is the answer the reply hoped for, not the timing of a plan. Only with "now" or
 * "today", a word of being well, and nothing that negates it or looks ahead ("not", "I'll
 * be", "gonna"): "I'll be fine soon" and "not ok now" are still read as risk.
 */
const WELL_NOW_TIMES = new Set(['now', 'today', 'ahora', 'hoy']);
const WELL = new Set(
  'ok okay oki fine safe beter calmer calm alright god bien tranquilo tranquila'.split(' '),
);
const NOT_WELL = new Set(
  'not no dont didnt isnt arent aint never cant wont nt il wil be gona going wana ned until til after but'.split(
    ' ',
  ),
);

function wellNow(words: readonly string[]): boolean {
  const times = words.filter((w) => WHEN.has(w));
  return (
    times.length > 0 &&
    times.every((w) => WELL_NOW_TIMES.has(w)) &&
    words.some((w) => WELL.has(w)) &&
    !words.some((w) => NOT_WELL.has(w) || MEANS.has(w))
  );
}

export function readInContext(folded: Folded, context: GateContext): Signal[] {
  if (!context.watchful) return [];
  const form = folded.squeezed[0] ?? '';
  const words = form.split(' ').filter((w) => w !== '' && w !== '#');
  if (words.length === 0 || words.length > MAX_WORDS) return [];
  const when = words.some((w) => WHEN.has(w)) && !wellNow(words);
  const means = words.some((w) => MEANS.has(w));
  const done = context.askedAboutSafety === true && DONE.some((d) => form.includes(d));
  if (!when && !means && !done) return [];
  return [
    {
      layer: 'memory',
      concern: done && means ? 'overdose' : 'self',
      strength: 'sure',
      negated: false,
      rule: done ? 'done' : when ? 'when' : 'means',
    },
  ];
}
