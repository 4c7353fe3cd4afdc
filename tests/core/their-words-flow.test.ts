/**
 * A person on a bad day, in their own words (issue 10, item 2), through the pure core: each
 * self-judgement is said back as they said it and leads to a kind word to themselves; "i don't
 * care" and "whats the point" are never renamed; distress that once met "I'm not sure I caught
 * a feeling there" gets a fitting reflection and a way on.
 */
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src/core/types.ts';
import { Conversation } from './conversation.ts';

/** Never said to someone who did not say it first (see feelings/their-words.test.ts). */
const NEVER_SAID = /\b(worthless|hopeless|apathetic|anhedonic|dysphoric|depressed)\b/i;
const NOT_CAUGHT = /not sure I caught a feeling/i;
const KIND_WORD_FIRST = /1\) a kind word to yourself/;

/** [what they type, how it is said back, how a friend is asked about]. */
const SELF_JUDGEMENTS: ReadonlyArray<readonly [string, string, string]> = [
  ['I feel like a failure', 'Feeling like a failure.', 'If a friend felt like a failure,'],
  ['useless', 'Feeling useless.', 'If a friend felt useless,'],
  ["i'm not good enough", 'Feeling not good enough.', 'If a friend felt not good enough,'],
  ["I'm such a loser", 'Feeling like a loser.', 'If a friend felt like a loser,'],
  ['a burden', 'Feeling like a burden.', 'If a friend felt like a burden,'],
  ['I hate myself', 'Feeling like you hate yourself.', 'If a friend felt like they hate themselves,'],
  ["i'm a mess", 'Feeling like a mess.', 'If a friend felt like a mess,'],
  ["I'm broken", 'Feeling broken.', 'If a friend felt broken,'],
  ['i feel so stupid', 'Feeling stupid.', 'If a friend felt stupid,'],
  ["I'm pathetic", 'Feeling pathetic.', 'If a friend felt pathetic,'],
];

function startedOn(channel: Channel): Conversation {
  const c = new Conversation(channel);
  c.send('hi');
  return c;
}

describe.each(['chat', 'sms'] as const)('their words, typed (%s)', (channel) => {
  it.each(SELF_JUDGEMENTS)(
    '"%s" is said back as theirs, kindly, and leads to a kind word',
    (said, back, friend) => {
      // Prepare
      const c = startedOn(channel);

      // Act
      const reflected = c.send(said).text;
      const kindWord = c.send('1').text;

      // Assess
      expect(reflected).toContain(back);
      expect(reflected).toContain('you deserve some kindness');
      expect(reflected).not.toMatch(/makes sense/i);
      expect(reflected).not.toMatch(NEVER_SAID);
      expect(reflected).toMatch(KIND_WORD_FIRST);
      expect(kindWord).toContain(friend);
    },
  );

  it('says "i don\'t care" back in their words, never "apathetic"', () => {
    // Prepare
    const c = startedOn(channel);

    // Act
    const reflected = c.send("i don't care").text;

    // Assess
    expect(reflected).toMatch(/^Feeling like you don't care\./);
    expect(reflected).not.toMatch(NEVER_SAID);
    expect(reflected).toMatch(/1\) /);
  });

  it('asks the grey-zone question at "whats the point", and never says "hopeless" after a no', () => {
    // Prepare
    const c = startedOn(channel);

    // Act
    const asked = c.send('whats the point').text;
    const afterNo = c.send('no').text;

    // Assess
    expect(asked).toMatch(/are you thinking about suicide\?.*988/s);
    expect(afterNo).not.toMatch(NEVER_SAID);
    expect(afterNo).not.toMatch(NOT_CAUGHT);
  });

  it.each([
    ['nothing matters', /^Feeling like nothing matters\. That's a lot to carry, and I'm glad you told me\./],
    ['\u{1F622}', /^Teary\. That makes sense/],
    ['\u{1F62D}', /^Teary\./],
    ['\u{1F494}', /^Feeling heartbroken\. That's a lot to carry/],
  ])('meets "%s" with a fitting reflection and a way on, not "drained or wired?"', (said, reflection) => {
    // Prepare
    const c = startedOn(channel);

    // Act
    const reply = c.send(said).text;

    // Assess
    expect(reply).toMatch(reflection);
    expect(reply).not.toMatch(NOT_CAUGHT);
    expect(reply).not.toMatch(/drained or more wired/);
    expect(reply).toMatch(KIND_WORD_FIRST);
  });

  it('keeps the canonical word in the journal while saying their word back', () => {
    // Prepare
    const c = startedOn(channel);

    // Act
    const reply = c.send('honestly knackered').text;

    // Assess
    expect(reply).toMatch(/^Knackered\./);
    expect(c.entries).toContainEqual(expect.objectContaining({ kind: 'feeling', word: 'exhausted' }));
  });

  it('does not take "this is useless", said of something else, as a judgement of themselves', () => {
    // Prepare
    const c = startedOn(channel);

    // Act
    const reply = c.send('this is useless').text;

    // Assess
    expect(reply).not.toMatch(/useless|worthless/i);
  });
});

describe('their words, resolved by voice', () => {
  it.each([
    ['like a failure', 'Feeling like a failure.'],
    ['useless', 'Feeling useless.'],
    ['like i hate myself', 'Feeling like you hate yourself.'],
    ["like i don't care", "Feeling like you don't care."],
    ['like nothing matters', 'Feeling like nothing matters.'],
  ])('says the resolved word "%s" back as "%s"', (value, back) => {
    // Prepare
    const c = new Conversation('alexa');
    c.send({ type: 'open' });

    // Act
    const reply = c.send({ type: 'intent', intent: 'feeling', value }).text;

    // Assess
    expect(reply).toContain(back);
    expect(reply).not.toMatch(NEVER_SAID);
  });
});
