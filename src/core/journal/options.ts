/**
 * Enumerated journal answers. Voice may store only enumerated values, never free speech,
 * so spoken answers to "what set it off?" and "what did you try?" map onto these options
 * (and the Alexa slot types are generated from them); text channels may also use them
 * to tally a session-prep summary.
 */
import { once } from '../feelings/once.ts';
import { PhraseIndex, tokenize } from '../feelings/text.ts';

export interface Option {
  /** Stable kebab-case id, stored in the journal. */
  id: string;
  /** Short lowercase words, as shown in a summary. */
  label: string;
  /** Other ways of saying it; each is a valid slot value (letters, spaces, apostrophes). */
  synonyms: readonly string[];
}

function o(id: string, label: string, synonyms: readonly string[]): Option {
  return { id, label, synonyms };
}

/** What set the feeling off. */
export const TRIGGERS: readonly Option[] = [
  o('work', 'work', [
    'job',
    'my job',
    'boss',
    'my boss',
    'coworkers',
    'colleagues',
    'office',
    'shift',
    'meeting',
    'deadline',
  ]),
  o('school', 'school', [
    'class',
    'classes',
    'uni',
    'university',
    'college',
    'exams',
    'exam',
    'homework',
    'teacher',
    'studying',
  ]),
  o('family', 'family', [
    'my family',
    'mom',
    'mum',
    'dad',
    'parents',
    'my parents',
    'brother',
    'sister',
    'kids',
    'children',
  ]),
  o('partner', 'my partner', [
    'partner',
    'boyfriend',
    'girlfriend',
    'husband',
    'wife',
    'relationship',
    'spouse',
    'my ex',
    'breakup',
  ]),
  o('friends', 'friends', ['friend', 'a friend', 'my friends', 'friendship']),
  o('money', 'money', ['bills', 'rent', 'debt', 'finances', 'bank', 'paying bills']),
  o('health', 'health', ['my health', 'pain', 'being sick', 'illness', 'doctor', 'my body']),
  o('sleep', 'sleep', [
    'no sleep',
    'bad sleep',
    "couldn't sleep",
    'insomnia',
    'sleeping badly',
    'not sleeping',
  ]),
  o('loneliness', 'loneliness', ['lonely', 'being alone', 'isolation', 'no one to talk to']),
  o('news', 'the news', ['news', 'politics', 'the world', 'current events']),
  o('home', 'home', [
    'house',
    'my house',
    'housemates',
    'roommates',
    'chores',
    'apartment',
    'landlord',
    'mess',
  ]),
  o('social-media', 'social media', [
    'instagram',
    'tiktok',
    'twitter',
    'facebook',
    'scrolling',
    'online',
    'my phone',
  ]),
  o('the-future', 'the future', ['future', "what's next", 'uncertainty', 'not knowing']),
  o('the-past', 'the past', ['past', 'memories', 'a memory', 'an anniversary']),
  o('conflict', 'an argument', ['argument', 'a fight', 'fight', 'fighting', 'conflict', 'a row']),
  o('change', 'a change', ['change', 'changes', 'moving', 'a move', 'new job']),
  o('nothing-in-particular', 'nothing in particular', [
    'nothing',
    'no reason',
    'nothing really',
    'out of nowhere',
  ]),
  o('not-sure', 'not sure', ["don't know", 'i dont know', 'no idea', 'dunno', 'idk', 'unsure']),
];

