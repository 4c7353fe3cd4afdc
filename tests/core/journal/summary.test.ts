/**
 * The session-prep summary from a journal: days in the person's time zone, each feeling tied
 * to what set it off and what helped or did not, goals only when there are some, journal
 * non-answers never shown as help, written pages that fit three texts without cutting a
 * sentence, and a spoken version under 90 seconds.
 */
import { describe, expect, it } from 'vitest';
import { renderSsml } from '../../../src/channels/alexa/render-ssml.ts';
import {
  gsm7Length,
  MAX_MESSAGE_SEPTETS,
  MAX_MESSAGES,
  smsTexts,
} from '../../../src/channels/sms/render-twiml.ts';
import {
  MAX_SPOKEN_SECONDS,
  pageReply,
  spokenBeats,
  spokenSeconds,
  summaryDays,
  writtenLines,
  writtenPages,
} from '../../../src/core/flow/summary.ts';
import { finish } from '../../../src/core/reply.ts';
import type { JournalEntry } from '../../../src/core/types.ts';
import { parseSsml } from '../../channels/alexa/ssml.ts';

// Thursday 12 March 2026, 18:00 UTC.
const NOW = '2026-03-12T18:00:00.000Z';
let seq = 0;

import type { EntryFields as Fields } from '../../../src/core/turn.ts';

const at = (iso: string, fields: Fields, channel: JournalEntry['channel'] = 'sms'): JournalEntry =>
  ({ ...fields, id: `e${++seq}`, at: iso, channel }) as JournalEntry;
const feeling = (iso: string, word: string): JournalEntry =>
  at(iso, { kind: 'feeling', word, family: 'low-unpleasant' });
const reflection = (
  iso: string,
  r: { trigger?: string; tried?: string; helped?: 0 | 1 | 2 | 3 },
): JournalEntry => at(iso, { kind: 'reflection', ...r });

describe('days', () => {
  it('groups a week by day, oldest first, each feeling with what set it off and what helped', () => {
    const entries = [
      feeling('2026-03-10T19:00:00.000Z', 'heavy'),
      reflection('2026-03-10T19:03:00.000Z', {
        trigger: 'an argument with my partner',
        tried: 'a walk',
        helped: 3,
      }),
      feeling('2026-03-11T08:00:00.000Z', 'anxious'),
      reflection('2026-03-11T08:02:00.000Z', { trigger: 'work', tried: 'music', helped: 0 }),
      feeling('2026-03-11T21:00:00.000Z', 'calm'),
    ];

    expect(writtenLines(entries, NOW)).toEqual([
      'Tue Mar 10: heavy, after an argument with my partner; a walk helped a lot.',
      'Wed Mar 11: anxious, about work; music did not help.',
      'Later: calm.',
      'Bring whatever feels most important.',
    ]);
  });

  it('ties a reflection to the feelings named just before it, never to an earlier check-in', () => {
    const entries = [
      feeling('2026-03-12T07:00:00.000Z', 'tired'),
      feeling('2026-03-12T12:00:00.000Z', 'heavy'),
      feeling('2026-03-12T12:00:00.000Z', 'anxious'),
      reflection('2026-03-12T12:04:00.000Z', { trigger: 'money' }),
    ];

    const [day] = summaryDays(entries, NOW);

    expect(day?.notes).toEqual([
      { feelings: ['tired'] },
      { feelings: ['heavy', 'anxious'], trigger: 'about money' },
    ]);
  });

  it("uses the person's time zone when the profile has one, and UTC when it has none", () => {
    // 02:30 UTC on Wednesday is 19:30 on Tuesday in California (PDT, UTC-7, in March 2026).
    const lateEvening = [feeling('2026-03-11T02:30:00.000Z', 'lonely')];

    expect(writtenLines(lateEvening, NOW, 'America/Los_Angeles')[0]).toBe('Tue Mar 10: lonely.');
    expect(writtenLines(lateEvening, NOW)[0]).toBe('Wed Mar 11: lonely.');
    // An unknown zone name is not a reason to give no summary.
    expect(writtenLines(lateEvening, NOW, 'Mars/Olympus_Mons')[0]).toBe('Wed Mar 11: lonely.');
  });

  it("splits one check-in that spans midnight in the person's zone into its two days", () => {
    const entries = [
      feeling('2026-03-11T23:59:00.000Z', 'wired'),
      feeling('2026-03-12T00:01:00.000Z', 'wired'),
    ];

    expect(summaryDays(entries, NOW, 'Europe/London').map((d) => d.date.day)).toEqual([11, 12]);
    expect(summaryDays(entries, NOW, 'Asia/Tokyo').map((d) => d.date.day)).toEqual([12]);
  });

  it('reads stored voice options as words ("partner" -> about my partner, "conflict" -> after an argument)', () => {
    const entries = [
      feeling('2026-03-12T09:00:00.000Z', 'sad'),
      reflection('2026-03-12T09:01:00.000Z', { trigger: 'conflict', tried: 'talking', helped: 2 }),
    ];

    expect(writtenLines(entries, NOW)[0]).toBe(
      'Thu Mar 12: sad, after an argument; talking to someone helped some.',
    );
  });
});

