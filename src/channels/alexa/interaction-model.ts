/**
 * The skill's en-US interaction model, built from the core's own vocabularies so the words
 * Alexa listens for are exactly the words the core knows. `scripts/generate-interaction-model.ts`
 * writes it to skill-package/; a test keeps the committed file equal to this output.
 */
import {
  FREE_SPEECH_CARRIERS,
  LINK_CODE_INTENT,
  PLAN_STEP_INTENTS,
  SLOT_FRAMES,
  SLOT_TYPES,
  SLOTS,
  type SlotFrame,
  WORDS_INTENTS,
} from './intents.ts';

/** The skill's invocation name (a contract point, docs/design.md). */
export const INVOCATION_NAME = 'my check in';

/** One slot value: `id` comes back in entity resolution, `value` and `synonyms` are heard. */
export interface SlotValueSource {
  id: string;
  value: string;
  synonyms?: readonly string[];
}

/** What the model is generated from. */
export interface InteractionModelSources {
  /** The feeling vocabulary: id and value are the word itself. */
  feelings: readonly SlotValueSource[];
  /** The micro-goal catalogue: id is the catalogue id, value the spoken label. */
  goals: readonly SlotValueSource[];
  /**
   * The core's short answers heard as words (not sure, okay, fine): claimed before every
   * other slot value, so a word of the lexicon means on voice what it means typed.
   */
  shortAnswers: readonly SlotValueSource[];
  /** Other short answers to the core's questions (drained or wired, a little, a trigger). */
  answers: readonly SlotValueSource[];
  /** The numbered choices, id "1", "2", "3" (first, second, third). */
  ordinals: readonly SlotValueSource[];
  /** The short answers that are intents of their own, as the core's lexicon says them. */
  answerIntents: Readonly<Record<AnswerIntent, readonly string[]>>;
}

/** The short answers the skill hears as intents: the follow-up of a goal, skip, yes and no. */
export type AnswerIntent = 'done' | 'notYet' | 'skip' | 'yes' | 'no';

export interface ModelSlotValue {
  id: string;
  name: { value: string; synonyms?: string[] };
}

export interface ModelIntent {
  name: string;
  slots?: { name: string; type: string; samples?: string[] }[];
  samples: string[];
}

export interface InteractionModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: ModelIntent[];
      types: { name: string; values: ModelSlotValue[] }[];
    };
  };
}

/** Alexa hears words: keep letters, digits, spaces, apostrophes; fold everything else to a space. */
export function spokenForm(text: string): string {
  return text
    .replace(/[^A-Za-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const key = (text: string): string => spokenForm(text).toLowerCase();

/**
 * Slot values with every heard form used once within the type: a synonym equal to another
 * value (or repeated) would make resolution ambiguous. `taken` holds forms another slot type
 * already claims for a bare-slot sample, so one spoken word never resolves to two intents.
 */
function slotValues(sources: readonly SlotValueSource[], taken: Set<string>): ModelSlotValue[] {
  const seen = new Set<string>();
  const out: ModelSlotValue[] = [];
  for (const source of sources) {
    const value = spokenForm(source.value);
    if (value === '' || seen.has(key(value)) || taken.has(key(value))) continue;
    seen.add(key(value));
    const synonyms: string[] = [];
    for (const synonym of source.synonyms ?? []) {
      const heard = spokenForm(synonym);
      if (heard === '' || seen.has(key(heard)) || taken.has(key(heard))) continue;
      seen.add(key(heard));
      synonyms.push(heard);
    }
    out.push({ id: source.id, name: synonyms.length > 0 ? { value, synonyms } : { value } });
  }
  return out;
}

function heardForms(values: readonly ModelSlotValue[]): Set<string> {
  return new Set(values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])].map(key)));
}

/** What Alexa's built-in intents already hear, whatever our samples say. */
const BUILT_IN_PHRASES = new Set([
  'yes',
  'no',
  'stop',
  'cancel',
  'help',
  'help me',
  'repeat',
  'never mind',
  'no thanks',
  'yes please',
]);

