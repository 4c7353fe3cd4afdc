import { describe, expect, it } from 'vitest';
import {
  MAX_BREAK_SECONDS,
  MAX_SSML_CHARS,
  quietSsml,
  renderSsml,
} from '../../../src/channels/alexa/render-ssml.ts';
import type { Reply } from '../../../src/core/types.ts';
import { parseSsml, pausesOf } from './ssml.ts';

const question = (text: string, extra: Partial<Reply> = {}): Reply => ({
  beats: [{ text }],
  expectsAnswer: true,
  reprompt: 'Any word works, like heavy, wired, or okay.',
  end: false,
  ...extra,
});

describe('renderSsml', () => {
  it("escapes the person's own words so they are spoken, not parsed", () => {
    // Prepare
    const reply = question(`You said: Tom & Jerry <3 "quotes" and it's fine`);

    // Act
    const { speech } = renderSsml(reply);

    // Assess
    expect(parseSsml(speech).text).toBe(`You said: Tom & Jerry <3 "quotes" and it's fine`);
    expect(speech).toContain('Tom &amp; Jerry &lt;3 &quot;quotes&quot;');
  });

  it('reads 988 digit by digit, and the other crisis numbers too', () => {
    // Prepare
    const reply = question(
      'Call or text 988, any time. Chat at 988lifeline.org. Text HOME to 741741. Call 911 if you are in danger.',
      { crisis: true },
    );

    // Act
    const { speech } = renderSsml(reply);

    // Assess
    expect(speech).toContain('<say-as interpret-as="digits">988</say-as>,');
    expect(speech).toContain('<say-as interpret-as="digits">988</say-as>lifeline.org');
    expect(speech).toContain('<say-as interpret-as="digits">741741</say-as>');
    expect(speech).toContain('<say-as interpret-as="digits">911</say-as>');
    expect(() => parseSsml(speech)).not.toThrow();
  });

  it('reads grouped numbers such as Samaritans 116 123 group by group', () => {
    // Act
    const { speech } = renderSsml(question('Call Samaritans on 116 123.'));

    // Assess
    expect(speech).toContain(
      '<say-as interpret-as="digits">116</say-as><break time="300ms"/><say-as interpret-as="digits">123</say-as>',
    );
  });

  it('leaves small counts as ordinary numbers', () => {
    // Act
    const { speech } = renderSsml(question('Breathe in for 4, out for 6.'));

    // Assess
    expect(speech).not.toContain('say-as');
  });

  it('reads slow beats slowly and pauses where the core asked', () => {
    // Prepare
    const reply = question('', {
      beats: [
        { text: "Let's slow down together.", pauseAfter: 'short' },
        { text: 'Look around and find five things you can see.', slow: true, pauseAfter: 'long' },
        { text: 'Four things you can touch.', slow: true },
      ],
    });

    // Act
    const { speech } = renderSsml(reply);

    // Assess
    expect(speech).toBe(
      '<speak>Let&apos;s slow down together.<break time="700ms"/> ' +
        '<prosody rate="slow">Look around and find five things you can see.</prosody><break time="3s"/> ' +
        '<prosody rate="slow">Four things you can touch.</prosody></speak>',
    );
    expect(() => parseSsml(speech)).not.toThrow();
  });

  it('gives an exercise step the quiet it asks for: in for four gets four seconds', () => {
    // Prepare
    const reply = question('', {
      beats: [
        { text: 'Breathe in through your nose for four.', slow: true, pauseSeconds: 4 },
        { text: 'Hold it gently for four.', slow: true, pauseSeconds: 4 },
        { text: 'Now out through your mouth for six.', slow: true, pauseSeconds: 6, pauseAfter: 'short' },
        { text: 'When you are ready, say okay.' },
      ],
    });

    // Act
    const heard = pausesOf(renderSsml(reply).speech);

    // Assess
    expect(heard.map((h) => [h.said, h.quietSeconds])).toEqual([
      ['Breathe in through your nose for four.', 4],
      ['Hold it gently for four.', 4],
      ['Now out through your mouth for six.', 6],
      ['When you are ready, say okay.', 0],
    ]);
  });

  it('chains breaks for a quiet longer than the 10 seconds Alexa allows in one', () => {
    // Act
    const { speech } = renderSsml(
      question('', {
        beats: [{ text: 'Find five things you can see.', pauseSeconds: 23.5 }, { text: 'Next.' }],
      }),
    );

    // Assess
    expect(speech).toContain('<break time="10s"/><break time="10s"/><break time="3500ms"/>');
    const [see] = pausesOf(speech);
    expect(see?.quietSeconds).toBe(23.5);
    expect(see?.longestBreakSeconds).toBeLessThanOrEqual(MAX_BREAK_SECONDS);
  });

  it('makes no break of nothing, and bounds an absurd one', () => {
    // Act
    const huge = quietSsml(1e9);

    // Assess
    expect(quietSsml(0)).toBe('');
    expect(quietSsml(-3)).toBe('');
    expect(quietSsml(Number.NaN)).toBe('');
    expect(huge.match(/<break/g)?.length).toBeLessThanOrEqual(6);
  });

  it('reads choices as the first, the second, or the third', () => {
    // Prepare
    const reply = question("Let's pick one small thing for today.", {
      choices: [
        { id: '1', label: 'open the curtains' },
        { id: '2', label: 'drink a glass of water' },
        { id: '3', label: 'step outside for a minute' },
      ],
    });

    // Act
    const { text } = parseSsml(renderSsml(reply).speech);

    // Assess
    expect(text).toBe(
      "Let's pick one small thing for today. the first, open the curtains; the second, drink a glass of water; or the third, step outside for a minute.",
    );
  });

  it('offers their own words after the choices when the core takes them', () => {
    // Prepare
    const reply = question('Do any of these fit?', {
      choices: [
        { id: '1', label: 'tired' },
        { id: '2', label: 'flat' },
      ],
      acceptsOwnWords: true,
    });

    // Act
    const { text } = parseSsml(renderSsml(reply).speech);

    // Assess
    expect(text).toBe('Do any of these fit? the first, tired; or the second, flat. Or say something else.');
  });

  it("keeps the session open with the core's reprompt when an answer is expected", () => {
    // Act
    const rendered = renderSsml(question("What's here right now? A word is enough."));

    // Assess
    expect(rendered.endSession).toBe(false);
    expect(parseSsml(rendered.reprompt ?? '').text).toBe('Any word works, like heavy, wired, or okay.');
  });

  it('adds help as the reprompt when the core gave none, never a bare repeat', () => {
    // Prepare
    const withChoices = question('Which one?', {
      reprompt: undefined,
      choices: [
        { id: '1', label: 'a' },
        { id: '2', label: 'b' },
      ],
    });
    const plain = question('Anything else?', { reprompt: '  ' });

    // Act
    const choicesReprompt = parseSsml(renderSsml(withChoices).reprompt ?? '').text;
    const plainReprompt = parseSsml(renderSsml(plain).reprompt ?? '').text;

    // Assess
    expect(choicesReprompt).toBe('You can say the first, the second, or the third.');
    expect(plainReprompt).toBe('You can answer in a word or two, or say help.');
  });

  it('keeps a crisis reply open so the number can be asked for again', () => {
    // Prepare
    const reply: Reply = {
      beats: [{ text: 'Call or text 988.' }],
      expectsAnswer: false,
      end: false,
      crisis: true,
    };

    // Act
    const rendered = renderSsml(reply);

    // Assess
    expect(rendered.endSession).toBe(false);
    expect(rendered.reprompt).toBeDefined();
  });

  it('ends the session with no reprompt when the core closes', () => {
    // Prepare
    const reply: Reply = {
      beats: [{ text: "Take care. I'm here any time." }],
      expectsAnswer: false,
      end: true,
    };

    // Act
    const rendered = renderSsml(reply);

    // Assess
    expect(rendered.endSession).toBe(true);
    expect(rendered.reprompt).toBeUndefined();
  });

  it('stays under 8,000 characters and keeps the crisis line when a reply is too long', () => {
    // Prepare
    const filler = Array.from({ length: 60 }, (_, i) => ({
      text: `Line ${i} ${'and some more words '.repeat(8)}`,
    }));
    const reply = question('', { beats: [{ text: 'If you are in crisis, call or text 988.' }, ...filler] });

    // Act
    const { speech } = renderSsml(reply);

    // Assess
    expect(speech.length).toBeLessThanOrEqual(MAX_SSML_CHARS);
    expect(speech).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(() => parseSsml(speech)).not.toThrow();
  });
});