describe('journal non-answers in old entries', () => {
  it.each(['nothing', 'none', 'none of those', 'idk', 'skip', '0', 'Nothing.', 'nothing-yet', 'not-sure'])(
    '"%s" is never what helped, nor what set it off',
    (nonAnswer) => {
      const entries = [
        feeling('2026-03-12T09:00:00.000Z', 'numb'),
        reflection('2026-03-12T09:01:00.000Z', { trigger: nonAnswer, tried: nonAnswer, helped: 1 }),
      ];

      const lines = writtenLines(entries, NOW);
      const spoken = spokenBeats(entries, NOW)
        .map((b) => b.text)
        .join(' ');

      expect(lines[0]).toBe('Thu Mar 12: numb.');
      expect(lines.join(' ')).not.toMatch(/helped|nothing|none|idk|skip|\b0\b/i);
      expect(spoken).not.toMatch(/helped|tried|nothing|none|idk|skip/i);
    },
  );
});

describe('goals', () => {
  const goal = (iso: string, text: string): JournalEntry => at(iso, { kind: 'goal', goal: { text } });
  const outcome = (iso: string, text: string, result: 'done' | 'not-yet' | 'skipped', goalEntryId: string) =>
    at(iso, { kind: 'outcome', goal: { text }, goalEntryId, outcome: result });

  it('lists done, not yet and skipped by name, and only the kinds there are', () => {
    const set = goal('2026-03-10T09:00:00.000Z', 'call my mum');
    const entries = [
      set,
      outcome('2026-03-11T09:00:00.000Z', 'call my mum', 'done', set.id),
      outcome('2026-03-11T09:00:00.000Z', 'open a window', 'skipped', 'old'),
    ];

    const text = writtenLines(entries, NOW).join(' ');

    expect(text).toContain('Small goals done: call my mum.');
    expect(text).toContain('Skipped: open a window.');
    expect(text).not.toMatch(/Not yet|\b0\b|still open/i);
  });

  it('says nothing of goals when every goal was skipped but names the skipped ones, never "0 done, 0 not yet"', () => {
    const entries = [outcome('2026-03-11T09:00:00.000Z', 'take a shower', 'skipped', 'old')];

    expect(writtenLines(entries, NOW)).toEqual([
      'Skipped: take a shower.',
      'Bring whatever feels most important.',
    ]);
  });

  it('is silent about goals when there were none', () => {
    const text = writtenLines([feeling('2026-03-12T09:00:00.000Z', 'okay')], NOW).join(' ');

    expect(text).not.toMatch(/goal|done|not yet|skipped/i);
  });
});

/** A heavy week: check-ins at these hours every day, each with long own words. */
function busyWeek(hours: readonly number[] = [8, 17]): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let day = 6; day <= 12; day++) {
    for (const hour of hours) {
      const iso = (m: number) =>
        `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:0${m}:00.000Z`;
      entries.push(feeling(iso(0), 'overwhelmed'));
      entries.push(
        reflection(iso(1), {
          trigger: `my manager dumping three projects on me before the weekend (day ${day}). Then the bus was late and I missed the start of my class, which made everything worse`,
          tried:
            'I went for a long walk by the river with my headphones on and called my sister on the way back home',
          helped: 2,
        }),
      );
    }
  }
  return entries;
}

