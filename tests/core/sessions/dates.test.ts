/**
 * Session dates in the person's words (issue 15), relative to their today. Today in these
 * tests is Tuesday 1 December 2026.
 */
import { describe, expect, it } from 'vitest';
import {
  applySessionWords,
  lastSessionBefore,
  nextSessionFrom,
  sessionWordsOf,
} from '../../../src/core/sessions/dates.ts';
import { summaryWindow } from '../../../src/core/sessions/window.ts';

const TODAY = '2026-12-01';

describe('what a message says about sessions', () => {
  it.each([
    ['I saw my therapist today', { kind: 'last', date: '2026-12-01' }],
    ['saw my therapist', { kind: 'last', date: '2026-12-01' }],
    ['I had my session yesterday', { kind: 'last', date: '2026-11-30' }],
    ['just had therapy', { kind: 'last', date: '2026-12-01' }],
    ['My last session was Monday.', { kind: 'last', date: '2026-11-30' }],
    ['last session was 11/24', { kind: 'last', date: '2026-11-24' }],
    ['I saw her on Friday', { kind: 'last', date: '2026-11-27' }],
    ['I talked to my counselor last Tuesday', { kind: 'last', date: '2026-11-24' }],
  ])('%s: the last session', (message, expected) => {
    expect(sessionWordsOf(message, TODAY)).toEqual(expected);
  });

  it.each([
    ['my session is Thursday at 4', { kind: 'next', date: '2026-12-03', minute: 16 * 60 }],
    ['next session 12/9', { kind: 'next', date: '2026-12-09' }],
    ['Next session: 12/9/2026', { kind: 'next', date: '2026-12-09' }],
    ['my next appointment is Dec 9th at 10am', { kind: 'next', date: '2026-12-09', minute: 10 * 60 }],
    ['seeing my therapist tomorrow at 3pm', { kind: 'next', date: '2026-12-02', minute: 15 * 60 }],
    ['my session is on the 9th', { kind: 'next', date: '2026-12-09' }],
    ['I have therapy thursday', { kind: 'next', date: '2026-12-03' }],
    ['next session is tuesday dec 8', { kind: 'next', date: '2026-12-08' }],
    ['my session is Thursday at four', { kind: 'next', date: '2026-12-03', minute: 16 * 60 }],
    ['my next session is January 5 at 9:30 a.m.', { kind: 'next', date: '2027-01-05', minute: 9 * 60 + 30 }],
    ['next session in two weeks', { kind: 'next', date: '2026-12-15' }],
    ['my session is today at 5pm', { kind: 'next', date: '2026-12-01', minute: 17 * 60 }],
  ])('%s: the next session', (message, expected) => {
    expect(sessionWordsOf(message, TODAY)).toEqual(expected);
  });

  it.each([
    ['I see her every other Tuesday', { kind: 'every', weekday: 2, weeks: 2 }],
    [
      'I see my therapist every Tuesday at 4:30pm',
      { kind: 'every', weekday: 2, weeks: 1, minute: 16 * 60 + 30 },
    ],
    ['my sessions are every other thursday', { kind: 'every', weekday: 4, weeks: 2 }],
    ['I see him fortnightly on Mondays', { kind: 'every', weekday: 1, weeks: 2 }],
    ['my session is every wednesday at 10am', { kind: 'every', weekday: 3, weeks: 1, minute: 10 * 60 }],
  ])('%s: a recurrence', (message, expected) => {
    expect(sessionWordsOf(message, TODAY)).toEqual(expected);
  });

  it.each([
    ['next session 13/45'],
    ['my session is next week'],
    ['my next session is on the 32nd'],
    ['I see her every other blursday'],
    ['my session is thursday at 25'],
  ])('%s: about a date, not understood, keeps nothing', (message) => {
    expect(sessionWordsOf(message, TODAY)).toEqual({ kind: 'unclear' });
  });

  it('a next session whose date has just gone by is not moved to next year', () => {
    expect(sessionWordsOf('next session 11/30', TODAY)).toEqual({ kind: 'unclear', passed: true });
  });

  it.each([
    ['my session was hard'],
    ['my therapy session is scary'],
    ['I saw my therapist and cried'],
    ['therapy is helping'],
    ['I had a rough day'],
    ['my session is making me nervous'],
  ])('%s: not about dates, left to the check-in', (message) => {
    expect(sessionWordsOf(message, TODAY)).toBeUndefined();
  });

  it('reads SESSION, "when is my next session?" and "cancel my session"', () => {
    expect(sessionWordsOf('SESSION', TODAY)).toEqual({ kind: 'ask' });
    expect(sessionWordsOf('when is my next session?', TODAY)).toEqual({ kind: 'ask' });
    expect(sessionWordsOf('cancel my session', TODAY)).toEqual({ kind: 'clear' });
  });
});

describe('the plan and its dates', () => {
  it('every other Tuesday: the next is the coming Tuesday, the last two weeks before it', () => {
    const plan = applySessionWords(undefined, { kind: 'every', weekday: 2, weeks: 2 }, '2026-11-30');
    expect(nextSessionFrom(plan, '2026-11-30')).toEqual({ date: '2026-12-01' });
    expect(lastSessionBefore(plan, '2026-11-30')).toBe('2026-11-17');
    // On the day after the session it is the last one.
    expect(lastSessionBefore(plan, '2026-12-02')).toBe('2026-12-01');
    expect(nextSessionFrom(plan, '2026-12-02')).toEqual({ date: '2026-12-15' });
  });

  it('a named next session becomes the last one once its day has gone by', () => {
    const plan = applySessionWords(undefined, { kind: 'next', date: '2026-12-03', minute: 960 }, TODAY);
    expect(lastSessionBefore(plan, TODAY)).toBeUndefined();
    expect(lastSessionBefore(plan, '2026-12-03')).toBeUndefined();
    expect(lastSessionBefore(plan, '2026-12-04')).toBe('2026-12-03');
    expect(nextSessionFrom(plan, '2026-12-04')).toBeUndefined();
  });

  it('"I saw my therapist today" ends today\'s session', () => {
    const planned = applySessionWords(undefined, { kind: 'next', date: TODAY }, '2026-11-30');
    const seen = applySessionWords(planned, { kind: 'last', date: TODAY }, TODAY);
    expect(seen.next).toBeUndefined();
    expect(lastSessionBefore(seen, TODAY)).toBe(TODAY);
  });

  it('the window: since the last session (from its local midnight), else 14 days, saying which', () => {
    const now = '2026-12-01T18:00:00.000Z';
    expect(summaryWindow(now, {})).toEqual({ since: '2026-11-17T18:00:00.000Z', days: 14 });
    const profile = { timeZone: 'America/New_York', sessions: { last: '2026-11-24' } };
    expect(summaryWindow(now, profile)).toEqual({
      since: '2026-11-24T05:00:00.000Z',
      sessionDate: '2026-11-24',
    });
  });
});
