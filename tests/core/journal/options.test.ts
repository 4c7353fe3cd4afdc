import { describe, expect, it } from 'vitest';
import { matchHelped, matchOption, type Option, TRIED, TRIGGERS } from '../../../src/core/journal/options.ts';

const SLOT_VALUE = /^[a-z]+(?:[ '][a-z]+)*$/;

describe.each([
  ['TRIGGERS', TRIGGERS],
  ['TRIED', TRIED],
] as const)('the %s options', (_name, options: readonly Option[]) => {
  it('have unique kebab-case ids', () => {
    // Act
    const ids = options.map((o) => o.id);

    // Assess
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z]+(?:-[a-z]+)*$/.test(id))).toEqual([]);
  });

  it('say each label and synonym once, as valid slot values that lead back to their option', () => {
    // Prepare
    const names = options.flatMap((o) => [o.label, ...o.synonyms]);

    // Act
    const invalid = names.filter((n) => !SLOT_VALUE.test(n));
    const misread = options.flatMap((o) =>
      [o.label, o.id, ...o.synonyms].filter((n) => matchOption(options, n)?.id !== o.id),
    );

    // Assess
    expect(invalid).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect(misread).toEqual([]);
  });
});

describe('matchOption', () => {
  it.each([
    ['work', 'work'],
    ['my boss again', 'work'],
    ['work and money', 'work'],
    ['Social media, honestly', 'social-media'],
    ["I don't know", 'not-sure'],
    ['nothing in particular', 'nothing-in-particular'],
    ['my family', 'family'],
    ['the news', 'news'],
  ])('reads the trigger in "%s" as %s', (text, id) => {
    // Act
    const option = matchOption(TRIGGERS, text);

    // Assess
    expect(option?.id).toBe(id);
  });

  it.each([
    ['went for a walk', 'walk'],
    ['talked to someone', 'talking'],
    ['I cried', 'crying'],
    ['nothing yet', 'nothing-yet'],
    ['wrote it down', 'writing'],
    ['some deep breaths', 'breathing'],
  ])('reads what was tried in "%s" as %s', (text, id) => {
    // Act
    const option = matchOption(TRIED, text);

    // Assess
    expect(option?.id).toBe(id);
  });

  it.each(['pizza', 'asdf', ''])('finds no option in "%s"', (text) => {
    // Act
    const option = matchOption(TRIGGERS, text);

    // Assess
    expect(option).toBeUndefined();
  });
});

describe('matchHelped', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['2', 2],
    ['3', 3],
    ['zero', 0],
    ['one', 1],
    ['two', 2],
    ['three', 3],
    ['not at all', 0],
    ['no', 0],
    ["didn't help at all", 0],
    ['a little', 1],
    ['helped a bit', 1],
    ['not a lot', 1],
    ['some', 2],
    ['somewhat', 2],
    ['a lot', 3],
    ['it helped a lot', 3],
    ['2/3', 2],
  ] as const)('reads "%s" as %d', (text, expected) => {
    // Act
    const helped = matchHelped(text);

    // Assess
    expect(helped).toBe(expected);
  });

  it.each(['4', '10', 'pizza', '', 'yes'])('hears no measure in "%s"', (text) => {
    // Act
    const helped = matchHelped(text);

    // Assess
    expect(helped).toBeUndefined();
  });
});
