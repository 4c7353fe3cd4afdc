/**
 * The skill's intents and what each one means to the core. The interaction model generator
 * and the request bridge both read these tables, so a name cannot drift between the model
 * Alexa resolves and the code that answers it.
 */

import { spokenAnswerWords } from '../../core/short-answers.ts';
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

/**
 * Intents that stand for fixed words: the bridge hands the core those words as text, and the
 * core reads them exactly as it reads them typed (src/core/understand.ts). One reading for
 * every channel, the crisis gate reads them too, and at "what did you try?" a spoken
 * "breathing" stays an answer, as it does by text, instead of starting an exercise.
 * Every sample must mean `words`: the question or request, and nothing more.
 */
export interface WordsIntent {
  intent: string;
  /** What the core reads, as if typed. */
  words: string;
  samples: readonly string[];
}

export const WORDS_INTENTS: readonly WordsIntent[] = [
  {
    intent: 'BreathingIntent',
    words: 'breathing',
    samples: [
      'breathing',
      'breathe',
      'slow breathing',
      'breathing exercise',
      'a breathing exercise',
      'for a breathing exercise',
      'give me a breathing exercise',
      'do a breathing exercise',
      "let's do breathing",
      "let's breathe",
      'breathing please',
      'help me breathe',
      'breathe with me',
      'I need to breathe',
      'can we do breathing',
      'can we do some breathing',
    ],
  },
  {
    // "I'm fine", "I'm good", "thanks": one answer, as typed (src/core/data/short-answers.json).
    // An intent of its own, since "I'm good" would otherwise be heard as the feeling "good".
    intent: 'ImFineIntent',
    words: 'fine',
    samples: spokenAnswerWords('fine').map((word) => word.replace(/\bi\b/g, 'I')),
  },
  {
    // "later" answers some questions itself ("maybe later" at the connection question), so it
    // reaches the core as "later", not as "done for now".
    intent: 'LaterIntent',
    words: 'later',
    samples: ['later', 'maybe later', 'talk later', 'talk to you later', 'perhaps later'],
  },
  {
    intent: 'DoneForNowIntent',
    words: 'done for now',
    samples: [
      'done for now',
      "I'm done for now",
      'I am done for now',
      'can we stop',
      "let's stop",
      "let's stop here",
      'stop for now',
      'I have to go',
      'I need to go',
      'I gotta go',
      "that's enough for now",
      'enough for now',
      "let's call it a day",
      'bye for now',
    ],
  },
  {
    intent: 'AreYouAPersonIntent',
    words: 'are you a real person',
    samples: [
      'are you a real person',
      'are you a person',
      'are you human',
      'are you a human',
      'are you a bot',
      'are you a robot',
      'are you real',
      'are you a machine',
      'is this a bot',
      'is this a real person',
      'am I talking to a real person',
      'am I talking to a person',
      'am I talking to a bot',
      'is anyone there',
      'is someone listening',
      'who am I talking to',
    ],
  },
  {
    intent: 'WhoSeesThisIntent',
    words: 'who sees this',
    samples: [
      'who sees this',
      'who can see this',
      'who hears this',
      'who can hear this',
      'is this private',
      'is it private',
      'is this confidential',
      'is my data private',
      'does anyone hear this',
      'does anyone listen to this',
      'are you recording me',
      'do you record what I say',
      'what do you do with my data',
      'where does my data go',
    ],
  },
  {
    intent: 'TellMyTherapistIntent',
    words: 'can you tell my therapist for me',
    samples: [
      'can you tell my therapist',
      'can you tell my therapist for me',
      'tell my therapist for me',
      'can you send this to my therapist',
      'send this to my therapist',
      'can you let my therapist know',
      'can you message my therapist',
      'can you call my therapist',
      'does my therapist hear this',
      'will my therapist hear this',
      'can my therapist hear this',
    ],
  },
  {
    intent: 'HowToDeleteIntent',
    words: 'how do i delete my data',
    samples: [
      'how do I delete my data',
      'how do I erase my data',
      'how can I delete my data',
      'how do I delete my journal',
      'how do I delete everything',
      'how do I remove my data',
      'can I delete my data',
    ],
  },
  // Linking a phone (issue 13): the core reads these words as LINK and UNLINK typed.
  {
    intent: 'LinkPhoneIntent',
    words: 'link my phone',
    samples: [
      'link my phone',
      'link my phone number',
      'connect my phone',
      'link to my phone',
      'link my texts',
      'I want to link my phone',
    ],
  },
  {
    intent: 'TextMySummaryIntent',
    words: 'text me my summary',
    samples: [
      'text me my summary',
      'text my summary to my phone',
      'send my summary to my phone',
      'send me my summary',
      'text me the summary',
    ],
  },
  {
    intent: 'UnlinkPhoneIntent',
    words: 'unlink my phone',
    samples: [
      'unlink my phone',
      'unlink my phone number',
      'disconnect my phone',
      'I want to unlink my phone',
    ],
  },
  // The safety plan (issue 14): the core reads these words as PLAN typed (flow/safety-plan.ts).
  {
    intent: 'SafetyPlanIntent',
    words: 'my plan',
    samples: [
      'my plan',
      'my safety plan',
      'safety plan',
      'open my plan',
      'open my safety plan',
      'make a safety plan',
      'make my safety plan',
      'write my safety plan',
      'start my safety plan',
      'continue my safety plan',
    ],
  },
  {
    // As it stands, even part way: "my plan" picks up the writing where it stopped instead.
    intent: 'ReadPlanIntent',
    words: 'read my plan',
    samples: ['read my plan', 'read me my plan', 'read my safety plan', 'hear my plan', 'tell me my plan'],
  },
  {
    // Every sample is a product command the gate lets through (src/core/crisis/commands.ts);
    // a spoken phrase the gate would answer must reach it as said, never as fixed words.
    intent: 'DeletePlanIntent',
    words: 'delete my safety plan',
    samples: [
      'delete my safety plan',
      'delete my plan',
      'erase my safety plan',
      'remove my safety plan',
      'erase my plan',
    ],
  },
  {
    intent: 'WhatCanYouDoIntent',
    words: 'what can you do',
    samples: [
      'what can you do',
      'what do you do',
      'what are you for',
      'what can you help with',
      'what can you help me with',
      'tell me about yourself',
      'what is my check in',
    ],
  },
];

