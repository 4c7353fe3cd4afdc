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
    FEELING_INTENT,
    CHOOSE_INTENT,
    ANSWER_INTENT,
    ...FREE_SPEECH_CARRIERS.map((c) => c.intent),
  ];
}
