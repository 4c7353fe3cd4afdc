import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchFeelings, matchIntensity, suggestWords } from '../../../src/core/feelings/match.ts';
import { familyOf } from '../../../src/core/feelings/vocabulary.ts';
import type { FeelingFamily } from '../../../src/core/types.ts';

const words = (text: string): string[] => matchFeelings(text).map((f) => f.word);
const FAMILIES: FeelingFamily[] = ['low-unpleasant', 'high-unpleasant', 'low-pleasant', 'high-pleasant'];

describe('matchFeelings', () => {
  it.each([
    ["I'm kinda down and disconnected", ['down', 'disconnected']],
    ['feeling heavy today', ['heavy']],
    ['stressed af', ['stressed']],
    ['on edge', ['on edge']],
    ['burnt out', ['burnt out']],
    ['burned-out and SOOO tired', ['burnt out', 'tired']],
    ['idk just tired', ['tired']],
    ['so overwhelmed', ['overwhelmed']],
    ['really really anxious', ['anxious']],
    ['a bit lonely tbh', ['lonely']],
    ['meh', ['flat']],
    ['honestly just fried', ['burnt out']],
    ['dead tired', ['exhausted']],
    ["can't sleep", ['restless']],
    ['no energy today', ['drained']],
  ])('finds the feeling in "%s"', (text, expected) => {
    // Act
    const found = words(text);

    // Assess
    expect(found).toEqual(expected);
  });

  it.each([
    ['anxous', 'anxious'],
    ['overwelmed', 'overwhelmed'],
    ['exausted', 'exhausted'],
    ['lonley', 'lonely'],
    ['disapointed', 'disappointed'],
    ['frustraded', 'frustrated'],
    ['anxiouss', 'anxious'],
  ])('reads the typo "%s" as "%s"', (typo, word) => {
    // Act
    const found = words(typo);

    // Assess
    expect(found).toEqual([word]);
  });

  it.each([
    'I tried to rest',
    'my friend came over',
    'I had a lovely day',
    'shared a post',
    'good morning',
    'the board meeting ran long',
    'living with my parents',
    'hopefully tomorrow',
  ])('does not turn everyday words in "%s" into feelings', (text) => {
    // Act
    const found = words(text);

    // Assess
    expect(found).toEqual([]);
  });

  it.each([
    ['not sad', []],
    ['not okay', ['not okay']],
    ["I'm not ok", ['not okay']],
    ["I don't feel happy", ['not okay']],
    ['not feeling great', ['not okay']],
    ["i'm not in a good mood", ['not okay']],
    ['not sad, just tired', ['tired']],
    ["I'm not even tired", []],
    ['not bad', ['okay']],
    ['never been better', ['great']],
    ["I don't know, I'm tired", ['tired']],
    ["no I'm good", ['good']],
  ])('reads negation in "%s" sensibly', (text, expected) => {
    // Act
    const found = words(text);

    // Assess
    expect(found).toEqual(expected);
  });

  it('never reads "not okay" as a pleasant feeling', () => {
    // Act
    const found = matchFeelings('honestly not okay today');

    // Assess
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.pleasantness < 0)).toBe(true);
  });

  it.each([
    "what's the weather",
    'asdf',
    '1',
    'pizza',
    'yes',
    'goal',
    '',
    'calm down',
    'sit down',
    'my phone battery is low',
    'fried chicken for dinner',
  ])('finds no feeling in "%s"', (text) => {
    // Act
    const found = words(text);

    // Assess
    expect(found).toEqual([]);
  });

  it('counts everyday words only when they describe the person', () => {
    // Act
    const described = words("I'm feeling low");
    const listed = words('tired and empty');
    const notDescribed = words('I am running low on milk');

    // Assess
    expect(described).toEqual(['low']);
    expect(listed).toEqual(['tired', 'empty']);
    expect(notDescribed).toEqual([]);
  });

  it('gives at most three distinct feelings, in the order they were said', () => {
    // Act
    const found = words("I'm just really tired and kind of sad and lonely and angry and tired");

    // Assess
    expect(found).toEqual(['tired', 'sad', 'lonely']);
  });

  it('reads a 5,000-character message without trouble and still finds a feeling early in it', () => {
    // Prepare
    const text = `I'm so anxious. ${'blah blah qwertyuiop asdfghjkl, '.repeat(200)}`.slice(0, 5000);

    // Act
    const found = words(text);

    // Assess
    expect(text.length).toBe(5000);
    expect(found[0]).toBe('anxious');
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const found = matchFeelings(text);
        return Array.isArray(found) && found.length <= 3 && new Set(found).size === found.length;
      }),
    );
  });
});

describe('suggestWords', () => {
  it.each(FAMILIES)('offers three distinct words of the %s family', (family) => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        // Act
        const offered = suggestWords(family, seed);

        // Assess
        expect(offered).toHaveLength(3);
        expect(new Set(offered.map((f) => f.word)).size).toBe(3);
        expect(offered.every((f) => familyOf(f) === family)).toBe(true);
      }),
    );
  });

  it('offers different words on different days', () => {
    // Act
    const sets = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        suggestWords('low-unpleasant', seed)
          .map((f) => f.word)
          .join(','),
      ),
    );

    // Assess
    expect(sets.size).toBeGreaterThan(1);
  });

  it('offers the same words again for the same seed', () => {
    // Act
    const first = suggestWords('high-unpleasant', 1234);
    const again = suggestWords('high-unpleasant', 1234);

    // Assess
    expect(again).toEqual(first);
  });
});

describe('matchIntensity', () => {
  it.each([
    ['7', 7],
    ['like a 7', 7],
    ['seven', 7],
    ['7/10', 7],
    ['about 8 out of 10', 8],
    ["i'd say a solid eight", 8],
    ['0', 0],
    ['ten', 10],
    ['10/10', 10],
  ])('reads "%s" as %d', (text, expected) => {
    // Act
    const value = matchIntensity(text);

    // Assess
    expect(value).toBe(expected);
  });

  it.each(['heavy', 'no one cares', '24/7', '15', '3pm', 'I have one thing to do'])(
    'hears no rating in "%s"',
    (text) => {
      // Act
      const value = matchIntensity(text);

      // Assess
      expect(value).toBeUndefined();
    },
  );
});