const WORDS_BY_INTENT = new Map(WORDS_INTENTS.map((w) => [w.intent, w.words]));

/** The fixed words an intent stands for, or undefined for any other intent. */
export function wordsOfIntent(intentName: string): string | undefined {
  return WORDS_BY_INTENT.get(intentName);
}

/**
 * Saying a link code made by text ("my code is 4 8 2 9 1 3"): Alexa's number slot gives the
 * digits, and the core reads them as LINK and the code, exactly as texted.
 */
export const LINK_CODE_INTENT = {
  intent: 'LinkCodeIntent',
  slot: 'code',
  slotType: 'AMAZON.NUMBER',
  samples: [
    'my code is {code}',
    'the code is {code}',
    'my link code is {code}',
    'link code {code}',
    'code {code}',
  ],
} as const;

/**
 * Rewriting or clearing one step of the safety plan by voice ("change step two", "clear step
 * three"): Alexa's number slot gives the step, and the core reads "change step 2" as if typed.
 */
export const PLAN_STEP_INTENTS = [
  {
    intent: 'ChangePlanStepIntent',
    words: 'change step',
    slot: 'step',
    slotType: 'AMAZON.NUMBER',
    samples: [
      'change step {step}',
      'edit step {step}',
      'rewrite step {step}',
      'change step {step} of my plan',
      'change step {step} in my plan',
    ],
  },
  {
    intent: 'ClearPlanStepIntent',
    words: 'clear step',
    slot: 'step',
    slotType: 'AMAZON.NUMBER',
    samples: [
      'clear step {step}',
      'remove step {step}',
      'clear step {step} of my plan',
      'remove step {step} from my plan',
    ],
  },
] as const;

