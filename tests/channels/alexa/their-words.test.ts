/**
 * Their words, never harsher, by voice (issue 10, item 2): virtual-alexa turns what is said
 * into requests through our interaction model, the skill answers through the real turn
 * runner on dynalite. Self-judgements are said back as the person said them and lead to a
 * kind word; "I don't care" is never "apathetic"; distress that once met "I'm not sure I
 * caught a feeling there" gets a fitting reflection; what the gate hears stays heard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';
import { createEmulator, type Heard } from './virtual-alexa.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const NEVER_SAID = /\b(worthless|hopeless|apathetic|anhedonic|dysphoric|depressed)\b/i;
const NOT_CAUGHT = /not sure I caught a feeling/i;

/** Opens a session and says `lines`, one a turn; every answer stays within Alexa's limits. */
async function say(lines: readonly string[]): Promise<Heard[]> {
  const alexa = createEmulator({ skill: h.skill });
  await alexa.say('open my check in');
  const heard: Heard[] = [];
  for (const line of lines) {
    const answer = await alexa.say(line);
    expect(answer.ssml.length).toBeLessThanOrEqual(8000);
    if (answer.open) expect(answer.reprompt).toBeTruthy();
    heard.push(answer);
  }
  return heard;
}

describe('their words, spoken', () => {
  it.each([
    ['I feel like a failure', 'Feeling like a failure.', 'If a friend felt like a failure,'],
    ["I'm useless", 'Feeling useless.', 'If a friend felt useless,'],
    ["I'm not good enough", 'Feeling not good enough.', 'If a friend felt not good enough,'],
    ["I'm a loser", 'Feeling like a loser.', 'If a friend felt like a loser,'],
    ['I hate myself', 'Feeling like you hate yourself.', 'If a friend felt like they hate themselves,'],
    ["I'm a mess", 'Feeling like a mess.', 'If a friend felt like a mess,'],
    ["I'm broken", 'Feeling broken.', 'If a friend felt broken,'],
    ['I feel stupid', 'Feeling stupid.', 'If a friend felt stupid,'],
    ["I'm pathetic", 'Feeling pathetic.', 'If a friend felt pathetic,'],
  ])('says "%s" back as theirs, kindly, then offers a kind word first', async (said, back, friend) => {
    // Act
    const [reflected, kindWord] = await say([said, 'the first one']);

    // Assess
    expect(reflected?.speech).toContain(back);
    expect(reflected?.speech).toContain('you deserve some kindness');
    expect(reflected?.speech).not.toMatch(/makes sense/i);
    expect(reflected?.speech).not.toMatch(NEVER_SAID);
    expect(reflected?.speech).toMatch(/the first, a kind word to yourself/);
    expect(kindWord?.speech).toContain(friend);
  });

  it('says "I don\'t care" back in their words, never "apathetic"', async () => {
    // Act
    const [reflected] = await say(["I don't care"]);

    // Assess
    expect(reflected?.speech).toMatch(/^Feeling like you don't care\./);
    expect(reflected?.speech).not.toMatch(NEVER_SAID);
  });

  it('meets "nothing matters" gently, with a way on', async () => {
    // Act
    const [reflected] = await say(['nothing matters']);

    // Assess
    expect(reflected?.speech).toMatch(/^Feeling like nothing matters\. That's a lot to carry/);
    expect(reflected?.speech).not.toMatch(NOT_CAUGHT);
    expect(reflected?.speech).toMatch(/the first, a kind word to yourself/);
    expect(reflected?.open).toBe(true);
  });

  it('still asks the grey-zone question at "I feel pointless", never "hopeless"', async () => {
    // Act
    const [asked] = await say(['I feel pointless']);

    // Assess
    expect(asked?.speech).toMatch(/are you thinking about suicide\?/i);
    expect(asked?.ssml).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(asked?.speech).not.toMatch(NEVER_SAID);
  });

  it('still answers "I feel like a burden" with 988, not a reflection', async () => {
    // Act
    const [reply] = await say(['I feel like a burden']);

    // Assess
    expect(reply?.ssml).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(reply?.speech).not.toMatch(/Feeling like a burden/);
  });
});
