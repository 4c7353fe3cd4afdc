/**
 * A tired person on an Echo, answering "no", "I don't know" or something that fits nothing,
 * twenty times: spoken through our interaction model (virtual-alexa) to the skill on the real
 * turn runner and dynalite. No question is asked a third time running, every answer stays a
 * well-formed spoken response, and the session never goes quiet without a way back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/random.ts';
import { type Harness, startHarness } from './harness.ts';
import { createEmulator, type Heard } from './virtual-alexa.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** What people say when nothing fits, as an Echo would hear it. */
const SAID = ['no', "I don't know", 'not sure', 'nope', 'nothing', 'not really', 'no idea', 'skip', 'dunno'];

/** The question a spoken answer asks: its last sentence while the session is open. */
const question = (heard: Heard): string =>
  heard.open ? (heard.speech.split(/(?<=[.?!])\s+/).at(-1) ?? '') : '';

describe('twenty spoken answers that fit nothing', () => {
  it.each([1, 2, 3, 4])('never asks the same question three times running (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const alexa = createEmulator({ skill: h.skill });
    const heard: Heard[] = [await alexa.say('open my check in')];
    for (let turn = 0; turn < 20; turn++) {
      const last = heard.at(-1) as Heard;
      // A close is kind and final; the person can always open the skill again.
      const phrase = last.open ? (SAID[Math.floor(random() * SAID.length)] as string) : 'open my check in';
      const answer = await alexa.say(phrase);
      expect(answer.ssml.length).toBeLessThanOrEqual(8000);
      expect(answer.speech, phrase).toMatch(/\S/);
      if (answer.open) expect(answer.reprompt, phrase).toBeTruthy();
      heard.push(answer);
    }
    const questions = heard.map(question);
    for (let i = 2; i < questions.length; i++) {
      const [a, b, c] = [questions[i - 2], questions[i - 1], questions[i]];
      expect(a !== '' && a === b && b === c, `asked three times running: ${c}`).toBe(false);
    }
  });
});