export const planStepIntent = (intentName: string) => PLAN_STEP_INTENTS.find((i) => i.intent === intentName);

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

/** One carrier: its intent, the words it puts back, and the ways of saying those words. */
function carrier(intent: string, prefix: string, ...samples: string[]): FreeSpeechCarrier {
  return { intent, prefix, samples };
}

/**
 * How people start a sentence aloud. Each carrier is what the person said before the words
 * Alexa hands over, so prefix + words is the whole sentence whichever carrier matched: a
 * general carrier ("I", "he", "my") catches any start nobody listed, a longer one ("I wish",
 * "my husband") gives Alexa a clearer phrase to match. Contractions stay as said, except those
 * the gate's folding of apostrophes would turn into another word ("I'll" -> "ill", "we're" ->
 * "were", "he'll" -> "hell"): those are written out.
 *
 * Left out on purpose, because a bare answer begins with the same words and the carrier would
 * take it: "not" and "never" alone ("not good", "never better" are feelings), "no" alone ("no
 * hope", "no phone"), "nothing" alone ("nothing much"), "what's" and "what's the point" alone
 * ("what's the point" is a feeling), "tomorrow" alone (a goal), "I'm not", "I'm scared", "I'm
 * so" ("I'm not okay", "I'm scared", "I'm so so" are feelings): the longer carriers below and
 * "I'm" carry those sentences instead.
 */
