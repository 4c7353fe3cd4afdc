/**
 * The micro-goal catalogue: tiny, kind, concrete actions, each small enough for a bad day.
 * Voice stores only these ids (never free speech), and the Alexa slot type is generated
 * from them, so ids are stable and every label and synonym is a plain slot value.
 * No medical advice: nothing about medication, diet rules or sleep targets.
 */
import { once } from '../feelings/once.ts';
import { BOUNDARY, PhraseIndex, tokenize } from '../feelings/text.ts';
import { shuffled } from '../random.ts';
import type { FeelingFamily } from '../types.ts';

/** How much a goal asks of a body that may be running on empty. */
export type EnergyNeed = 'low' | 'medium' | 'high';

export interface MicroGoal {
  /** Stable kebab-case id, stored in the journal. */
  id: string;
  /** Lowercase imperative phrase, GSM-7, at most 40 characters: reads after "Your goal: ". */
  label: string;
  energy: EnergyNeed;
  /** The feeling families this goal is offered for. */
  suits: readonly FeelingFamily[];
  /** Other spoken or typed names: "curtains", "the curtains". */
  synonyms: readonly string[];
}

const ALL: readonly FeelingFamily[] = ['low-unpleasant', 'high-unpleasant', 'low-pleasant', 'high-pleasant'];
const LOW: readonly FeelingFamily[] = ['low-unpleasant', 'low-pleasant'];
const HIGH: readonly FeelingFamily[] = ['high-unpleasant', 'high-pleasant'];
const PLEASANT: readonly FeelingFamily[] = ['low-pleasant', 'high-pleasant'];
/** Wired and uneasy, or okay: things that settle a busy body. */
const SETTLING: readonly FeelingFamily[] = ['high-unpleasant', 'low-pleasant'];

function g(
  id: string,
  label: string,
  energy: EnergyNeed,
  suits: readonly FeelingFamily[],
  synonyms: readonly string[],
): MicroGoal {
  return { id, label, energy, suits, synonyms };
}

