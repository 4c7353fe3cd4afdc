/**
 * Issue 10, items 5, 6 and 8 by voice: virtual-alexa turns what is said into requests through
 * our own interaction model, and the skill answers through the real turn runner on dynalite.
 * The first launch says it is automated and not for emergencies, once; questions about the
 * skill get honest answers; requests in ordinary words are heard; "done for now" and "later"
 * close gently; and no reply or reprompt offers an opt-out word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';
import { createEmulator, type Emulator, type Heard } from './virtual-alexa.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const OPT_OUT_WORD = /\b(?:stop ?all|stop|unsubscribe|cancel|end|quit|revoke|opt[ -]?out)\b/i;
const DIGITS_988 = '<say-as interpret-as="digits">988</say-as>';

async function say(alexa: Emulator, phrase: string): Promise<Heard> {
  const heard = await alexa.say(phrase);
  expect(heard.ssml.length).toBeLessThanOrEqual(8000);
  expect(heard.speech, `${phrase} -> ${heard.speech}`).not.toMatch(OPT_OUT_WORD);
  if (heard.open) {
    expect(heard.reprompt).toBeTruthy();
    expect(heard.reprompt, `${phrase} -> reprompt ${heard.reprompt}`).not.toMatch(OPT_OUT_WORD);
  }
  return heard;
}

/** Someone who has launched the skill before, now at the feeling question. */
async function returning(): Promise<Emulator> {
  const alexa = createEmulator({ skill: h.skill });
  await say(alexa, 'open my check in');
  await say(alexa, 'open my check in');
  return alexa;
}

describe('the first launch', () => {
  it('says it is automated, not a person, and not for emergencies, with 988, once per person', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });

    // Act
    const first = await say(alexa, 'open my check in');
    const second = await say(alexa, 'open my check in');

    // Assess
    expect(first.speech).toMatch(
      /^Hi, this is my check in, a short check-in between therapy sessions\. I'm automated, not a person, and not for emergencies\. If you're in crisis, call or text 988\./,
    );
    expect(first.ssml).toContain(DIGITS_988);
    expect(first.speech).toMatch(/What's here right now\? A word is enough\.$/);
    expect(first.open).toBe(true);
    expect(second.speech).toBe("Hi. This is your check-in. What's here right now? A word is enough.");
    const { entries } = await h.store.exportUser(h.userIdOf(alexa.alexaUserId()));
    expect(entries).toMatchObject([{ kind: 'consent', terms: 'alexa-welcome', channel: 'alexa' }]);
  });
});

describe('questions about the skill', () => {
  it.each<[string, RegExp]>([
    [
      'are you a real person',
      /^No, I'm not a person\. I'm an automated check-in, and nobody is listening in\. .*call or text 988\./,
    ],
    ['is this a bot', /^No, I'm not a person\./],
    ['who sees this', /^What you tell me is kept for you.*never your own sentences\./],
    ['is this private', /Nobody is sent it, not your therapist either\./],
    ['can you tell my therapist for me', /^I can't contact your therapist, and nothing is sent to them\./],
    ['how do I delete my data', /^Say delete my data\. I'll ask you to say yes first/],
    ['what can you do', /^I'm an automated check-in for the days between therapy sessions\./],
  ])('"%s" gets an honest answer, and the feeling question again', async (question, answer) => {
    const alexa = await returning();
    const heard = await say(alexa, question);
    expect(heard.speech).toMatch(answer);
    expect(heard.speech).toMatch(/What's here right now\? A word is enough\.$/);
    expect(heard.open).toBe(true);
  });
});

describe('requests in ordinary words', () => {
  it.each<[string, RegExp]>([
    ['help me breathe', /^Let's take three slow breaths/],
    ['breathing please', /^Let's take three slow breaths/],
    ['I need to calm down', /^Let's slow down together/],
    ['grounding please', /^Let's slow down together/],
    ['give me a goal', /^Let's pick one small thing for today\./],
    ['be kind to me', /what would you say to them\?/],
    ['what do I say to my therapist', /^(?:For your therapist|There's nothing in your journal)/],
  ])('"%s" at the feeling question', async (words, meets) => {
    const alexa = await returning();
    const heard = await say(alexa, words);
    expect(heard.speech).toMatch(meets);
  });

  it('offers done for now after an exercise, and keeps "breathing" an answer at "what did you try?"', async () => {
    const alexa = await returning();
    const exercise = await say(alexa, 'help me breathe');
    expect(exercise.reprompt).toBe('Say okay for one small goal, or say done for now.');
    await say(alexa, 'okay');
    await say(alexa, 'the first one');
    expect((await say(alexa, 'work')).speech).toMatch(/What did you try\?/);
    expect((await say(alexa, 'breathing')).speech).toMatch(/How much did it help\?/);
    const close = await say(alexa, 'a lot');
    expect(close.speech).toMatch(/Noted in your journal\./);
    expect(close.speech).not.toMatch(/for your therapist/i);
    const { entries } = await h.store.exportUser(h.userIdOf(alexa.alexaUserId()));
    expect(entries.find((e) => e.kind === 'reflection')).toMatchObject({
      trigger: 'work',
      tried: 'breathing',
      helped: 3,
    });
  });
});

describe('a gentle close', () => {
  it.each(['done for now', 'later', 'can we stop', "let's stop here", 'I have to go'])(
    '"%s" closes kindly and ends the session',
    async (words) => {
      const alexa = await returning();
      await say(alexa, 'heavy');
      const heard = await say(alexa, words);
      expect(heard.speech).toBe("Take care. I'm here any time.");
      expect(heard.open).toBe(false);
    },
  );
});
