/**
 * Grounding and breathing spoken through our interaction model (virtual-alexa into the real
 * skill and turn runner on dynalite): each step is followed by as much quiet as it asks for,
 * no single break longer than Alexa allows, the whole response inside Alexa's limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BREAK_SECONDS, MAX_SSML_CHARS } from '../../../src/channels/alexa/render-ssml.ts';
import { type Harness, startHarness } from './harness.ts';
import { pausesOf, type Spoken } from './ssml.ts';
import { createEmulator } from './virtual-alexa.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const quietAfter = (heard: Spoken[], said: RegExp): number[] =>
  heard.filter((s) => said.test(s.said)).map((s) => s.quietSeconds);

/** What a listener can hold to: no break over Alexa's 10 s, the document under 8,000 characters. */
function expectWithinAlexaLimits(ssml: string, heard: Spoken[]): void {
  expect(ssml.length).toBeLessThanOrEqual(MAX_SSML_CHARS);
  for (const spoken of heard) expect(spoken.longestBreakSeconds).toBeLessThanOrEqual(MAX_BREAK_SECONDS);
}

describe('breathing by voice', () => {
  it('waits four seconds after "in for four", four after "hold for four" and six after "out for six"', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await alexa.say('open my check in');
    const offer = await alexa.say("I'm stressed");
    expect(offer.speech).toMatch(/the second, slow breathing/);

    // Act
    const breathing = await alexa.say('the second one');

    // Assess
    const heard = pausesOf(breathing.ssml);
    expect(quietAfter(heard, /\bin (through your nose )?for four\.$/i)).toEqual([4, 4, 4]);
    expect(quietAfter(heard, /\bhold( it gently)? for four\.$/i)).toEqual([4, 4, 4]);
    expect(quietAfter(heard, /\bout (through your mouth )?for six\.$/i)).toEqual([6, 6, 6]);
    expect(breathing.speech).not.toMatch(/well done|you did/i);
    expect(breathing.speech).toMatch(/When you are ready, say okay\.$/);
    expect(breathing.open).toBe(true);
    expectWithinAlexaLimits(breathing.ssml, heard);
  });
});

describe('grounding by voice', () => {
  it('gives each sense time, about two seconds a thing, before the next', async () => {
    // Act
    const grounding = await createEmulator({ skill: h.skill }).say(
      'ask my check in for a grounding exercise',
    );

    // Assess
    const heard = pausesOf(grounding.ssml);
    const senses: Array<[RegExp, number]> = [
      [/five things you can see/i, 5],
      [/four things you can touch/i, 4],
      [/three things you can hear/i, 3],
      [/two things you can smell/i, 2],
      [/one thing you can taste/i, 1],
    ];
    for (const [sense, things] of senses) {
      const [quiet] = quietAfter(heard, sense);
      expect(quiet, String(sense)).toBeGreaterThanOrEqual(Math.max(5, things * 2));
    }
    // Five things to see get more than the 10 s one break allows: chained breaks.
    expect(quietAfter(heard, /five things you can see/i)[0]).toBeGreaterThan(MAX_BREAK_SECONDS);
    expect(grounding.speech).not.toMatch(/you did that|well done/i);
    expectWithinAlexaLimits(grounding.ssml, heard);
    // The whole exercise, quiet included, stays about a minute.
    const quiet = heard.reduce((sum, s) => sum + s.quietSeconds, 0);
    expect(quiet).toBeLessThanOrEqual(60);
  });
});