export const GOALS: readonly MicroGoal[] = [
  // Low energy: possible on a drained day.
  g('drink-water', 'drink a glass of water', 'low', ALL, [
    'water',
    'drink',
    'glass of water',
    'drink water',
    'a drink of water',
    'hydrate',
  ]),
  g('open-curtains', 'open the curtains', 'low', ALL, [
    'curtains',
    'the curtains',
    'open curtains',
    'blinds',
    'open the blinds',
  ]),
  g('send-one-text', 'send one text', 'low', ALL, ['a text', 'send a text', 'one text', 'text someone']),
  g('meme-to-friend', 'text a friend a meme', 'low', ALL, ['meme', 'a meme', 'send a meme', 'funny picture']),
  g('microwave-meal', 'microwave a meal', 'low', ALL, [
    'microwave',
    'microwave something',
    'heat something up',
    'ready meal',
  ]),
  g('step-outside', 'step outside for two minutes', 'low', ALL, [
    'step outside',
    'outside',
    'go outside',
    'fresh air',
  ]),
  g('wash-one-dish', 'wash one dish', 'low', ALL, ['dish', 'one dish', 'a dish', 'dishes', 'the dishes']),
  g('clean-socks', 'put on clean socks', 'low', LOW, ['socks', 'clean socks', 'fresh socks']),
  g('stretch', 'stretch for one minute', 'low', ALL, ['stretch', 'stretching', 'a stretch']),
  g('eat-something-small', 'eat something small', 'low', ALL, [
    'eat',
    'snack',
    'a snack',
    'something to eat',
    'food',
  ]),
  g('make-bed', 'make the bed', 'low', ALL, ['bed', 'the bed', 'make my bed', 'make bed']),
  g('brush-teeth', 'brush your teeth', 'low', LOW, ['teeth', 'brush teeth', 'brush my teeth', 'toothbrush']),
  g('sit-by-window', 'sit by a window', 'low', LOW, [
    'window',
    'a window',
    'the window',
    'sit by the window',
  ]),
  g('play-one-song', 'play one song you like', 'low', ALL, [
    'song',
    'a song',
    'one song',
    'music',
    'play a song',
  ]),
  g('write-one-line', 'write one line', 'low', ALL, ['write', 'one line', 'a line', 'write a line']),
  g('tidy-one-surface', 'tidy one surface', 'low', ALL, [
    'tidy',
    'tidy up',
    'surface',
    'one surface',
    'clear a surface',
  ]),
  g('step-into-sun', 'step into the sun', 'low', ALL, ['sun', 'the sun', 'sunshine', 'sunlight']),
  g('water-plant', 'water a plant', 'low', ALL, [
    'plant',
    'a plant',
    'plants',
    'the plants',
    'water the plant',
    'water the plants',
  ]),
  g('wash-face', 'wash your face', 'low', ALL, ['face', 'wash my face', 'splash my face']),
  g('fresh-clothes', 'change into fresh clothes', 'low', LOW, [
    'clothes',
    'fresh clothes',
    'get dressed',
    'change clothes',
  ]),
  g('open-window', 'open a window', 'low', ALL, ['open the window', 'let air in']),
  g('hot-drink', 'make a hot drink', 'low', ALL, ['hot drink', 'tea', 'a cup of tea', 'coffee', 'cocoa']),
  g('three-breaths', 'take three slow breaths', 'low', SETTLING, [
    'breaths',
    'three breaths',
    'slow breaths',
    'breathe',
  ]),
  g('reply-one-message', 'reply to one message', 'low', ALL, [
    'reply',
    'a message',
    'one message',
    'answer a message',
  ]),
  g('one-good-thing', 'note one thing that went okay', 'low', ALL, [
    'one good thing',
    'good thing',
    'something good',
  ]),
  g('put-away-five', 'put away five things', 'low', ALL, ['five things', 'put things away', 'put away']),
  g('tomorrow-first-step', "write down tomorrow's first step", 'low', ALL, [
    'tomorrow',
    'first step',
    'plan tomorrow',
  ]),
  g('rest-ten-minutes', 'rest for ten minutes', 'low', LOW, ['rest', 'lie down', 'a rest']),
  g('early-night', 'get into bed a bit earlier', 'low', ALL, ['early night', 'bed early', 'earlier night']),
  g('hug', 'hug someone or a pillow', 'low', ALL, ['hug', 'a hug', 'pillow']),
  g('read-one-page', 'read one page of a book', 'low', ALL, [
    'read',
    'a page',
    'one page',
    'book',
    'reading',
  ]),
  g('doodle', 'doodle for five minutes', 'low', ALL, ['doodle', 'draw', 'drawing']),
  g('cold-water-hands', 'run cold water over your hands', 'low', SETTLING, [
    'cold water',
    'hands',
    'cold hands',
  ]),
  g('shake-it-out', 'shake out your arms and legs', 'low', HIGH, ['shake', 'shake it out', 'shake out']),
  g('phone-down', 'put your phone down for a while', 'low', SETTLING, [
    'phone down',
    'phone away',
    'put the phone down',
    'no phone',
  ]),
  g('name-one-thanks', "name one thing you're grateful for", 'low', PLEASANT, [
    'grateful',
    'thankful',
    'gratitude',
  ]),
  g('tell-appreciation', 'tell someone you appreciate them', 'low', PLEASANT, [
    'appreciate',
    'appreciation',
    'tell someone',
  ]),

  // Medium energy: a small push.
  g('take-shower', 'take a shower', 'medium', ALL, ['shower', 'a shower', 'have a shower', 'bath', 'a bath']),
  g('change-sheets', 'change the sheets', 'medium', ALL, ['sheets', 'the sheets', 'bedding', 'fresh sheets']),
  g('walk-around-block', 'walk around the block', 'medium', ALL, [
    'walk',
    'a walk',
    'around the block',
    'go for a walk',
  ]),
  g('take-out-trash', 'take out the trash', 'medium', ALL, [
    'trash',
    'rubbish',
    'the bins',
    'bins',
    'garbage',
  ]),
  g('one-load-laundry', 'start one load of laundry', 'medium', ALL, [
    'laundry',
    'washing',
    'a load of laundry',
  ]),
  g('call-someone', 'call someone for five minutes', 'medium', ALL, [
    'call',
    'a call',
    'call someone',
    'phone someone',
    'ring someone',
  ]),
  g('cook-something-simple', 'cook something simple', 'medium', ALL, [
    'cook',
    'cooking',
    'make dinner',
    'make lunch',
  ]),
  g('clear-one-drawer', 'clear out one drawer', 'medium', HIGH, ['drawer', 'a drawer', 'one drawer']),
  g('five-minute-task', 'do five minutes of one task', 'medium', HIGH, [
    'five minutes',
    'one task',
    'a task',
  ]),
  g('pay-one-bill', 'pay one bill', 'medium', PLEASANT, ['bill', 'a bill', 'one bill']),

  // High energy: for days with something to spend.
  g('dance-one-song', 'dance to one song', 'high', HIGH, ['dance', 'dancing']),
  g('short-workout', 'do a short workout', 'high', HIGH, ['workout', 'a workout', 'exercise']),
  g('short-run', 'go for a short run', 'high', HIGH, ['run', 'a run', 'jog', 'a jog', 'jogging']),
  g(
    'tidy-ten-minutes',
    'tidy for ten minutes',
    'high',
    [...HIGH, 'low-pleasant'],
    ['ten minute tidy', 'set a timer', 'timer'],
  ),
  g(
    'visit-somewhere',
    'go to a park or a library',
    'high',
    [...PLEASANT, 'high-unpleasant'],
    ['park', 'library', 'the park', 'the library'],
  ),
  g(
    'throw-one-thing-out',
    "throw out one thing you don't need",
    'medium',
    ['high-unpleasant'],
    ['throw out', 'throw something out', 'declutter'],
  ),
];

