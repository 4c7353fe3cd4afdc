/**
 * The skill's intents and what each one means to the core. The interaction model generator
 * and the request bridge both read these tables, so a name cannot drift between the model
 * Alexa resolves and the code that answers it.
 */
import type { IntentName } from '../../core/types.ts';

/** Custom slot type names in the interaction model. */
export const SLOT_TYPES = {
  feeling: 'FEELING',
  goal: 'GOAL',
  ordinal: 'CHOICE_ORDINAL',
  answer: 'ANSWER',
} as const;

/** Slot names. The free-speech slot is `query` in every carrier intent. */
export const SLOTS = {
  feeling: 'feeling',
  goal: 'goal',
  ordinal: 'ordinal',
  answer: 'answer',
  query: 'query',
} as const;

/**
 * Intents that carry no words of their own: the request becomes `{ type: 'intent', intent }`.
 * Built-ins (`AMAZON.*`) are listed here too.
 */
export const PLAIN_INTENTS: Readonly<Record<string, IntentName>> = {
  CheckInIntent: 'checkin',
  GroundingIntent: 'grounding',
  SelfCompassionIntent: 'compassion',
  MicroGoalIntent: 'goal',
  TherapistSummaryIntent: 'summary',
  GoalDoneIntent: 'done',
  GoalNotYetIntent: 'notYet',
  SkipIntent: 'skip',
  // "delete my data": the core asks first ("Should I erase everything?") and erases on yes.
  DeleteDataIntent: 'delete',
  'AMAZON.RepeatIntent': 'repeat',
  'AMAZON.YesIntent': 'yes',
  'AMAZON.NoIntent': 'no',
  'AMAZON.HelpIntent': 'help',
  'AMAZON.StopIntent': 'stop',
  'AMAZON.CancelIntent': 'stop',
  // On a screen device "go home" leaves the skill; ending politely is what the person asked.
  'AMAZON.NavigateHomeIntent': 'stop',
  'AMAZON.FallbackIntent': 'fallback',
};

/** Naming a feeling from the vocabulary (FEELING slot). */
export const FEELING_INTENT = 'FeelingIntent';
/** Picking an offered choice by ordinal, or a goal by name (CHOICE_ORDINAL / GOAL slots). */
export const CHOOSE_INTENT = 'ChooseGoalIntent';
/**
 * A short spoken answer to a question the core asked ("drained", "not sure", "a little",
 * "work"): enumerated words the core reads exactly as it reads them typed.
 */
export const ANSWER_INTENT = 'AnswerIntent';

/** What a slot family's resolved value becomes for the core. */
export type SlotFamilyKind = 'feeling' | 'choose' | 'answer';

/**
 * One way of saying a slot, as its own intent. A custom slot is not a closed list: Alexa may
 * fill it with words it could not resolve ("end it tonight" heard in "I'll {goal}"), and
 * those words are free speech the crisis gate must read with the words around them, exactly
 * as for the free-speech carriers below. Alexa does not say which sample matched, so every
 * sample of one frame means `words` exactly, and each frame is an intent of its own.
 */
export interface SlotFrame {
  /** The intent name: the family's base name for the bare slot, else derived from `words`. */
  intent: string;
  family: SlotFamilyKind;
  /**
   * What was said, `{}` standing for the slot's words. "I'll" is written out as "I will":
   * the gate folds apostrophes away, and "I'll end it" would read as "ill end it".
   */
  words: string;
  /** Sample utterances, each with one of the family's slots. */
  samples: readonly string[];
}

const FAMILY_BASE: Record<SlotFamilyKind, string> = {
  feeling: FEELING_INTENT,
  choose: CHOOSE_INTENT,
  answer: ANSWER_INTENT,
};

