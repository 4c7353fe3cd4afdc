/**
 * The simulator's Echo speaks the skill's SSML with the browser's speech synthesis: the
 * <break> pauses kept between runs of words (the grounding exercise's quiet), 988 read digit
 * by digit, and the words shown under the ring as a person reads them.
 */
import { describe, expect, it } from 'vitest';
import { speechOf } from '../../src/local/simulator/page/speech.ts';

describe("the simulator Echo's speech", () => {
  it("keeps each <break>'s pause, in milliseconds, between the words around it", () => {
    const speech = speechOf(
      '<speak>Look around and find five things you can see.<break time="10s"/><break time="2s"/> Now four things you can touch.<break time="700ms"/></speak>',
    );

    expect(speech.parts).toEqual([
      { say: 'Look around and find five things you can see.', pauseMs: 10_000 },
      { say: '', pauseMs: 2000 },
      { say: 'Now four things you can touch.', pauseMs: 700 },
    ]);
  });

  it('reads 988 digit by digit and shows it as 988, entities undone', () => {
    const speech = speechOf(
      '<speak>I&apos;m automated. Please call or text <say-as interpret-as="digits">988</say-as>, any time.</speak>',
    );

    expect(speech.parts).toEqual([
      { say: "I'm automated. Please call or text 9 8 8, any time.", pauseMs: 0 },
    ]);
    expect(speech.text).toBe("I'm automated. Please call or text 988, any time.");
  });

  it('gives a named break strength its usual length', () => {
    expect(speechOf('<speak>One.<break strength="strong"/>Two.</speak>').parts).toEqual([
      { say: 'One.', pauseMs: 1000 },
      { say: 'Two.', pauseMs: 0 },
    ]);
  });
});
