import { describe, expect, it } from 'vitest';
import { CRISIS_NUMBER, crisis } from '../../../src/core/content/crisis.ts';
import { crisisReply } from '../../../src/core/crisis/crisis-reply.ts';
import type { CrisisRegion, Reply } from '../../../src/core/types.ts';

const REGIONS: CrisisRegion[] = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'IN', 'OTHER'];

/** GSM 03.38 basic set plus its extension table: what every SMS can carry as one 7-bit unit. */
const GSM7 =
  /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà\f^{}\\[~\]|€]*$/;

/** What the person reads on SMS: beats joined with a space. */
const sms = (reply: Reply) => reply.beats.map((b) => b.text).join(' ');
/** What the person hears on Alexa, reprompt included. */
const spoken = (reply: Reply) => [...reply.beats.map((b) => b.text), reply.reprompt ?? ''].join(' ');

/** The number each place's reply must give, and its emergency number. */
const LINES: Record<CrisisRegion, { line: string; danger: string }> = {
  US: { line: '988', danger: '911' },
  CA: { line: '988', danger: '911' },
  GB: { line: '116 123', danger: '999' },
  IE: { line: '116 123', danger: '112' },
  AU: { line: '13 11 14', danger: '000' },
  NZ: { line: '1737', danger: '111' },
  IN: { line: '14416', danger: '112' },
  OTHER: { line: 'local emergency number', danger: 'findahelpline.com' },
};

describe('crisisReply: US text', () => {
  it('gives 988, the chat site, 741741 and 911 after saying plainly it is automated', () => {
    // Act
    const text = sms(crisisReply({ region: 'US', modality: 'text', negated: false }));

    // Assess
    expect(text).toMatch(/^This is an automated check-in and can't help in a crisis\./);
    expect(text).toContain('Call or text 988');
    expect(text).toContain('Suicide & Crisis Lifeline');
    expect(text).toContain('988lifeline.org');
    expect(text).toContain('text HOME to 741741');
    expect(text).toContain('call 911');
    expect(text).toContain('Help is available, and reaching out is a brave step.');
  });

  it('keeps the conversation open and marks the reply as crisis', () => {
    // Act
    const reply = crisisReply({ region: 'US', modality: 'text', negated: false });

    // Assess
    expect(reply).toMatchObject({ expectsAnswer: true, end: false, crisis: true });
  });

  it('opens more softly when the message was negated, and still gives every resource', () => {
    // Act
    const plain = sms(crisisReply({ region: 'US', modality: 'text', negated: false }));
    const soft = sms(crisisReply({ region: 'US', modality: 'text', negated: true }));

    // Assess
    expect(soft).toMatch(/^Thank you for telling me\. Just in case/);
    for (const must of ['988', '988lifeline.org', '741741', '911', 'automated']) expect(soft).toContain(must);
    expect(soft.endsWith(plain.slice(plain.indexOf('Call or text')))).toBe(true);
  });
});

describe('crisisReply: every region', () => {
  const cases = REGIONS.flatMap((region) => [false, true].map((negated) => ({ region, negated })));

  it.each(cases)('fits one GSM-7 SMS of at most 320 characters for $region (negated: $negated)', (opts) => {
    // Act
    const text = sms(crisisReply({ ...opts, modality: 'text' }));

    // Assess
    expect(text.length).toBeLessThanOrEqual(320);
    expect(text).toMatch(GSM7);
  });

  it.each(REGIONS)('gives the %s line and the emergency number on text and voice', (region) => {
    // Act
    const text = sms(crisisReply({ region, modality: 'text', negated: false }));
    const voice = spoken(crisisReply({ region, modality: 'voice', negated: false }));

    // Assess
    const { line, danger } = LINES[region];
    expect(text).toContain(line);
    expect(text).toContain(danger);
    expect(voice).toContain(line);
    expect(text).toMatch(/automated check-in/);
    expect(voice).toMatch(/automated check-in/);
  });

  it.each(REGIONS)('names Samaritans only for the UK and Ireland (%s)', (region) => {
    const text = sms(crisisReply({ region, modality: 'text', negated: false }));
    expect(text.includes('Samaritans')).toBe(region === 'GB' || region === 'IE');
  });

  it.each(REGIONS.flatMap((region) => ['text', 'voice'].map((modality) => ({ region, modality }))))(
    'never says "committed suicide", never "press 3", never describes a method ($region, $modality)',
    ({ region, modality }) => {
      // Act
      const all = [false, true]
        .flatMap((negated) => [
          crisisReply({ region, modality: modality as 'text' | 'voice', negated }),
          crisisReply({ region, modality: modality as 'text' | 'voice', negated, repeatOnly: true }),
        ])
        .map(spoken)
        .join(' ')
        .toLowerCase();

      // Assess
      expect(all).not.toContain('committed suicide');
      expect(all).not.toMatch(/press\s*3/);
      expect(all).not.toMatch(/\b(pills?|overdose|rope|gun|bridge|jump|cut|method|how would you)\b/);
      expect(all).not.toMatch(/reach out to someone/);
    },
  );
});

describe('crisisReply: voice', () => {
  it('speaks short beats with a long pause after the number, then offers to repeat it', () => {
    // Act
    const reply = crisisReply({ region: 'US', modality: 'voice', negated: false });

    // Assess
    const numberBeat = reply.beats.find((b) => b.text.includes('988'));
    expect(numberBeat?.pauseAfter).toBe('long');
    expect(reply.beats.at(-1)?.text).toMatch(/say the number again\?$/);
    expect(reply.reprompt).toMatch(/number again.*988/);
    expect(reply).toMatchObject({ expectsAnswer: true, end: false, crisis: true });
    for (const beat of reply.beats) expect(beat.text.length).toBeLessThanOrEqual(90);
  });

  it('gives 988, 911 and the Crisis Text Line on US voice too', () => {
    const voice = spoken(crisisReply({ region: 'US', modality: 'voice', negated: true }));
    expect(voice).toMatch(/^Thank you for telling me\. Just in case/);
    for (const must of ['988', '741741', '911']) expect(voice).toContain(must);
  });

  it.each(REGIONS)('says just the number line again when asked to repeat (%s)', (region) => {
    // Act
    const reply = crisisReply({ region, modality: 'voice', negated: false, repeatOnly: true });

    // Assess
    expect(reply.beats.map((b) => b.text).join(' ')).toContain(LINES[region].line);
    expect(reply.beats.map((b) => b.text).join(' ')).not.toMatch(/automated/);
    expect(reply.beats.length).toBeLessThanOrEqual(2);
    expect(reply).toMatchObject({ expectsAnswer: true, end: false, crisis: true });
    expect(reply.reprompt).toBeTruthy();
  });

  it('repeats only the number line on text as well', () => {
    const reply = crisisReply({ region: 'US', modality: 'text', negated: false, repeatOnly: true });
    expect(sms(reply)).toBe('Call or text 988 (Suicide & Crisis Lifeline) any time.');
    expect(reply).toMatchObject({ expectsAnswer: true, end: false, crisis: true });
  });
});

describe('the renderers can tell which lines carry a crisis number', () => {
  it.each(Object.entries(crisis.regions))('recognises every line and repeat of %s', (_region, place) => {
    for (const line of [...place.lines.text, ...place.lines.voice, place.repeat.text, place.repeat.voice]) {
      expect(CRISIS_NUMBER.test(line), line).toBe(true);
    }
  });
});