const byId = new Map(GOALS.map((goal) => [goal.id, goal]));

/** The goal with this catalogue id, if it exists. */
export function goalById(id: string): MicroGoal | undefined {
  return byId.get(id);
}

/** Feeling families that can only take low-energy goals: on a drained day, nothing demanding. */
const LOW_FAMILIES: ReadonlySet<FeelingFamily> = new Set(['low-unpleasant', 'low-pleasant']);

/**
 * Exactly three distinct goals that suit `family`, varied (and fixed) by `seed`.
 * Low-energy families get only low-energy goals; without a family, the gentle ones
 * (low and medium energy). Excluded ids are avoided while enough other goals remain.
 */
export function offerGoals(opts: {
  family?: FeelingFamily;
  seed: number;
  exclude?: readonly string[];
}): MicroGoal[] {
  const { family, seed } = opts;
  const exclude = new Set(opts.exclude ?? []);
  const suitable = GOALS.filter((goal) => {
    if (family === undefined) return goal.energy !== 'high';
    if (!goal.suits.includes(family)) return false;
    return LOW_FAMILIES.has(family) ? goal.energy === 'low' : true;
  });
  const fresh = suitable.filter((goal) => !exclude.has(goal.id));
  const order = shuffled(fresh, seed);
  if (order.length < 3) {
    // Everything fitting was already offered: offer the earlier ones again rather than fewer.
    order.push(
      ...shuffled(
        suitable.filter((goal) => exclude.has(goal.id)),
        seed,
      ),
    );
  }
  return order.slice(0, 3);
}

/** Every goal's label, id and synonyms, built on first use (see `once`). */
const byPhrase = once(() => {
  const index = new PhraseIndex<MicroGoal>();
  for (const goal of GOALS) {
    index.add(goal.label, goal);
    index.add(goal.id.replace(/-/g, ' '), goal);
  }
  for (const goal of GOALS) for (const synonym of goal.synonyms) index.add(synonym, goal);
  return index;
});

/**
 * Words around a goal's name that say nothing about which goal: "I'll do the shower one".
 * Anything else left over means the person is saying their own goal ("call my sister
 * back" is not "call someone for five minutes").
 */
const FILLERS = new Set([
  'i',
  "i'll",
  'ill',
  "i'd",
  "i'm",
  'im',
  'will',
  'would',
  'can',
  'could',
  'do',
  'try',
  'go',
  'with',
  'for',
  'the',
  'a',
  'an',
  'one',
  'that',
  'this',
  'it',
  'some',
  'my',
  'me',
  'let',
  "let's",
  'lets',
  'pick',
  'choose',
  'take',
  'want',
  'to',
  'like',
  'maybe',
  'ok',
  'okay',
  'yes',
  'yeah',
  'sure',
  'please',
  'um',
  'uh',
  'hmm',
  'guess',
  'think',
  'just',
  'and',
  'then',
  'goal',
  'option',
  'idea',
  'sounds',
  'good',
  'fine',
  'thanks',
  'thank',
  'you',
  'today',
  'now',
]);
const REFUSALS = new Set(['not', 'no', "don't", 'dont', 'without', 'never', "can't", 'cant']);

/**
 * The catalogue goal named in `text` ("the curtains", "water", "open the curtains",
 * "I'll do the shower one"). Only a goal's own name and filler words count: other words
 * mean the person's own goal, and a refusal ("not the curtains") names nothing.
 */
export function matchGoal(text: string): MicroGoal | undefined {
  const tokens = tokenize(typeof text === 'string' ? text : '').filter((t) => t !== BOUNDARY);
  const hits = byPhrase().findAll(tokens);
  const covered = new Set<number>();
  for (const hit of hits) for (let k = hit.start; k < hit.start + hit.length; k++) covered.add(k);
  const uncovered = tokens.filter((_, k) => !covered.has(k));
  if (uncovered.some((token) => REFUSALS.has(token) || !FILLERS.has(token))) return undefined;
  let best: (typeof hits)[number] | undefined;
  for (const hit of hits) if (!best || hit.length > best.length) best = hit;
  return best?.value;
}
