import { describe, expect, it } from 'vitest';
import { FEELINGS, familyOf, feelingByWord } from '../../../src/core/feelings/vocabulary.ts';
import type { FeelingFamily } from '../../../src/core/types.ts';

const SLOT_VALUE = /^[a-z]+(?:[ '][a-z]+)*$/;
const FAMILIES: FeelingFamily[] = ['low-unpleasant', 'high-unpleasant', 'low-pleasant', 'high-pleasant'];
const allPhrases = FEELINGS.flatMap((f) => [f.word, ...f.synonyms]);

describe('the feelings vocabulary', () => {
  it('holds at least 120 distinct feeling words', () => {
    // Act
    const words = new Set(FEELINGS.map((f) => f.word));

    // Assess
    expect(FEELINGS.length).toBeGreaterThanOrEqual(120);
    expect(words.size).toBe(FEELINGS.length);
  });

  it('never lists a word or synonym twice, so every phrase names one feeling', () => {
    // Act
    const seen = new Map<string, number>();
    for (const phrase of allPhrases) seen.set(phrase, (seen.get(phrase) ?? 0) + 1);
    const repeated = [...seen].filter(([, count]) => count > 1).map(([phrase]) => phrase);

    // Assess
    expect(repeated).toEqual([]);
  });

  it('uses only lowercase letters, single spaces and apostrophes, as Alexa slot values need', () => {
    // Act
    const invalid = allPhrases.filter((phrase) => !SLOT_VALUE.test(phrase));

    // Assess
    expect(invalid).toEqual([]);
  });

  it('places every word on both axes between -2 and 2', () => {
    // Act
    const offScale = FEELINGS.filter(
      (f) => ![f.energy, f.pleasantness].every((v) => Number.isInteger(v) && v >= -2 && v <= 2),
    );

    // Assess
    expect(offScale).toEqual([]);
  });

  it.each(FAMILIES)('has at least ten words for %s', (family) => {
    // Act
    const count = FEELINGS.filter((f) => familyOf(f) === family).length;

    // Assess
    expect(count).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['heavy', 'low-unpleasant'],
    ['sad', 'low-unpleasant'],
    ['not okay', 'low-unpleasant'],
    ['anxious', 'high-unpleasant'],
    ['on edge', 'high-unpleasant'],
    ['okay', 'low-pleasant'],
    ['calm', 'low-pleasant'],
    ['excited', 'high-pleasant'],
  ] as const)('puts "%s" in the %s family', (word, family) => {
    // Act
    const feeling = feelingByWord(word);

    // Assess
    expect(feeling && familyOf(feeling)).toBe(family);
  });

  it.each([
    ['burned out', 'burnt out'],
    ['Burnt-Out', 'burnt out'],
    ['meh', 'flat'],
    ['blah', 'flat'],
    ['stressed af', 'stressed'],
    ['kinda down', 'down'],
    ['fried', 'burnt out'],
    ['bummed', 'disappointed'],
    ['pissed', 'angry'],
    ['shook', 'scared'],
    ['ANXIOUS', 'anxious'],
    ['cant sleep', 'restless'],
  ])('resolves "%s" to the canonical word "%s"', (said, word) => {
    // Act
    const feeling = feelingByWord(said);

    // Assess
    expect(feeling?.word).toBe(word);
  });

  it('knows nothing of words outside the vocabulary', () => {
    // Act
    const results = ['pizza', 'weather', '', 'yes'].map(feelingByWord);

    // Assess
    expect(results).toEqual([undefined, undefined, undefined, undefined]);
  });
});
