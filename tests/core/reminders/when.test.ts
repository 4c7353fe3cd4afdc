/**
 * Issue 12: the times and days people text, in many phrasings, read the way they meant them;
 * and the schedule in their own zone across daylight-saving changes, quiet hours and the
 * one-a-day rule.
 */
import { describe, expect, it } from 'vitest';
import { reminderRequestOf } from '../../../src/core/reminders/requests.ts';
import { instantOf, localTime, nextDue, sendMinute } from '../../../src/core/reminders/schedule.ts';
import { parseWhen, planOf } from '../../../src/core/reminders/when.ts';
import { zoneChangeOf } from '../../../src/core/reminders/zones.ts';

const h = (hour: number, minute = 0) => hour * 60 + minute;
const WEEKDAYS = [1, 2, 3, 4, 5];

describe('times and days in their own words', () => {
  it.each([
    ['7pm', { start: h(19), exact: true }],
    ['7 PM', { start: h(19), exact: true }],
    ['7 p.m.', { start: h(19), exact: true }],
    ['7', { start: h(19), exact: true }],
    ['at 7', { start: h(19), exact: true }],
    ['around 8ish', { start: h(20), exact: true }],
    ['19:00', { start: h(19), exact: true }],
    ['7:30pm', { start: h(19, 30), exact: true }],
    ['half past seven', { start: h(19, 30), exact: true }],
    ['six thirty', { start: h(18, 30), exact: true }],
    ['8 in the morning', { start: h(8), exact: true }],
    ['8am', { start: h(8), exact: true }],
    ['9', { start: h(9), exact: true }],
    ['noon', { start: h(12), exact: true }],
    ['lunchtime', { start: h(12), exact: true }],
    ['6am', { start: h(6), exact: true }],
    ['mornings', { start: h(8, 30), exact: false }],
    ['in the evening please', { start: h(18), exact: false }],
    ['after work', { start: h(17, 30), exact: false }],
  ])('"%s"', (words, expected) => {
    expect(parseWhen(words)?.window).toMatchObject(expected);
  });

  it.each([
    ['weekdays at 6', WEEKDAYS, h(18)],
    ['every sunday evening', [0], h(18)],
    ['mon-fri at 7am', WEEKDAYS, h(7)],
    ['weekends at 10', [0, 6], h(10)],
    ['mondays and thursdays at 5pm', [1, 4], h(17)],
    ['every day at noon', [0, 1, 2, 3, 4, 5, 6], h(12)],
  ])('"%s" names the days', (words, days, start) => {
    const when = parseWhen(words);
    expect(when?.days).toEqual(days);
    expect(when?.window?.start).toBe(start);
  });

  it('"tomorrow morning" starts tomorrow, in the morning window', () => {
    expect(parseWhen('tomorrow morning')).toEqual({
      tomorrow: true,
      window: { start: h(8, 30), end: h(10), exact: false },
    });
  });

  it.each(['7 things went wrong', 'tired', 'maybe later', 'i want to sleep forever', ''])(
    '"%s" is not a time',
    (words) => {
      expect(parseWhen(words)?.window).toBeUndefined();
    },
  );

  it('never lets a chosen evening window wander into quiet hours, but keeps a time they chose there', () => {
    expect(parseWhen('8:55pm')?.window).toEqual({ start: h(20, 55), end: h(21), exact: true });
    expect(parseWhen('10pm')?.window).toMatchObject({ start: h(22), exact: true });
    const named = parseWhen('at night')?.window;
    expect(named?.end).toBeLessThanOrEqual(h(21));
  });
});