const s = (name: string, type: string) => ({ name, type });

/**
 * Words from the core's lexicon as sample utterances: "I" capitalised as Alexa writes it, and
 * without the phrases Alexa's built-in intents hear anyway (a sample may not repeat them).
 */
function samplesOf(words: readonly string[]): string[] {
  return words
    .map((word) => spokenForm(word).replace(/\bi\b/g, 'I'))
    .filter((sample) => sample !== '' && !BUILT_IN_PHRASES.has(key(sample)));
}

/** The custom slot type of each custom slot name. */
const TYPE_OF_SLOT: Readonly<Record<string, string>> = {
  [SLOTS.feeling]: SLOT_TYPES.feeling,
  [SLOTS.goal]: SLOT_TYPES.goal,
  [SLOTS.ordinal]: SLOT_TYPES.ordinal,
  [SLOTS.answer]: SLOT_TYPES.answer,
};

/** A frame as a model intent, declaring exactly the slots its samples use. */
function frameIntent(frame: SlotFrame): ModelIntent {
  const used = [
    ...new Set(frame.samples.flatMap((sample) => [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))),
  ];
  return {
    name: frame.intent,
    slots: used.map((name) => s(name, TYPE_OF_SLOT[name] ?? '')),
    samples: [...frame.samples],
  };
}

