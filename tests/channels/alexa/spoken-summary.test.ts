/**
 * The spoken summary through our interaction model (virtual-alexa) and the real turn runner
 * on dynalite: said in sentences, under 90 seconds at a normal speaking rate, offered again,
 * and heard again on "say that again" without the question coming a third time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';
import { parseSsml } from './ssml.ts';
import { createEmulator, type Heard } from './virtual-alexa.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Seconds to say it at about 150 words a minute, with every break the SSML asks for. */
function secondsToSay(heard: Heard): number {
  const words = parseSsml(heard.ssml)
    .text.split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
  const breaks = [...heard.ssml.matchAll(/<break time="(\d+)(ms|s)"\/>/g)].reduce(
    (sum, [, n, unit]) => sum + Number(n) / (unit === 'ms' ? 1000 : 1),
    0,
  );
  return (words * 60) / 150 + breaks;
}

describe('the spoken summary', () => {
  it('says the day as speech, asks to say it again, and repeats it on "say that again"', async () => {
    const alexa = createEmulator({ skill: h.skill });
    for (const line of [
      'open my check in',
      'I feel heavy',
      'the third one',
      'the first one',
      'work',
      'a walk',
      'a lot',
    ]) {
      await alexa.say(line);
    }

    const summary = await alexa.say('what should I tell my therapist');
    const again = await alexa.say('say that again');
    const third = await alexa.say('yes');

    expect(summary.speech).toMatch(/^Here's what you could tell your therapist about the last 14 days\./);
    expect(summary.speech).toContain('Today, you felt heavy, about work.');
    expect(summary.speech).toContain('A walk helped a lot.');
    expect(summary.speech).toMatch(/Would you like to hear that again\?$/);
    expect(summary.open).toBe(true);
    expect(summary.reprompt).toBe('You can say yes to hear it again, or no to finish.');
    expect(secondsToSay(summary)).toBeLessThan(90);
    expect(again.speech).toBe(summary.speech);
    expect(again.open).toBe(true);
    // Said a third time, without the question a third time; the session may close.
    expect(third.speech).toBe(summary.speech.replace(/ Would you like to hear that again\?$/, ''));
    expect(third.open).toBe(false);
  });

  it('"no" after the summary ends kindly', async () => {
    const alexa = createEmulator({ skill: h.skill });
    await alexa.say('open my check in');
    await alexa.say('I feel calm');
    await alexa.say('what should I tell my therapist');

    const no = await alexa.say('no');

    expect(no.speech).toBe("Okay. Take care. I'm here any time.");
    expect(no.open).toBe(false);
  });
});
