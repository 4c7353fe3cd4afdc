import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_TWIML,
  gsm7Length,
  isGsm7,
  MAX_MESSAGE_SEPTETS,
  MAX_MESSAGES,
  renderTwiml,
  smsTexts,
  toGsm7,
} from '../../../src/channels/sms/render-twiml.ts';
import type { Reply } from '../../../src/core/types.ts';

function reply(texts: string[], extra: Partial<Reply> = {}): Reply {
  return { beats: texts.map((text) => ({ text })), expectsAnswer: true, end: false, ...extra };
}

const CRISIS_BEAT =
  'This is an automated check-in and cannot help in a crisis. Call or text 988 any time, or chat at 988lifeline.org. Text HOME to 741741. If you are in danger now, call 911.';

describe('GSM-7', () => {
  it('knows the basic set and the extension table', () => {
    expect(isGsm7('Hi. @£$¥ èéùìò Ç Øø Åå Δ_ ÆæßÉ ¡¿ ÄÖÑÜ§ äöñüà 0-9 "quoted"')).toBe(true);
    expect(isGsm7('^{}\\[~]|€')).toBe(true);
    expect(isGsm7('It’s fine')).toBe(false);
    expect(isGsm7('ok 🙂')).toBe(false);
    expect(isGsm7('ç')).toBe(false);
  });

  it('counts extension characters as two septets', () => {
    expect(gsm7Length('abc')).toBe(3);
    expect(gsm7Length('[x]')).toBe(5);
    expect(gsm7Length('€5')).toBe(3);
    expect(gsm7Length('^{}\\[~]|€')).toBe(18);
  });

  it('folds typography to plain characters a phone shows the same', () => {
    expect(toGsm7('“It’s okay” – really… a\u00a0bit—tired')).toBe('"It\'s okay" - really... a bit - tired');
  });

  it('drops emoji and other symbols, with no doubled space left behind', () => {
    expect(toGsm7('Well done 🎉 you did it 💪🏽!')).toBe('Well done you did it!');
    expect(toGsm7('family 👨‍👩‍👧 time')).toBe('family time');
  });

  it('keeps accented letters it can, and reduces the others to their letter', () => {
    expect(toGsm7('café, naïve, façade')).toBe('café, naive, facade');
  });
});

