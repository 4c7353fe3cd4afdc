/**
 * The short answers said aloud, through our interaction model (virtual-alexa): the core must
 * read each spoken word of the lexicon exactly as it reads it typed. The model is generated
 * from the same lexicon (src/core/data/short-answers.json), so a word added there is heard
 * on voice without a second list to keep in step.
 */
import { describe, expect, it } from 'vitest';
import {
  ANSWER_KINDS,
  CHOICE_COUNT,
  spokenAnswerWords,
  spokenChoiceWords,
} from '../../../src/core/short-answers.ts';
import { understand } from '../../../src/core/understand.ts';
import { listener } from './listener.ts';

const hear = listener();

/** Phrases Alexa's built-in intents take before our model can hear them. */
const BUILT_IN_OWNED: Readonly<Record<string, string>> = { 'never mind': 'AMAZON.CancelIntent' };

describe('short answers spoken to the skill', () => {
  it.each(ANSWER_KINDS)('hears every spoken way of giving %s as it reads it typed', async (answer) => {
    for (const word of spokenAnswerWords(answer)) {
      const { intent, input } = await hear(word);
      if (BUILT_IN_OWNED[word]) {
        expect(intent, word).toBe(BUILT_IN_OWNED[word]);
        continue;
      }
      expect(input, word).toBeDefined();
      expect(input && understand(input), `${word} (heard as ${intent})`).toEqual({ kind: 'answer', answer });
    }
  });

  it('hears every spoken way of picking a numbered choice as that choice', async () => {
    for (let index = 0; index < CHOICE_COUNT; index++) {
      for (const word of spokenChoiceWords(index)) {
        const { input } = await hear(word);
        expect(input && understand(input), word).toEqual({ kind: 'choice', index });
      }
    }
  });
});