/** "I will take the {} one" -> "IWillTakeTheOne"; Alexa intent names take letters only. */
function pascal(words: string): string {
  return words
    .replace(/'/g, '')
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join('');
}

function frames(family: SlotFamilyKind, table: ReadonlyArray<[string, readonly string[]]>): SlotFrame[] {
  const base = FAMILY_BASE[family];
  return table.map(([words, samples]) => ({
    intent: words === '{}' ? base : `${base.replace(/Intent$/, '')}${pascal(words)}Intent`,
    family,
    words,
    samples,
  }));
}

/** Every way of saying a feeling, a choice or a short answer that the model listens for. */
export const SLOT_FRAMES: readonly SlotFrame[] = [
  ...frames('feeling', [
    ['{}', ['{feeling}']],
    ['I feel {}', ['I feel {feeling}', "I'm feeling {feeling}", 'I am feeling {feeling}']],
    ['feeling {}', ['feeling {feeling}']],
    ['I feel kind of {}', ['I feel kind of {feeling}']],
    ["I'm {}", ["I'm {feeling}", 'I am {feeling}']],
    ['kind of {}', ['kind of {feeling}']],
    ['pretty {}', ['pretty {feeling}']],
    ['a bit {}', ['a bit {feeling}']],
    ['a little {}', ['a little {feeling}']],
    ['really {}', ['really {feeling}']],
    ['just {}', ['just {feeling}']],
    ['mostly {}', ['mostly {feeling}']],
    ["I've been feeling {}", ["I've been feeling {feeling}", 'I have been feeling {feeling}']],
    ["I'd say {}", ["I'd say {feeling}", 'I would say {feeling}']],
  ]),
  ...frames('choose', [
    ['{}', ['{ordinal}', '{goal}']],
    ['the {}', ['the {ordinal}']],
    ['the {} one', ['the {ordinal} one']],
    ['number {}', ['number {ordinal}']],
    ['option {}', ['option {ordinal}']],
    ['the {} option', ['the {ordinal} option']],
    ['I will take the {} one', ["I'll take the {ordinal} one", 'I will take the {ordinal} one']],
    ['I will do the {} one', ["I'll do the {ordinal} one", 'I will do the {ordinal} one']],
    ["let's do the {} one", ["let's do the {ordinal} one"]],
    ['I will go with the {} one', ["I'll go with the {ordinal} one", 'I will go with the {ordinal} one']],
    ['I will {}', ["I'll {goal}", 'I will {goal}']],
    ['I will do {}', ["I'll do {goal}", 'I will do {goal}']],
    ["let's do {}", ["let's do {goal}"]],
    ['I pick {}', ['I pick {goal}']],
    ['I choose {}', ['I choose {goal}']],
    ['I will try {}', ["I'll try {goal}", 'I will try {goal}']],
    ['I will go with {}', ["I'll go with {goal}", 'I will go with {goal}']],
  ]),
  ...frames('answer', [
    ['{}', ['{answer}']],
    ['more {}', ['more {answer}']],
    ['probably {}', ['probably {answer}']],
    ['it was {}', ['it was {answer}']],
    ['it helped {}', ['it helped {answer}']],
  ]),
];

const FRAME_BY_INTENT = new Map(SLOT_FRAMES.map((f) => [f.intent, f]));

/** The frame of a feeling, choice or answer intent, or undefined for any other intent. */
export function slotFrame(intentName: string): SlotFrame | undefined {
  return FRAME_BY_INTENT.get(intentName);
}

/** The words as said: the frame with the slot's words in place. */
export function fillFrame(frame: SlotFrame, heard: string): string {
  return frame.words.replace('{}', heard);
}

/**
 * One catch-all intent per carrier phrase. Alexa hands over only the `AMAZON.SearchQuery`
 * part of what was said ("to wake up" from "I don't want to wake up"), and the carrier is
 * what gives those words their meaning, so each carrier has its own intent and the bridge
 * puts the carrier back before the core (and its crisis gate) reads the words. Alexa does not
 * say which sample matched, so every sample of one intent must mean its `prefix` exactly
 * ("I feel like" is its own intent: "I feel" + "dying" is not what was said).
 */
export interface FreeSpeechCarrier {
  intent: string;
  /** Put back in front of the query: the words as the person said them. Empty for fillers. */
  prefix: string;
  /** Sample utterances; each has a carrier phrase, as `AMAZON.SearchQuery` requires. */
  samples: readonly string[];
}

export const FREE_SPEECH_CARRIERS: readonly FreeSpeechCarrier[] = [
  {
    intent: 'FreeSpeechIntent',
    prefix: '',
    samples: [
      'well {query}',
      'so {query}',
      'um {query}',
      'honestly {query}',
      'to be honest {query}',
      'the thing is {query}',
    ],
  },
  {
    intent: 'FreeSpeechFeelIntent',
    prefix: 'I feel',
    samples: ['I feel {query}', "I'm feeling {query}", 'I am feeling {query}'],
  },
  {
    intent: 'FreeSpeechFeelLikeIntent',
    prefix: 'I feel like',
    samples: ['I feel like {query}', 'I kind of feel like {query}'],
  },
  { intent: 'FreeSpeechAmIntent', prefix: "I'm", samples: ["I'm {query}", 'I am {query}'] },
  {
    intent: 'FreeSpeechWantIntent',
    prefix: 'I want',
    samples: ['I want {query}', 'I just want {query}', 'I wanna {query}'],
  },
  { intent: 'FreeSpeechDontIntent', prefix: "I don't", samples: ["I don't {query}", 'I do not {query}'] },
  { intent: 'FreeSpeechCantIntent', prefix: "I can't", samples: ["I can't {query}", 'I cannot {query}'] },
  {
    intent: 'FreeSpeechBeenIntent',
    prefix: "I've been",
    samples: ["I've been {query}", 'I have been {query}'],
  },
  { intent: 'FreeSpeechWontIntent', prefix: "I won't", samples: ["I won't {query}", 'I will not {query}'] },
  // Written out: the gate folds "I'll" to "ill", and "ill end it" is not what was said.
  { intent: 'FreeSpeechWillIntent', prefix: 'I will', samples: ["I'll {query}", 'I will {query}'] },
  { intent: 'FreeSpeechItsIntent', prefix: "it's", samples: ["it's {query}", 'it is {query}'] },
  {
    intent: 'FreeSpeechThinkIntent',
    prefix: 'I think',
    samples: ['I think {query}', 'I keep thinking {query}'],
  },
  { intent: 'FreeSpeechHaveIntent', prefix: 'I have', samples: ['I have {query}', "I've got {query}"] },
  { intent: 'FreeSpeechNeedIntent', prefix: 'I need', samples: ['I need {query}'] },
  { intent: 'FreeSpeechJustIntent', prefix: 'I just', samples: ['I just {query}'] },
  {
    intent: 'FreeSpeechEveryoneIntent',
    prefix: 'everyone',
    samples: ['everyone {query}', 'everybody {query}'],
  },
  { intent: 'FreeSpeechNobodyIntent', prefix: 'nobody', samples: ['nobody {query}', 'no one {query}'] },
  { intent: 'FreeSpeechMaybeIntent', prefix: 'maybe', samples: ['maybe {query}', 'perhaps {query}'] },
];

const CARRIER_BY_INTENT = new Map(FREE_SPEECH_CARRIERS.map((c) => [c.intent, c]));

/** The carrier of a free-speech intent, or undefined for any other intent. */
export function freeSpeechCarrier(intentName: string): FreeSpeechCarrier | undefined {
  return CARRIER_BY_INTENT.get(intentName);
}

/** Every intent name the skill answers (custom and built-in). */
export function handledIntentNames(): string[] {
  return [
    ...Object.keys(PLAIN_INTENTS),
    ...SLOT_FRAMES.map((f) => f.intent),
    ...FREE_SPEECH_CARRIERS.map((c) => c.intent),
  ];
}