export const FREE_SPEECH_CARRIERS: readonly FreeSpeechCarrier[] = [
  // Fillers: nothing to put back.
  carrier(
    'FreeSpeechIntent',
    '',
    'well {query}',
    'so {query}',
    'um {query}',
    'uh {query}',
    'oh {query}',
    'honestly {query}',
    'to be honest {query}',
    'the thing is {query}',
    'anyway {query}',
    'alexa {query}',
    'okay so {query}',
    'hey {query}',
    'bro {query}',
    'listen {query}',
    // Openings a sentence can lose without changing what the gate reads ("been saving up my
    // pills", "lowkey wanna kms", "ngl been thinking about it"). Not "like", "kinda" or "okay":
    // "like crap", "kinda down" and "okay" are feelings and answers other intents own.
    'been {query}',
    'lowkey {query}',
    'ngl {query}',
    'tbh {query}',
    'seriously {query}',
    'literally {query}',
    'actually {query}',
    'basically {query}',
    'man {query}',
    'dude {query}',
    'look {query}',
  ),
  carrier('FreeSpeechFeelIntent', 'I feel', 'I feel {query}', "I'm feeling {query}", 'I am feeling {query}'),
  carrier('FreeSpeechFeelLikeIntent', 'I feel like', 'I feel like {query}'),
  carrier('FreeSpeechAmIntent', "I'm", "I'm {query}", 'I am {query}'),
  carrier('FreeSpeechWantIntent', 'I want', 'I want {query}'),
  carrier('FreeSpeechWannaIntent', 'I want to', 'I wanna {query}'),
  carrier('FreeSpeechDontIntent', "I don't", "I don't {query}", 'I do not {query}'),
  carrier('FreeSpeechCantIntent', "I can't", "I can't {query}", 'I cannot {query}'),
  carrier('FreeSpeechBeenIntent', "I've been", "I've been {query}", 'I have been {query}'),
  carrier('FreeSpeechWontIntent', "I won't", "I won't {query}", 'I will not {query}'),
  // Written out: the gate folds "I'll" to "ill", and "ill end it" is not what was said.
  carrier('FreeSpeechWillIntent', 'I will', "I'll {query}", 'I will {query}'),
  carrier('FreeSpeechItsIntent', "it's", "it's {query}", 'it is {query}'),
  carrier('FreeSpeechThinkIntent', 'I think', 'I think {query}'),
  carrier('FreeSpeechHaveIntent', 'I have', 'I have {query}', "I've {query}", "I've got {query}"),
  carrier('FreeSpeechNeedIntent', 'I need', 'I need {query}'),
  carrier('FreeSpeechJustIntent', 'I just', 'I just {query}'),
  carrier('FreeSpeechEveryoneIntent', 'everyone', 'everyone {query}', 'everybody {query}'),
  carrier('FreeSpeechNobodyIntent', 'nobody', 'nobody {query}', 'no one {query}'),
  carrier('FreeSpeechMaybeIntent', 'maybe', 'maybe {query}', 'perhaps {query}'),

  // I + a verb or an auxiliary; "I" alone catches every other.
  carrier('FreeSpeechIIntent', 'I', 'I {query}'),
  carrier('FreeSpeechWishIntent', 'I wish', 'I wish {query}'),
  carrier('FreeSpeechTookIntent', 'I took', 'I took {query}'),
  carrier('FreeSpeechTriedIntent', 'I tried', 'I tried {query}'),
  carrier('FreeSpeechHaveDecidedIntent', "I've decided", "I've decided {query}", 'I have decided {query}'),
  carrier('FreeSpeechDecidedIntent', 'I decided', 'I decided {query}'),
  carrier('FreeSpeechKeepIntent', 'I keep', 'I keep {query}'),
  carrier('FreeSpeechHopeIntent', 'I hope', 'I hope {query}'),
  carrier('FreeSpeechHateIntent', 'I hate', 'I hate {query}'),
  carrier('FreeSpeechKnowIntent', 'I know', 'I know {query}'),
  carrier('FreeSpeechShouldIntent', 'I should', 'I should {query}'),
  carrier('FreeSpeechShouldntIntent', "I shouldn't", "I shouldn't {query}", 'I should not {query}'),
  carrier('FreeSpeechWouldIntent', 'I would', 'I would {query}'),
  carrier('FreeSpeechIdIntent', "I'd", "I'd {query}"),
  carrier('FreeSpeechCouldIntent', 'I could', 'I could {query}'),
  carrier('FreeSpeechWasIntent', 'I was', 'I was {query}'),
  carrier('FreeSpeechHadIntent', 'I had', 'I had {query}'),
  carrier('FreeSpeechHaventIntent', "I haven't", "I haven't {query}", 'I have not {query}'),
  carrier('FreeSpeechDidntIntent', "I didn't", "I didn't {query}", 'I did not {query}'),
  carrier('FreeSpeechNeverIntent', 'I never', 'I never {query}'),
  carrier('FreeSpeechUsedToIntent', 'I used to', 'I used to {query}'),
  carrier(
    'FreeSpeechGoingToIntent',
    "I'm going to",
    "I'm going to {query}",
    'I am going to {query}',
    "I'm gonna {query}",
    'I am gonna {query}',
  ),
  carrier('FreeSpeechSwallowedIntent', 'I swallowed', 'I swallowed {query}'),
  carrier('FreeSpeechWroteIntent', 'I wrote', 'I wrote {query}'),
  carrier('FreeSpeechBoughtIntent', 'I bought', 'I bought {query}'),
  carrier('FreeSpeechGotIntent', 'I got', 'I got {query}'),
  carrier('FreeSpeechSaidIntent', 'I said', 'I said {query}'),
  carrier('FreeSpeechMissIntent', 'I miss', 'I miss {query}'),
  carrier('FreeSpeechLoveIntent', 'I love', 'I love {query}'),
  carrier('FreeSpeechSeeIntent', 'I see', 'I see {query}'),

  // Other people.
  carrier('FreeSpeechHeIntent', 'he', 'he {query}'),
  carrier('FreeSpeechHesIntent', "he's", "he's {query}"),
  carrier('FreeSpeechHeWillIntent', 'he will', "he'll {query}", 'he will {query}'),
  carrier('FreeSpeechSheIntent', 'she', 'she {query}'),
  carrier('FreeSpeechShesIntent', "she's", "she's {query}"),
  carrier('FreeSpeechSheWillIntent', 'she will', "she'll {query}", 'she will {query}'),
  carrier('FreeSpeechTheyIntent', 'they', 'they {query}'),
  carrier('FreeSpeechTheyreIntent', "they're", "they're {query}", 'they are {query}'),
  carrier('FreeSpeechYouIntent', 'you', 'you {query}'),
  carrier('FreeSpeechYoureIntent', "you're", "you're {query}", 'you are {query}'),
  carrier('FreeSpeechWeIntent', 'we', 'we {query}'),
  carrier('FreeSpeechMyIntent', 'my', 'my {query}'),
  carrier('FreeSpeechMyHusbandIntent', 'my husband', 'my husband {query}'),
  carrier('FreeSpeechMyWifeIntent', 'my wife', 'my wife {query}'),
  carrier('FreeSpeechMyBoyfriendIntent', 'my boyfriend', 'my boyfriend {query}'),
  carrier('FreeSpeechMyGirlfriendIntent', 'my girlfriend', 'my girlfriend {query}'),
  carrier('FreeSpeechMyPartnerIntent', 'my partner', 'my partner {query}'),
  carrier('FreeSpeechMyExIntent', 'my ex', 'my ex {query}'),
  carrier('FreeSpeechMyDadIntent', 'my dad', 'my dad {query}'),
  carrier('FreeSpeechMyMomIntent', 'my mom', 'my mom {query}'),
  carrier('FreeSpeechMyFriendIntent', 'my friend', 'my friend {query}'),
  carrier('FreeSpeechMySonIntent', 'my son', 'my son {query}'),
  carrier('FreeSpeechMyDaughterIntent', 'my daughter', 'my daughter {query}'),
  carrier('FreeSpeechMyBrotherIntent', 'my brother', 'my brother {query}'),
  carrier('FreeSpeechMySisterIntent', 'my sister', 'my sister {query}'),
  carrier('FreeSpeechSomeoneIntent', 'someone', 'someone {query}', 'somebody {query}'),
  carrier('FreeSpeechPeopleIntent', 'people', 'people {query}'),

  // It, this, that, there.
  carrier('FreeSpeechItIntent', 'it', 'it {query}'),
  carrier('FreeSpeechItWouldBeIntent', 'it would be', 'it would be {query}', "it'd be {query}"),
  carrier('FreeSpeechThisIntent', 'this', 'this {query}'),
  carrier('FreeSpeechThisIsIntent', 'this is', 'this is {query}'),
  carrier('FreeSpeechThatIntent', 'that', 'that {query}'),
  carrier('FreeSpeechThatsIntent', "that's", "that's {query}", 'that is {query}'),
  carrier('FreeSpeechThereIntent', 'there', 'there {query}'),
  carrier('FreeSpeechTheresIntent', "there's", "there's {query}", 'there is {query}'),
  carrier('FreeSpeechEverythingIntent', 'everything', 'everything {query}'),
  carrier('FreeSpeechEverythingsIntent', "everything's", "everything's {query}"),
  carrier('FreeSpeechItllIntent', "it'll", "it'll {query}"),
  carrier('FreeSpeechNothingIsIntent', 'nothing is', 'nothing is {query}'),
  carrier('FreeSpeechNothingWillIntent', 'nothing will', 'nothing will {query}'),
  carrier('FreeSpeechNothingMattersIntent', 'nothing matters', 'nothing matters {query}'),
  carrier('FreeSpeechAllIIntent', 'all I', 'all I {query}'),
  carrier('FreeSpeechEveryIntent', 'every', 'every {query}'),
  carrier('FreeSpeechAtLeastIntent', 'at least', 'at least {query}'),
  carrier('FreeSpeechTellMyIntent', 'tell my', 'tell my {query}'),
  carrier('FreeSpeechCanIIntent', 'can I', 'can I {query}'),

  // When.
  carrier('FreeSpeechTonightIntent', 'tonight', 'tonight {query}'),
  carrier('FreeSpeechTonightsIntent', "tonight's", "tonight's {query}"),
  carrier('FreeSpeechAfterIntent', 'after', 'after {query}'),
  carrier('FreeSpeechOnceIntent', 'once', 'once {query}'),
  carrier('FreeSpeechSinceIntent', 'since', 'since {query}'),
  carrier('FreeSpeechSoonIntent', 'soon', 'soon {query}'),
  carrier('FreeSpeechByIntent', 'by', 'by {query}'),
  carrier('FreeSpeechAsSoonAsIntent', 'as soon as', 'as soon as {query}'),
  carrier('FreeSpeechTodayIntent', 'today', 'today {query}'),
  carrier('FreeSpeechTomorrowIIntent', 'tomorrow I', 'tomorrow I {query}'),
  carrier('FreeSpeechTomorrowIsIntent', 'tomorrow is', 'tomorrow is {query}'),
  carrier('FreeSpeechTomorrowImIntent', "tomorrow I'm", "tomorrow I'm {query}", 'tomorrow I am {query}'),
  carrier('FreeSpeechLastNightIntent', 'last night', 'last night {query}'),
  carrier('FreeSpeechRightNowIntent', 'right now', 'right now {query}'),
  carrier('FreeSpeechLatelyIntent', 'lately', 'lately {query}'),
  carrier('FreeSpeechSometimesIntent', 'sometimes', 'sometimes {query}'),

  // Questions.
  carrier('FreeSpeechWhatIntent', 'what', 'what {query}'),
  carrier('FreeSpeechWhatIfIntent', 'what if', 'what if {query}'),
  carrier('FreeSpeechPointOfIntent', "what's the point of", "what's the point of {query}"),
  carrier('FreeSpeechPointInIntent', "what's the point in", "what's the point in {query}"),
  carrier('FreeSpeechWhyIntent', 'why', 'why {query}'),
  carrier('FreeSpeechHowIntent', 'how', 'how {query}'),
  carrier('FreeSpeechWhenIntent', 'when', 'when {query}'),
  carrier('FreeSpeechIfIntent', 'if', 'if {query}'),
  carrier('FreeSpeechCanYouIntent', 'can you', 'can you {query}'),
  carrier('FreeSpeechWillYouIntent', 'will you', 'will you {query}'),
  carrier('FreeSpeechDoYouIntent', 'do you', 'do you {query}'),
  carrier('FreeSpeechIsItIntent', 'is it', 'is it {query}'),
  carrier('FreeSpeechAmIIntent', 'am I', 'am I {query}'),
  carrier('FreeSpeechShouldIIntent', 'should I', 'should I {query}'),
  carrier('FreeSpeechPleaseIntent', 'please', 'please {query}'),

  // Death and life.
  carrier('FreeSpeechDeathIntent', 'death', 'death {query}'),
  carrier('FreeSpeechDyingIntent', 'dying', 'dying {query}'),
  carrier('FreeSpeechLifeIntent', 'life', 'life {query}'),
  carrier('FreeSpeechLivingIntent', 'living', 'living {query}'),

  // Yes, no, not, never, and joining words.
  carrier('FreeSpeechYesIntent', 'yes', 'yes {query}', 'yeah {query}', 'yep {query}'),
  carrier('FreeSpeechNoIIntent', 'no I', 'no I {query}'),
  carrier('FreeSpeechNoImIntent', "no I'm", "no I'm {query}", 'no I am {query}'),
  carrier('FreeSpeechNoWayIntent', 'no way', 'no way {query}'),
  carrier('FreeSpeechNoPointIntent', 'no point', 'no point {query}'),
  carrier('FreeSpeechNoReasonToIntent', 'no reason to', 'no reason to {query}'),
  carrier('FreeSpeechNotWorthIntent', 'not worth', 'not worth {query}'),
  carrier('FreeSpeechNotGoingToIntent', 'not going to', 'not going to {query}', 'not gonna {query}'),
  carrier('FreeSpeechNotSureIntent', 'not sure', 'not sure {query}'),
  carrier('FreeSpeechNeverGoingToIntent', 'never going to', 'never going to {query}', 'never gonna {query}'),
  carrier('FreeSpeechAndIntent', 'and', 'and {query}'),
  carrier('FreeSpeechButIntent', 'but', 'but {query}'),
  carrier('FreeSpeechBecauseIntent', 'because', 'because {query}', 'cause {query}'),

  // A sentence said without its subject, as people talk ("the urge is bad tonight", "gave my
  // guitar to my nephew", "keep thinking about it"): the word is put back as said. Not "feel",
  // "feeling", "hurt", "cut", "going", "left" or "the" alone: "feeling blue", "hurt", "cut off",
  // "going nowhere", "left out" are feelings and "the dishes" a goal, which other intents own.
  carrier('FreeSpeechTheLastIntent', 'the last', 'the last {query}'),
  carrier('FreeSpeechTheUrgeIntent', 'the urge', 'the urge {query}'),
  carrier('FreeSpeechTheOnlyIntent', 'the only', 'the only {query}'),
  carrier('FreeSpeechThePillsIntent', 'the pills', 'the pills {query}'),
  carrier('FreeSpeechTheKidsIntent', 'the kids', 'the kids {query}'),
  carrier('FreeSpeechTheThoughtIntent', 'the thought', 'the thought {query}'),
  carrier('FreeSpeechBareKeepIntent', 'keep', 'keep {query}'),
  carrier('FreeSpeechBareLastIntent', 'last', 'last {query}'),
  carrier('FreeSpeechBareGotIntent', 'got', 'got {query}'),
  carrier('FreeSpeechBareTookIntent', 'took', 'took {query}'),
  carrier('FreeSpeechBareThinkingIntent', 'thinking', 'thinking {query}'),
  carrier('FreeSpeechBareGivingIntent', 'giving', 'giving {query}'),
  carrier('FreeSpeechBareMadeIntent', 'made', 'made {query}'),
  carrier('FreeSpeechBareFoundIntent', 'found', 'found {query}'),
  carrier('FreeSpeechBareDidIntent', 'did', 'did {query}'),
  carrier('FreeSpeechBareWentIntent', 'went', 'went {query}'),
  carrier('FreeSpeechBareSurvivedIntent', 'survived', 'survived {query}'),
  carrier('FreeSpeechBareStartedIntent', 'started', 'started {query}'),
  carrier('FreeSpeechBareStoppedIntent', 'stopped', 'stopped {query}'),
  carrier('FreeSpeechBareGaveIntent', 'gave', 'gave {query}'),
  carrier('FreeSpeechBarePaidIntent', 'paid', 'paid {query}'),
  carrier('FreeSpeechBareCalledIntent', 'called', 'called {query}'),
  carrier('FreeSpeechBareDecidedIntent', 'decided', 'decided {query}'),
  carrier('FreeSpeechBareWroteIntent', 'wrote', 'wrote {query}'),
  carrier('FreeSpeechBareTriedIntent', 'tried', 'tried {query}'),
  carrier('FreeSpeechBareWearingIntent', 'wearing', 'wearing {query}'),
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
    ...WORDS_INTENTS.map((w) => w.intent),
    LINK_CODE_INTENT.intent,
    ...PLAN_STEP_INTENTS.map((i) => i.intent),
    ...SLOT_FRAMES.map((f) => f.intent),
    ...FREE_SPEECH_CARRIERS.map((c) => c.intent),
  ];
}