/** Builds the model. Pure: same sources, same JSON, byte for byte once stringified. */
export function buildInteractionModel(sources: InteractionModelSources): InteractionModel {
  const intents: ModelIntent[] = [
    {
      name: 'CheckInIntent',
      samples: [
        'check in',
        'start a check in',
        "let's check in",
        'do a check in',
        'start my check in',
        'begin',
      ],
    },
    ...SLOT_FRAMES.map(frameIntent),
    {
      name: 'GroundingIntent',
      samples: [
        'a grounding exercise',
        'for a grounding exercise',
        'grounding',
        'grounding exercise',
        'give me a grounding exercise',
        'do a grounding exercise',
        "let's do grounding",
        'ground me',
        'help me ground myself',
        'help me calm down',
        'help me slow down',
        'grounding please',
        'I need grounding',
        'can we do grounding',
        'I need to calm down',
        'calm me down',
        'I need to slow down',
        'help me settle down',
      ],
    },
    {
      name: 'SelfCompassionIntent',
      samples: [
        'self compassion',
        'a self compassion exercise',
        'for some self compassion',
        'a kind word',
        'a kind word to myself',
        'help me be kind to myself',
        'say something kind',
        'something kind',
        'be kind to me',
        'can you be kind to me',
        'say something nice',
        'tell me something kind',
        'I need a kind word',
        'a kind word please',
        'I need some kindness',
      ],
    },
    {
      name: 'MicroGoalIntent',
      samples: [
        'a micro goal',
        'for a micro goal',
        'micro goal',
        'give me a micro goal',
        'a small goal',
        'for a small goal',
        'one small goal',
        'a goal',
        'for a goal',
        'give me a goal',
        'pick a goal',
        'help me pick a goal',
        'one small thing',
        'what should I do today',
        'goal please',
        'a goal please',
        'I want a goal',
        'I need a goal',
        'can I have a goal',
        'set a goal',
        'give me something to do',
      ],
    },
    {
      name: 'TherapistSummaryIntent',
      samples: [
        'what should I tell my therapist',
        'what do I tell my therapist',
        'what to tell my therapist',
        'what can I tell my therapist',
        'for a summary',
        'summary',
        'my summary',
        'give me my summary',
        'a summary for my therapist',
        'session prep',
        'help me prepare for therapy',
        'get me ready for therapy',
        'how was my week',
        'what do I say to my therapist',
        'what should I say to my therapist',
        'what should I bring to therapy',
        'what do I talk about in therapy',
        'show me my summary',
      ],
    },
    { name: 'GoalDoneIntent', samples: samplesOf(sources.answerIntents.done) },
    { name: 'GoalNotYetIntent', samples: samplesOf(sources.answerIntents.notYet) },
    {
      name: 'DeleteDataIntent',
      samples: [
        'delete my data',
        'delete all my data',
        'erase my data',
        'erase my journal',
        'delete my journal',
        'erase everything',
        'delete everything',
        'forget me',
        'forget everything about me',
        'remove my data',
      ],
    },
    { name: 'SkipIntent', samples: samplesOf(sources.answerIntents.skip) },
    { name: 'AMAZON.YesIntent', samples: samplesOf(sources.answerIntents.yes) },
    { name: 'AMAZON.NoIntent', samples: samplesOf(sources.answerIntents.no) },
    {
      name: 'AMAZON.HelpIntent',
      samples: [
        'what can I say',
        'what can I do',
        'how does this work',
        'what is this',
        'I need help',
        'I need some help',
        'can you help me',
        'how do I use this',
      ],
    },
    {
      name: 'AMAZON.RepeatIntent',
      samples: ['repeat the number', 'say the number again', 'what was the number', 'say it again'],
    },
    { name: 'AMAZON.StopIntent', samples: ['stop here', "that's all", 'goodbye', "that's enough for today"] },
    { name: 'AMAZON.CancelIntent', samples: [] },
    { name: 'AMAZON.NavigateHomeIntent', samples: [] },
    { name: 'AMAZON.FallbackIntent', samples: [] },
    // Fixed words ("are you a real person?", "help me breathe"), read by the core as typed.
    ...WORDS_INTENTS.map((intent): ModelIntent => ({ name: intent.intent, samples: [...intent.samples] })),
    {
      name: LINK_CODE_INTENT.intent,
      slots: [s(LINK_CODE_INTENT.slot, LINK_CODE_INTENT.slotType)],
      samples: [...LINK_CODE_INTENT.samples],
    },
    ...PLAN_STEP_INTENTS.map(
      (intent): ModelIntent => ({
        name: intent.intent,
        slots: [s(intent.slot, intent.slotType)],
        samples: [...intent.samples],
      }),
    ),
    // Carriers last: virtual-alexa breaks a tie in model order, so a bare "yes" or "I didn't"
    // goes to the intent that owns it, not to a carrier heard with nothing after its phrase.
    ...FREE_SPEECH_CARRIERS.map(
      (carrier): ModelIntent => ({
        name: carrier.intent,
        slots: [s(SLOTS.query, 'AMAZON.SearchQuery')],
        samples: [...carrier.samples],
      }),
    ),
  ];

  // A phrase that is an intent of its own ("grounding", "done") is never also a slot value:
  // one utterance, one meaning.
  const literal = new Set([
    ...BUILT_IN_PHRASES,
    ...intents.flatMap((intent) => intent.samples.filter((sample) => !sample.includes('{')).map(key)),
  ]);
  const ordinals = slotValues(sources.ordinals, literal);
  // The core's short answers first: "fine" or "unsure" is read as the core reads it typed.
  const shortAnswers = slotValues(sources.shortAnswers, new Set([...literal, ...heardForms(ordinals)]));
  const claimed = new Set([...literal, ...heardForms(ordinals), ...heardForms(shortAnswers)]);
  // Then feelings: any other word in the vocabulary is always heard as a feeling.
  const feelings = slotValues(sources.feelings, claimed);
  const goals = slotValues(sources.goals, new Set([...claimed, ...heardForms(feelings)]));
  const answers = [
    ...shortAnswers,
    ...slotValues(sources.answers, new Set([...claimed, ...heardForms(feelings), ...heardForms(goals)])),
  ];

  return {
    interactionModel: {
      languageModel: {
        invocationName: INVOCATION_NAME,
        intents,
        types: [
          { name: SLOT_TYPES.feeling, values: feelings },
          { name: SLOT_TYPES.goal, values: goals },
          { name: SLOT_TYPES.ordinal, values: ordinals },
          { name: SLOT_TYPES.answer, values: answers },
        ],
      },
    },
  };
}

/** The model as the committed file holds it: two-space JSON and a final newline. */
export function serializeInteractionModel(model: InteractionModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