describe('requests about reminders', () => {
  it.each([
    ['remind me at 8am', 'set'],
    ['text me weekdays at 6', 'set'],
    ['Every Sunday evening', 'set'],
    ['REMIND', 'set'],
    ['can you text me every day at 7pm?', 'set'],
    ['change my reminder', 'change'],
    ['change my reminder to 9am', 'set'],
    ['no more reminders', 'off'],
    ['stop the reminders', 'off'],
    ['PAUSE', 'pause'],
    ['not this week', 'pause'],
    ['pause for 3 days', 'pause'],
    ['RESUME', 'resume'],
    ["I'm in Denver", 'zone'],
    ['time zone Pacific', 'zone'],
  ])('"%s" is %s', (words, kind) => {
    expect(reminderRequestOf(words)?.kind).toBe(kind);
  });

  it.each(['remind me why I bother', 'text me back', "I'm in a bad place", 'stop', 'pause it all forever'])(
    '"%s" stays their own words',
    (words) => {
      expect(reminderRequestOf(words)).toBeUndefined();
    },
  );

  it('reads the pause length and the zone named', () => {
    expect(reminderRequestOf('pause for 3 days')).toEqual({ kind: 'pause', days: 3 });
    expect(reminderRequestOf('pause for two weeks')).toEqual({ kind: 'pause', days: 14 });
    expect(zoneChangeOf("I'm in Denver")).toBe('America/Denver');
    expect(zoneChangeOf('my timezone is eastern')).toBe('America/New_York');
    expect(zoneChangeOf('Mountain time')).toBe('America/Denver');
  });
});

describe('the schedule in their zone', () => {
  const daily7pm = planOf(parseWhen('7pm') ?? {});
  if (!daily7pm) throw new Error('no plan');

  it('is 7pm on their clock on both sides of a daylight-saving change (New York, March 8 2026)', () => {
    const before = nextDue({
      plan: daily7pm,
      timeZone: 'America/New_York',
      seed: 1,
      after: '2026-03-07T12:00:00Z',
    });
    const after = nextDue({
      plan: daily7pm,
      timeZone: 'America/New_York',
      seed: 1,
      after: '2026-03-08T12:00:00Z',
    });
    expect(before?.slice(0, 13)).toBe('2026-03-08T00');
    expect(after?.slice(0, 13)).toBe('2026-03-08T23');
    for (const due of [before, after]) {
      const local = localTime(due ?? '', 'America/New_York');
      expect(local.minute).toBeGreaterThanOrEqual(h(19));
      expect(local.minute).toBeLessThanOrEqual(h(19, 15));
    }
  });

  it('follows the autumn change too, and other zones (London, Sydney)', () => {
    const london = nextDue({
      plan: daily7pm,
      timeZone: 'Europe/London',
      seed: 3,
      after: '2026-10-25T12:00:00Z',
    });
    expect(localTime(london ?? '', 'Europe/London').minute).toBeGreaterThanOrEqual(h(19));
    expect(london?.slice(0, 13)).toBe('2026-10-25T19');
    const sydney = nextDue({
      plan: daily7pm,
      timeZone: 'Australia/Sydney',
      seed: 3,
      after: '2026-04-05T00:00:00Z',
    });
    expect(localTime(sydney ?? '', 'Australia/Sydney').minute).toBeGreaterThanOrEqual(h(19));
  });

  it('maps a wall-clock time skipped by spring-forward to the next one that exists', () => {
    const at = instantOf('2026-03-08', h(2, 30), 'America/New_York');
    expect(new Date(at).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('wanders a few minutes inside the window, the same for the same seed and day', () => {
    const minutes = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04'].map((d) =>
      sendMinute(daily7pm, 42, d),
    );
    for (const m of minutes) expect(m).toBeGreaterThanOrEqual(h(19));
    for (const m of minutes) expect(m).toBeLessThanOrEqual(h(19, 15));
    expect(new Set(minutes).size).toBeGreaterThan(1);
    expect(sendMinute(daily7pm, 42, '2026-05-01')).toBe(minutes[0]);
  });

  it('sends at most one a day: after a text today, the next is tomorrow', () => {
    const due = nextDue({
      plan: daily7pm,
      timeZone: 'America/Denver',
      seed: 1,
      after: '2026-05-01T15:00:00Z',
      lastSentFor: '2026-05-01',
    });
    expect(localTime(due ?? '', 'America/Denver').date).toBe('2026-05-02');
  });

  it('keeps to the days asked for', () => {
    const plan = planOf(parseWhen('weekdays at 6') ?? {});
    if (!plan) throw new Error('no plan');
    // Friday May 1 2026 after 6pm in Chicago: the next one is Monday.
    const due = nextDue({ plan, timeZone: 'America/Chicago', seed: 1, after: '2026-05-02T01:00:00Z' });
    expect(localTime(due ?? '', 'America/Chicago')).toMatchObject({ date: '2026-05-04', weekday: 1 });
  });
});
