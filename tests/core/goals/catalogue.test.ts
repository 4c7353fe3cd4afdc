import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOALS, goalById, matchGoal, offerGoals } from '../../../src/core/goals/catalogue.ts';
import type { FeelingFamily } from '../../../src/core/types.ts';

const FAMILIES: FeelingFamily[] = ['low-unpleasant', 'high-unpleasant', 'low-pleasant', 'high-pleasant'];
const LOW_FAMILIES: FeelingFamily[] = ['low-unpleasant', 'low-pleasant'];
const SLOT_VALUE = /^[a-z]+(?:[ '][a-z]+)*$/;
/** GSM-7 basic set, without the characters an SMS renderer would have to escape. */
const GSM7_PLAIN = /^[A-Za-z0-9 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà\n\r]*$/;

describe('the micro-goal catalogue', () => {
  it('holds at least 40 goals with unique kebab-case ids', () => {
    // Act
    const ids = GOALS.map((g) => g.id);

    // Assess
    expect(GOALS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z]+(?:-[a-z]+)*$/.test(id))).toEqual([]);
  });

  it('labels every goal in short lowercase GSM-7 words that read after "Your goal: "', () => {
    // Act
    const bad = GOALS.filter(
      (g) => g.label.length > 40 || !GSM7_PLAIN.test(g.label) || !SLOT_VALUE.test(g.label),
    );

    // Assess
    expect(bad).toEqual([]);
  });

  it('gives every goal spoken names that are valid slot values and name only that goal', () => {
    // Prepare
    const names = GOALS.flatMap((g) => [g.label, ...g.synonyms]);

    // Act
    const invalid = names.filter((n) => !SLOT_VALUE.test(n));
    const owners = GOALS.flatMap((g) => [g.label, ...g.synonyms].map((n) => matchGoal(n)?.id === g.id));

    // Assess
    expect(invalid).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect(owners.every(Boolean)).toBe(true);
  });

  it('never suggests medication', () => {
    // Act
    const medical = GOALS.filter((g) =>
      /\b(med|meds|medication|pill|pills|dose)\b/.test([g.label, ...g.synonyms].join(' ')),
    );

    // Assess
    expect(medical).toEqual([]);
  });

  it('finds a goal by its id', () => {
    // Act
    const goal = goalById('open-curtains');
    const missing = goalById('climb-everest');

    // Assess
    expect(goal?.label).toBe('open the curtains');
    expect(missing).toBeUndefined();
  });
});

describe('offerGoals', () => {
  it('always offers three distinct goals that suit the feeling', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FAMILIES), fc.integer(), (family, seed) => {
        // Act
        const offered = offerGoals({ family, seed });

        // Assess
        expect(offered).toHaveLength(3);
        expect(new Set(offered.map((g) => g.id)).size).toBe(3);
        expect(offered.every((g) => g.suits.includes(family))).toBe(true);
      }),
    );
  });

  it('offers only low-energy goals on a drained day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOW_FAMILIES), fc.integer(), (family, seed) => {
        // Act
        const offered = offerGoals({ family, seed });

        // Assess
        expect(offered.every((g) => g.energy === 'low')).toBe(true);
      }),
    );
  });

  it('offers gentle goals when no feeling was named', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        // Act
        const offered = offerGoals({ seed });

        // Assess
        expect(offered).toHaveLength(3);
        expect(offered.every((g) => g.energy !== 'high')).toBe(true);
      }),
    );
  });

  it('avoids goals already offered, and still offers three when everything was', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FAMILIES),
        fc.integer(),
        fc.subarray(GOALS.map((g) => g.id)),
        (family, seed, exclude) => {
          // Act
          const offered = offerGoals({ family, seed, exclude });
          const everything = offerGoals({ family, seed, exclude: GOALS.map((g) => g.id) });

          // Assess
          const fitting = GOALS.filter(
            (g) => g.suits.includes(family) && (!LOW_FAMILIES.includes(family) || g.energy === 'low'),
          );
          const freshLeft = fitting.filter((g) => !exclude.includes(g.id)).length;
          const freshOffered = offered.filter((g) => !exclude.includes(g.id)).length;
          expect(offered).toHaveLength(3);
          expect(freshOffered).toBe(Math.min(3, freshLeft));
          expect(everything).toHaveLength(3);
          expect(new Set(everything.map((g) => g.id)).size).toBe(3);
        },
      ),
    );
  });

  it('offers the same goals for the same seed and varies across seeds', () => {
    // Act
    const first = offerGoals({ family: 'low-unpleasant', seed: 99 });
    const again = offerGoals({ family: 'low-unpleasant', seed: 99 });
    const variety = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        offerGoals({ family: 'low-unpleasant', seed })
          .map((g) => g.id)
          .join(','),
      ),
    );

    // Assess
    expect(again).toEqual(first);
    expect(variety.size).toBeGreaterThan(1);
  });
});

describe('matchGoal', () => {
  it.each([
    ['the curtains', 'open-curtains'],
    ['curtains', 'open-curtains'],
    ['open the curtains', 'open-curtains'],
    ['Open the Curtains!', 'open-curtains'],
    ['water', 'drink-water'],
    ['water the plant', 'water-plant'],
    ["I'll do the shower one", 'take-shower'],
    ['open-curtains', 'open-curtains'],
    ['maybe a walk', 'walk-around-block'],
    ['drink some water', 'drink-water'],
  ])('reads "%s" as the goal %s', (text, id) => {
    // Act
    const goal = matchGoal(text);

    // Assess
    expect(goal?.id).toBe(id);
  });

  it.each(["what's the weather", 'pizza', 'yes', 'asdf', '', 'not the curtains', 'call my sister back'])(
    'finds no goal in "%s"',
    (text) => {
      // Act
      const goal = matchGoal(text);

      // Assess
      expect(goal).toBeUndefined();
    },
  );
});
