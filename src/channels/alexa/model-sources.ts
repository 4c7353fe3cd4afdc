/**
 * Where the interaction model's slot values come from: the core's feeling vocabulary, its
 * micro-goal catalogue, its journal options and the answer words its voice prompts invite
 * ("drained, or wired?", "not at all, a little, some, or a lot?"). One source of truth: the
 * model is regenerated from these, never edited by hand.
 */
import { service } from '../../core/content/service.ts';
import { SPOKEN_FEELINGS } from '../../core/feelings/vocabulary.ts';
import { GOALS } from '../../core/goals/catalogue.ts';
import { TRIED, TRIGGERS } from '../../core/journal/options.ts';
import {
  type Answer,
  CHOICE_COUNT,
  ENERGY_WORDS,
  PLEASANTNESS_WORDS,
  spokenAnswerWords,
  spokenChoiceWords,
} from '../../core/short-answers.ts';
import type { InteractionModelSources, SlotValueSource } from './interaction-model.ts';

/** A lexicon meaning as one slot value: its plainest word heard, the others as synonyms. */
function lexiconValue(words: readonly string[], id = words[0] ?? ''): SlotValueSource {
  const [value = '', ...synonyms] = words;
  return { id, value, synonyms };
}

/**
 * Short answers the core understands by their words, with the ways people say them. The id
 * is never sent on: the bridge passes the words heard, so "sleep" can be a trigger at one
 * question and rest at the next, as the core decides.
 */
const SPOKEN_ANSWERS: readonly SlotValueSource[] = [
  // "More drained, or more wired?", "unpleasant, or okay?": the words the core reads there.
  lexiconValue(ENERGY_WORDS.low),
  lexiconValue(ENERGY_WORDS.high),
  lexiconValue(PLEASANTNESS_WORDS.unpleasant),
  lexiconValue(PLEASANTNESS_WORDS.okay),
  { id: 'parts', value: 'parts', synonyms: ['a part of me', 'check in with a part of me', 'parts check in'] },
  { id: 'small action', value: 'one small action', synonyms: ['small action', 'an action'] },
  ...service.summary.helpedLevel.map((words) => ({ id: words, value: words })),
  { id: 'a little', value: 'a bit', synonyms: ['a tiny bit', 'slightly', 'not much'] },
  { id: 'a lot', value: 'quite a lot', synonyms: ['loads', 'so much', 'really helped'] },
];

const option = (o: { id: string; label: string; synonyms: readonly string[] }): SlotValueSource => ({
  id: o.id,
  value: o.label,
  synonyms: o.synonyms,
});

/** The sources of the committed en-US model. */
export function modelSources(): InteractionModelSources {
  return {
    feelings: SPOKEN_FEELINGS.map((f) => ({ id: f.word, value: f.word, synonyms: f.synonyms })),
    goals: GOALS.map((g) => ({ id: g.id, value: g.label, synonyms: g.synonyms })),
    // The short answers without an intent of their own (short-answers.ts), heard as words;
    // "fine" has one (ImFineIntent).
    shortAnswers: (['notSure', 'none', 'ok'] satisfies Answer[]).map((answer) =>
      lexiconValue(spokenAnswerWords(answer)),
    ),
    answers: [...SPOKEN_ANSWERS, ...TRIGGERS.map(option), ...TRIED.map(option)],
    ordinals: Array.from({ length: CHOICE_COUNT }, (_, index) =>
      lexiconValue(spokenChoiceWords(index), String(index + 1)),
    ),
    answerIntents: {
      done: spokenAnswerWords('done'),
      notYet: spokenAnswerWords('notYet'),
      skip: spokenAnswerWords('skip'),
      yes: spokenAnswerWords('yes'),
      no: spokenAnswerWords('no'),
    },
  };
}