describe('renderTwiml', () => {
  it('sends a short reply as one message', () => {
    const twiml = renderTwiml(reply(["What's here right now?", 'A word is enough.']));

    expect(twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>What&apos;s here right now? A word is enough.</Message></Response>',
    );
  });

  it('escapes what XML would misread', () => {
    const twiml = renderTwiml(reply(['Msg & data rates may apply. <3 "ok"']));

    expect(twiml).toContain('<Message>Msg &amp; data rates may apply. &lt;3 &quot;ok&quot;</Message>');
  });

  it('sends nothing at all for a silent reply', () => {
    expect(renderTwiml(reply(['ignored'], { silent: true }))).toBe(EMPTY_TWIML);
    expect(EMPTY_TWIML).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('numbers the choices and says how to answer', () => {
    const texts = smsTexts(
      reply(["Let's pick one small thing for today."], {
        choices: [
          { id: '1', label: 'open the curtains' },
          { id: '2', label: 'drink a glass of water' },
          { id: '3', label: 'step outside for a minute' },
        ],
        acceptsOwnWords: true,
      }),
    );

    expect(texts).toEqual([
      "Let's pick one small thing for today.\n1) open the curtains\n2) drink a glass of water\n3) step outside for a minute\nReply 1, 2 or 3, or text your own.",
    ]);
  });

  it('offers only the numbers when own words are not taken', () => {
    const texts = smsTexts(
      reply(['Right now, do you feel more drained or more wired?'], {
        choices: [
          { id: '1', label: 'drained' },
          { id: '2', label: 'wired' },
        ],
      }),
    );

    expect(texts[0]).toMatch(/1\) drained\n2\) wired\nReply 1 or 2\.$/);
  });

  it('puts slow exercise steps on their own lines', () => {
    const texts = smsTexts({
      beats: [
        { text: "Let's slow down together." },
        { text: 'Five things you can see.', slow: true },
        { text: 'Four things you can touch.', slow: true },
      ],
      expectsAnswer: true,
      end: false,
    });

    expect(texts).toEqual([
      "Let's slow down together.\nFive things you can see.\nFour things you can touch.",
    ]);
  });

  it('splits a long reply at sentence boundaries into messages of at most 320', () => {
    const sentences = Array.from(
      { length: 12 },
      (_, i) => `Sentence number ${i + 1} is here to take up some room.`,
    );

    const texts = smsTexts(reply([sentences.join(' ')]));

    expect(texts.length).toBe(2);
    for (const text of texts) {
      expect(gsm7Length(text)).toBeLessThanOrEqual(MAX_MESSAGE_SEPTETS);
      expect(text).toMatch(/^Sentence number \d+ .*room\.$/);
    }
    expect(texts.join(' ')).toBe(sentences.join(' '));
  });

  it('counts extension characters double when deciding where to split', () => {
    const beat = `${'[]'.repeat(80)}.`; // 161 characters, 321 septets

    const texts = smsTexts(reply([beat]));

    expect(texts.length).toBe(2);
    expect(texts.every((text) => gsm7Length(text) <= MAX_MESSAGE_SEPTETS)).toBe(true);
  });

  it('shortens a reply longer than three messages, keeps its opening and closing, and says so', () => {
    const middle = Array.from(
      { length: 20 },
      (_, i) => `Line ${i + 1} of the summary, with a few more words in it.`,
    );
    const beats = [
      'For your therapist, from the last 14 days:',
      ...middle,
      'Bring whatever feels most important.',
    ];

    const texts = smsTexts(reply(beats));

    expect(texts.length).toBe(MAX_MESSAGES);
    expect(texts[0]).toMatch(/^For your therapist, from the last 14 days: Line 1 /);
    expect(texts.at(-1)).toMatch(/Bring whatever feels most important\. Reply SUMMARY to see it again\.$/);
    expect(texts.every((text) => gsm7Length(text) <= MAX_MESSAGE_SEPTETS)).toBe(true);
  });

  it('never drops the crisis numbers when shortening', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `Filler sentence ${i + 1} that goes on for a while.`);

    const texts = smsTexts(
      reply([...filler, CRISIS_BEAT, 'You reached out, and that matters.'], { crisis: true }),
    );

    const all = texts.join('\n');
    expect(texts.length).toBeLessThanOrEqual(MAX_MESSAGES);
    expect(all).toContain('Call or text 988');
    expect(all).toContain('741741');
    expect(all).toContain('call 911');
  });

  it('keeps every message GSM-7, within 320 septets and within three messages, whatever it is given', () => {
    const text = fc.string({ unit: 'binary', maxLength: 400 });
    const anyReply = fc.record({
      beats: fc.array(
        fc.record({
          text,
          slow: fc.boolean(),
          pauseAfter: fc.constantFrom(undefined, 'short', 'long') as fc.Arbitrary<
            'short' | 'long' | undefined
          >,
        }),
        { maxLength: 12 },
      ),
      choices: fc.option(fc.array(fc.record({ id: fc.string(), label: text }), { maxLength: 3 }), {
        nil: undefined,
      }),
      expectsAnswer: fc.boolean(),
      end: fc.boolean(),
    });

    fc.assert(
      fc.property(anyReply, (r) => {
        const texts = smsTexts(r as Reply);
        expect(texts.length).toBeLessThanOrEqual(MAX_MESSAGES);
        for (const t of texts) {
          expect(isGsm7(t)).toBe(true);
          expect(gsm7Length(t)).toBeLessThanOrEqual(MAX_MESSAGE_SEPTETS);
          expect(t.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
