import { describe, expect, it } from 'vitest';
import { renderSsml } from '../../src/channels/alexa/render-ssml.ts';
import { gsm7Length, isGsm7, smsTexts } from '../../src/channels/sms/render-twiml.ts';
import { crisisReply, greyQuestion } from '../../src/core/crisis/crisis-reply.ts';
import type { Concern } from '../../src/core/crisis/signals.ts';
import type { CrisisRegion } from '../../src/core/types.ts';

/** The crisis, danger-now and grey-zone replies as each channel delivers them. */

const REGIONS: CrisisRegion[] = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'IN', 'OTHER'];
const CONCERNS: Concern[] = ['self', 'violence', 'overdose', 'someone-else', 'harm-others'];
const LANGUAGES = ['en', 'es', 'other'] as const;
const EMERGENCY: Record<CrisisRegion, string> = {
  US: '911',
  CA: '911',
  GB: '999',
  IE: '112',
  AU: '000',
  NZ: '111',
  IN: '112',
  OTHER: 'local emergency number',
};

/** The grey-zone question's wordings: plain, after a recovery story, after someone else's harm. */
const FRAMINGS = [undefined, 'recovery', 'someone-else'] as const;

const cases = REGIONS.flatMap((region) =>
  CONCERNS.flatMap((concern) => LANGUAGES.map((language) => ({ region, concern, language }))),
);

describe('every reply by SMS', () => {
  it.each(cases)(
    'is GSM-7, at most 320 characters a message, one message in English or Spanish ($region, $concern, $language)',
    (opts) => {
      // Act
      const texts = smsTexts(crisisReply({ ...opts, modality: 'text', negated: false }));

      // Assess
      expect(texts.length).toBeGreaterThanOrEqual(1);
      expect(texts.length).toBeLessThanOrEqual(opts.language === 'other' ? 2 : 1);
      for (const text of texts) {
        expect(isGsm7(text)).toBe(true);
        expect(gsm7Length(text)).toBeLessThanOrEqual(320);
      }
    },
  );

  it.each(REGIONS)('gives the emergency number before any other number in danger now (%s)', (region) => {
    for (const concern of CONCERNS.filter((c) => c !== 'self')) {
      const text = smsTexts(crisisReply({ region, concern, modality: 'text', negated: false })).join(' ');
      expect(text, concern).toContain(EMERGENCY[region]);
      const firstNumber = text.search(/\d|local emergency number/);
      expect(text.indexOf(EMERGENCY[region]), concern).toBe(firstNumber);
    }
  });

  it('gives the US danger lines in full: the hotline for violence, Poison Control for an overdose', () => {
    const violence = smsTexts(
      crisisReply({ region: 'US', concern: 'violence', modality: 'text', negated: false }),
    )[0];
    const overdose = smsTexts(
      crisisReply({ region: 'US', concern: 'overdose', modality: 'text', negated: false }),
    )[0];
    expect(violence).toMatch(/call 911\.[\s\S]*1-800-799-7233, or text START to 88788\.[\s\S]*988/);
    expect(overdose).toMatch(/call 911 now\.[\s\S]*Poison Control: 1-800-222-1222\.[\s\S]*988/);
  });

  it('gives Spanish the Spanish lines: 988 and press 2, AYUDA to 988 and to 741741', () => {
    const text = smsTexts(crisisReply({ region: 'US', modality: 'text', negated: false, language: 'es' }))[0];
    expect(text).toMatch(/Llama al 988 y marca 2/);
    expect(text).toMatch(/AYUDA al 988/);
    expect(text).toMatch(/AYUDA al 741741/);
    expect(text).not.toMatch(/Press 3/i);
  });

  it.each(REGIONS.flatMap((region) => FRAMINGS.map((framing) => ({ region, framing }))))(
    'asks the grey-zone question with the line in the same message ($region, $framing)',
    ({ region, framing }) => {
      const texts = smsTexts(greyQuestion(region, 'text', 'en', framing));
      const [text] = texts;
      expect(texts).toHaveLength(1);
      expect(text).toMatch(/are you (?:thinking about|having thoughts of) suicide/);
      expect(text).toMatch(/988|116 123|13 11 14|1737|14416|emergency number/);
      expect(isGsm7(text ?? '')).toBe(true);
      expect(gsm7Length(text ?? '')).toBeLessThanOrEqual(320);
    },
  );

  it("names the emergency number and the line for people worried about someone, after someone else's harm", () => {
    for (const region of REGIONS) {
      const [text] = smsTexts(greyQuestion(region, 'text', 'en', 'someone-else'));
      expect(text).toContain(
        `If someone is in danger now, call ${EMERGENCY[region].replace('local', 'your local')}`,
      );
      expect(text).toMatch(/are you thinking about suicide\? Reply YES or NO\.$/);
    }
    const [us] = smsTexts(greyQuestion('US', 'text', 'en', 'someone-else'));
    expect(us).toContain('You can also call or text 988: they help people worried about someone else too.');
  });

  it.each(FRAMINGS)('asks in Spanish, GSM-7 and one message, with 988 press 2 (%s)', (framing) => {
    const texts = smsTexts(greyQuestion('US', 'text', 'es', framing));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/estás pensando en el suicidio|estas pensando en el suicidio/);
    expect(texts[0]).toMatch(/988 y marca(r)? 2/);
    expect(isGsm7(texts[0] ?? '')).toBe(true);
  });

  it('thanks them after a recovery story and asks about now, without praising what they said', () => {
    const [text] = smsTexts(greyQuestion('US', 'text', 'en', 'recovery'));
    expect(text).toMatch(/^Thank you for telling me that\./);
    expect(text).toMatch(/are you having thoughts of suicide now\?/);
    expect(text).not.toMatch(/proud|well done|great|amazing|long way/i);
  });
});

describe('every reply on Alexa', () => {
  it.each(cases)(
    'reads every number digit by digit and keeps the session open ($region, $concern, $language)',
    (opts) => {
      // Act
      const { speech, endSession, reprompt } = renderSsml(
        crisisReply({ ...opts, modality: 'voice', negated: false }),
      );

      // Assess
      expect(endSession).toBe(false);
      expect(reprompt).toBeDefined();
      const spoken = speech
        .replace(/<say-as interpret-as="digits">\d+<\/say-as>/g, '')
        .replace(/<[^>]+>/g, '');
      expect(spoken, 'every run of three or more digits is read one digit at a time').not.toMatch(/\d{3}/);
    },
  );

  it('offers to say the numbers again after danger now', () => {
    const { speech } = renderSsml(
      crisisReply({ region: 'US', concern: 'violence', modality: 'voice', negated: false }),
    );
    expect(speech).toMatch(/say the numbers again\?/);
    expect(speech).toContain('<say-as interpret-as="digits">7233</say-as>');
  });

  it.each(FRAMINGS)('asks the grey-zone question with 988 read digit by digit (%s)', (framing) => {
    const { speech, endSession } = renderSsml(greyQuestion('US', 'voice', 'en', framing));
    expect(speech).toMatch(/Are you (?:thinking about|having any thoughts of) suicide/);
    expect(speech).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(endSession).toBe(false);
  });
});
