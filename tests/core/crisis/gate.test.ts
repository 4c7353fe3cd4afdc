import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCrisis } from '../../../src/core/crisis/detect.ts';
import {
  answers,
  disguised,
  explicit,
  feelings,
  idioms,
  means,
  negated,
  notNegated,
  requests,
  slang,
  veiled,
} from './corpus.ts';

const TIERS = ['explicit', 'veiled', 'means', 'request'];
const crisisPhrases = [...explicit, ...veiled, ...means, ...slang, ...disguised];

describe('detectCrisis: the regression corpus', () => {
  it('holds at least 100 crisis phrases and 60 everyday lines', () => {
    // Prepare / Act
    const everyday = [...idioms, ...feelings, ...answers];

    // Assess
    expect(crisisPhrases.length + requests.length).toBeGreaterThanOrEqual(100);
    expect(everyday.length).toBeGreaterThanOrEqual(60);
  });

  it.each(explicit)('hears the explicit words %j', (text) => {
    expect(detectCrisis(text)).toMatchObject({ tier: 'explicit', negated: false });
  });

  it.each(veiled)('hears the veiled words %j', (text) => {
    expect(detectCrisis(text)).not.toBeNull();
  });

  it.each(means)('hears means and method in %j', (text) => {
    expect(detectCrisis(text)).not.toBeNull();
  });

  it.each(slang)('hears slang and typos in %j', (text) => {
    expect(detectCrisis(text)).not.toBeNull();
  });

  it.each(disguised)('hears through case, spacing, punctuation and leetspeak in %j', (text) => {
    expect(detectCrisis(text)).not.toBeNull();
  });

  it.each(requests)('treats %j as a direct request for help', (text) => {
    expect(detectCrisis(text)).toMatchObject({ tier: 'request' });
  });

  it.each(idioms)('lets the everyday idiom %j through', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });

  it.each(feelings)('lets the feeling statement %j through', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });

  it.each(answers)('lets the check-in answer %j through', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });
});

describe('detectCrisis: negation', () => {
  it.each(negated)('still triggers on %j, marked negated', (text) => {
    expect(detectCrisis(text)).toMatchObject({ negated: true });
  });

  it.each(notNegated)('does not soften %j because of a negation elsewhere', (text) => {
    expect(detectCrisis(text)).toMatchObject({ negated: false });
  });

  it.each(crisisPhrases)('does not soften the plain crisis phrase %j', (text) => {
    expect(detectCrisis(text)).toMatchObject({ negated: false });
  });
});

describe('detectCrisis: tiers', () => {
  it('reports the most serious tier when a message matches several', () => {
    // Prepare
    const text = 'help, I have been saving up my pills and I want to kill myself';

    // Act
    const signal = detectCrisis(text);

    // Assess
    expect(signal).toEqual({ tier: 'explicit', negated: false });
  });

  it('files saved-up pills under means and "can\'t go on" under veiled', () => {
    expect(detectCrisis("I've saved up my pills")?.tier).toBe('means');
    expect(detectCrisis("I can't go on")?.tier).toBe('veiled');
  });
});

describe('detectCrisis: any input at all', () => {
  const isValid = (signal: ReturnType<typeof detectCrisis>) =>
    signal === null || (TIERS.includes(signal.tier) && typeof signal.negated === 'boolean');

  it('answers null or a valid signal for any unicode string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(isValid(detectCrisis(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('answers null or a valid signal for 5,000-character strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 5000, maxLength: 5000 }), (text) => {
        expect(isValid(detectCrisis(text))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('still hears a crisis phrase on its own line inside any surrounding text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.constantFrom(...crisisPhrases),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (before, phrase, after) => {
          expect(detectCrisis(`${before}\n${phrase}\n${after}`)).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('hears a crisis phrase at the end of a long message', () => {
    // Prepare
    const text = `${'Today was long and I did my laundry. '.repeat(130)}I want to kill myself.`;

    // Act / Assess
    expect(detectCrisis(text)).toEqual({ tier: 'explicit', negated: false });
  });

  it('answers null for empty text, emoji and control characters alone', () => {
    expect(detectCrisis('')).toBeNull();
    expect(detectCrisis('\u0000\u0007\u001b[2J')).toBeNull();
    expect(detectCrisis('\u{1F600}\u{1F622}\u{1F3B5}')).toBeNull();
  });
});
