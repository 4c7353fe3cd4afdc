/**
 * The short answers people give (yes, no, skip, not sure, done, the first one), read from
 * one lexicon, data/short-answers.json, that the Alexa model is generated from too
 * (src/channels/alexa/model-sources.ts): a word means the same typed and spoken.
 *
 * Each word is matched whole, against the normalised message (understand.ts): "no" is an
 * answer, "no one cares" is the person's words.
 */
import lexicon from './data/short-answers.json' with { type: 'json' };

export type Answer = 'done' | 'notYet' | 'skip' | 'yes' | 'no' | 'notSure' | 'none' | 'ok' | 'fine';

interface Words {
  /** Said aloud or typed: these reach the Alexa model. */
  said: readonly string[];
  /** Only ever typed: digits, textisms, words without their apostrophe. */
  typed: readonly string[];
}

const ANSWERS: Readonly<Record<Answer, Words>> = lexicon.answers;
const CHOICES: readonly Words[] = lexicon.choices;

export const ANSWER_KINDS = Object.keys(ANSWERS) as Answer[];

/** Every way of giving `answer`, typed or said. */
export const answerWords = (answer: Answer): readonly string[] => [
  ...ANSWERS[answer].said,
  ...ANSWERS[answer].typed,
];

/** The ways of saying `answer` aloud, first the plainest. */
export const spokenAnswerWords = (answer: Answer): readonly string[] => ANSWERS[answer].said;

/** How many numbered choices the lexicon has words for. */
export const CHOICE_COUNT = CHOICES.length;

/** Every way of picking the numbered choice `index` (0-based), typed or said. */
export const choiceWords = (index: number): readonly string[] => [
  ...(CHOICES[index]?.said ?? []),
  ...(CHOICES[index]?.typed ?? []),
];

/** The ways of saying the numbered choice `index` aloud, first the plainest ("first"). */
export const spokenChoiceWords = (index: number): readonly string[] => CHOICES[index]?.said ?? [];

const ANSWER_OF = new Map<string, Answer>(
  ANSWER_KINDS.flatMap((answer) => answerWords(answer).map((word) => [word, answer] as const)),
);
const CHOICE_OF = new Map<string, number>(
  CHOICES.flatMap((_, index) => choiceWords(index).map((word) => [word, index] as const)),
);

/** The short answer a normalised message is, if it is one. */
export const answerOf = (message: string): Answer | undefined => ANSWER_OF.get(message);

/** The numbered choice (0-based) a normalised message picks, if it is one. */
export const choiceIndexOf = (message: string): number | undefined => CHOICE_OF.get(message);

/** Answers to "more drained, or more wired?": low energy first, the word the question offers first. */
export const ENERGY_WORDS: Readonly<{ low: readonly string[]; high: readonly string[] }> = lexicon.energy;

/** Answers to "more unpleasant, or okay?": the word the question offers first. */
export const PLEASANTNESS_WORDS: Readonly<{ unpleasant: readonly string[]; okay: readonly string[] }> =
  lexicon.pleasantness;
