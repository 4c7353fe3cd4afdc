/**
 * The short-answer lexicon (src/core/data/short-answers.json): one meaning per word, every
 * word understood as that meaning whatever the step, and the spoken words fit for Alexa.
 */
import { describe, expect, it } from 'vitest';
import { checkIn } from '../../src/core/content/check-in.ts';
import {
  ANSWER_KINDS,
  answerWords,
  CHOICE_COUNT,
  choiceWords,
  ENERGY_WORDS,
  PLEASANTNESS_WORDS,
  spokenAnswerWords,
  spokenChoiceWords,
} from '../../src/core/short-answers.ts';
import { globalCommandOf, normalizeMessage, understand } from '../../src/core/understand.ts';

const everyWord = [
  ...ANSWER_KINDS.flatMap((answer) => answerWords(answer)),
  ...Array.from({ length: CHOICE_COUNT }, (_, index) => choiceWords(index)).flat(),
];
const spokenWords = [
  ...ANSWER_KINDS.flatMap((answer) => spokenAnswerWords(answer)),
  ...Array.from({ length: CHOICE_COUNT }, (_, index) => spokenChoiceWords(index)).flat(),
];

describe('the short-answer lexicon', () => {
  it('gives each word one meaning only', () => {
    const repeated = everyWord.filter((word, i) => everyWord.indexOf(word) !== i);
    expect(repeated).toEqual([]);
  });

  it('holds words as a message is read: lowercase, single spaces, no end punctuation', () => {
    expect(everyWord.filter((word) => normalizeMessage(word) !== word)).toEqual([]);
  });

  it('never holds a word that means something in every step (a command would win it)', () => {
    expect(everyWord.filter((word) => globalCommandOf(word) !== undefined)).toEqual([]);
  });

  it('says aloud only words Alexa can hear: letters, apostrophes and spaces', () => {
    expect(spokenWords.filter((word) => !/^[a-z]+(?:[' ][a-z]+)*$/.test(word))).toEqual([]);
  });

  it.each(ANSWER_KINDS)(
    'reads every typed way of giving %s as that answer, punctuation and case aside',
    (answer) => {
      for (const word of answerWords(answer)) {
        expect(understand({ type: 'text', text: word }), word).toEqual({ kind: 'answer', answer });
        expect(understand({ type: 'text', text: `${word.toUpperCase()}!` }), word).toEqual({
          kind: 'answer',
          answer,
        });
      }
    },
  );

  it('reads every way of picking a numbered choice as that choice', () => {
    for (let index = 0; index < CHOICE_COUNT; index++) {
      for (const word of choiceWords(index)) {
        expect(understand({ type: 'text', text: word }), word).toEqual({ kind: 'choice', index });
      }
    }
  });

  it('leads the energy and pleasantness words with the words the questions offer', () => {
    expect([ENERGY_WORDS.low[0], ENERGY_WORDS.high[0]]).toEqual([...checkIn.energyChoices]);
    expect([PLEASANTNESS_WORDS.unpleasant[0], PLEASANTNESS_WORDS.okay[0]]).toEqual([
      ...checkIn.pleasantnessChoices,
    ]);
    const energy = [...ENERGY_WORDS.low, ...ENERGY_WORDS.high];
    const pleasantness = [...PLEASANTNESS_WORDS.unpleasant, ...PLEASANTNESS_WORDS.okay];
    expect(energy.filter((word, i) => energy.indexOf(word) !== i)).toEqual([]);
    expect(pleasantness.filter((word, i) => pleasantness.indexOf(word) !== i)).toEqual([]);
  });

  it('leaves a sentence that starts with an answer as the person wrote it', () => {
    expect(understand({ type: 'text', text: 'no one would notice' })).toEqual({
      kind: 'text',
      text: 'no one would notice',
    });
    expect(understand({ type: 'text', text: 'yes I did, but it was hard' }).kind).toBe('text');
  });
});