describe('written pages', () => {
  const lines = writtenLines(busyWeek(), NOW);
  const pages = writtenPages(lines);

  it('fits each page in three texts of at most 320 septets', () => {
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const texts = smsTexts(pageReply(page));
      expect(texts.length).toBeLessThanOrEqual(MAX_MESSAGES);
      for (const text of texts) expect(gsm7Length(text)).toBeLessThanOrEqual(MAX_MESSAGE_SEPTETS);
    }
  });

  it('never cuts a sentence: each line arrives whole in one text, and no line is left out', () => {
    for (const page of pages) {
      // Each line is its own line of a text, so the texts, line by line, are the page's lines.
      const texts = smsTexts(pageReply(page));
      expect(texts.flatMap((text) => text.split('\n'))).toEqual(page);
    }
    const sent = pages.flatMap((page) => smsTexts(pageReply(page)));
    expect(pages.flat().filter((line) => lines.includes(line))).toEqual(lines);
    for (const text of sent) expect(text).toMatch(/[.:]$/);
    expect(sent.join(' ')).not.toContain('Reply SUMMARY to see it again.');
  });

  it('ends every page but the last with "Reply MORE for the rest."', () => {
    for (const page of pages.slice(0, -1)) expect(page.at(-1)).toBe('Reply MORE for the rest.');
    expect(pages.at(-1)?.at(-1)).toBe('Bring whatever feels most important.');
    expect(pages[0]?.[0]).toBe('For your therapist, from the last 14 days:');
    for (const page of pages.slice(1)) expect(page[0]).toBe('For your therapist, continued:');
  });
});

describe('the spoken summary', () => {
  /** Seconds to say an SSML document at about 150 words a minute, its breaks included. */
  function secondsToSay(ssml: string): number {
    const words = parseSsml(ssml)
      .text.split(/\s+/)
      .filter((w) => /\w/.test(w)).length;
    const breaks = [...ssml.matchAll(/<break time="(\d+)(ms|s)"\/>/g)].reduce(
      (sum, [, n, unit]) => sum + Number(n) / (unit === 'ms' ? 1000 : 1),
      0,
    );
    return (words * 60) / 150 + breaks;
  }

  it('takes under 90 seconds at a normal speaking rate, even for a week with a lot in it', () => {
    const entries = busyWeek([8, 12, 17]).map((e) =>
      e.kind === 'reflection' ? { ...e, trigger: 'work', tried: 'walk', channel: 'alexa' as const } : e,
    );

    const beats = spokenBeats(entries, NOW);
    const { speech } = renderSsml(finish(beats));

    expect(spokenSeconds(beats)).toBeLessThanOrEqual(MAX_SPOKEN_SECONDS);
    expect(secondsToSay(speech)).toBeLessThan(90);
    // The newest days are kept, and it says the earlier ones were left out.
    expect(parseSsml(speech).text).toContain('Today, you felt overwhelmed, about work.');
    expect(parseSsml(speech).text).toContain('I left out the earlier days, to keep this short.');
  });

  it('sounds like speech: days by name, "you felt", and what helped as a sentence', () => {
    const entries = [
      at('2026-03-10T19:00:00.000Z', { kind: 'feeling', word: 'heavy', family: 'low-unpleasant' }, 'alexa'),
      at(
        '2026-03-10T19:01:00.000Z',
        { kind: 'reflection', trigger: 'partner', tried: 'walk', helped: 3 },
        'alexa',
      ),
      at('2026-03-11T19:00:00.000Z', { kind: 'feeling', word: 'tense', family: 'high-unpleasant' }, 'alexa'),
    ];

    const said = spokenBeats(entries, NOW)
      .map((b) => b.text)
      .join(' ');

    expect(said).toBe(
      "Here's what you could tell your therapist about the last 14 days. " +
        'On Tuesday, you felt heavy, about your partner. A walk helped a lot. ' +
        'Yesterday, you felt tense. ' +
        'Bring whatever feels most important. Would you like to hear that again?',
    );
  });
});