/** What the person tried. */
export const TRIED: readonly Option[] = [
  o('rest', 'rest', [
    'rested',
    'resting',
    'a nap',
    'nap',
    'napped',
    'lay down',
    'lie down',
    'slept',
    'sleep',
  ]),
  o('talking', 'talking to someone', [
    'talked',
    'talking',
    'talked to someone',
    'a friend',
    'called someone',
    'texted someone',
  ]),
  o('walk', 'a walk', ['walk', 'walking', 'went for a walk', 'went outside', 'fresh air']),
  o('breathing', 'breathing', ['breaths', 'deep breaths', 'breathe', 'breathing exercise']),
  o('grounding', 'grounding', ['five senses', 'noticing things', 'grounded myself']),
  o('distraction', 'distraction', [
    'distracted myself',
    'tv',
    'a show',
    'netflix',
    'games',
    'gaming',
    'scrolling',
    'youtube',
  ]),
  o('music', 'music', ['a song', 'songs', 'listening to music', 'playlist']),
  o('writing', 'writing it down', ['writing', 'wrote', 'wrote it down', 'journaling', 'journal']),
  o('crying', 'crying', ['cried', 'a cry', 'had a cry']),
  o('movement', 'moving my body', [
    'exercise',
    'gym',
    'workout',
    'yoga',
    'a run',
    'ran',
    'dancing',
    'stretching',
  ]),
  o('eating', 'eating something', ['ate', 'food', 'a snack', 'ate something', 'a meal']),
  o('shower', 'a shower', ['shower', 'showered', 'a bath', 'bath']),
  o('kindness', 'being kind to myself', ['kind to myself', 'self compassion', 'went easy on myself']),
  o('nothing-yet', 'nothing yet', [
    'nothing',
    'not yet',
    'nothing really',
    "haven't",
    "haven't tried anything",
  ]),
];

const indexes = new WeakMap<readonly Option[], PhraseIndex<Option>>();

function indexOf(options: readonly Option[]): PhraseIndex<Option> {
  const known = indexes.get(options);
  if (known) return known;
  const index = new PhraseIndex<Option>();
  for (const option of options) {
    index.add(option.label, option);
    index.add(option.id.replace(/-/g, ' '), option);
  }
  for (const option of options) for (const synonym of option.synonyms) index.add(synonym, option);
  indexes.set(options, index);
  return index;
}

/** The first option named in `text` ("work and money" -> work), or undefined. */
export function matchOption(options: readonly Option[], text: string): Option | undefined {
  const tokens = tokenize(typeof text === 'string' ? text : '');
  return indexOf(options).findAll(tokens)[0]?.value;
}

type Helped = 0 | 1 | 2 | 3;

const HELPED: ReadonlyArray<readonly [Helped, readonly string[]]> = [
  [
    0,
    [
      '0',
      'zero',
      'none',
      'no',
      'nope',
      'nah',
      'nothing',
      'not at all',
      'not really',
      "didn't help",
      'did not help',
      "it didn't help",
      'no help',
      'not one bit',
    ],
  ],
  [
    1,
    [
      '1',
      'one',
      'a little',
      'a little bit',
      'little',
      'a bit',
      'a tiny bit',
      'slightly',
      'barely',
      'kinda',
      'kind of',
      'sort of',
      'sorta',
      'not much',
      'not a lot',
      'not that much',
    ],
  ],
  [
    2,
    [
      '2',
      'two',
      'some',
      'somewhat',
      'a fair bit',
      'quite a bit',
      'fairly',
      'moderately',
      'a good bit',
      'pretty well',
    ],
  ],
  [
    3,
    [
      '3',
      'three',
      'a lot',
      'lots',
      'loads',
      'a ton',
      'tons',
      'heaps',
      'so much',
      'very much',
      'really helped',
      'massively',
      'hugely',
      'a great deal',
      'quite a lot',
      'totally',
      'completely',
    ],
  ],
];
/** Said alone they mean "some"; next to a measure ("helped a bit") the measure wins. */
const WEAK_HELPED = ['helped', 'it helped', 'it did'];

/** Built on first use (see `once`). */
const helpedIndex = once(() => {
  const index = new PhraseIndex<{ value: Helped; weak: boolean }>();
  for (const [value, phrases] of HELPED)
    for (const phrase of phrases) index.add(phrase, { value, weak: false });
  for (const phrase of WEAK_HELPED) index.add(phrase, { value: 2, weak: true });
  return index;
});

/**
 * How much something helped, 0-3: "0".."3", "zero".."three", "not at all"/"no" 0,
 * "a little" 1, "some"/"somewhat" 2, "a lot" 3. Undefined when no measure is heard.
 */
export function matchHelped(text: string): Helped | undefined {
  const hits = helpedIndex().findAll(tokenize(typeof text === 'string' ? text : ''));
  return (hits.find((hit) => !hit.value.weak) ?? hits[0])?.value.value;
}
