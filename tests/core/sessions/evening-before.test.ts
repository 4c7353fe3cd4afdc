/**
 * The text the evening before a session (issue 15): the day's one reminder says it, only for
 * someone with reminders (consent) and a session date, on the day before and no other day.
 */
import { describe, expect, it } from 'vitest';
import { sessionPrep } from '../../../src/core/content/session-prep.ts';
import { composeReminder } from '../../../src/core/reminders/reminder.ts';
import { Conversation } from '../conversation.ts';

/** A texter in Denver with a reminder at 7pm, set up through the conversation itself. */
function withReminder() {
  const person = new Conversation('sms', 'US', '2026-11-30T17:00:00.000Z');
  person.timeZoneGuess = 'America/Denver';
  person.send('remind me at 7pm');
  const reminder = person.profile.reminder;
  if (!reminder) throw new Error('no reminder was set');
  return { person, reminder };
}

/** 7:05pm in Denver on a local date. */
const evening = (date: string): string => new Date(`${date}T19:05:00-07:00`).toISOString();

describe('the evening before a session', () => {
  it('the reminder the day before says the session is tomorrow, and only then', () => {
    const { person, reminder } = withReminder();
    person.send('my next session is 12/3 at 4');
    const sessions = person.profile.sessions;

    const kinds = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((date) => {
      const composed = composeReminder({ reminder, sessions, now: evening(date), seed: 3 });
      return [date, composed.kind, composed.reply.beats.map((b) => b.text).join(' ')];
    });

    expect(kinds[1]).toEqual(['2026-12-02', 'session-eve', sessionPrep.eveningBefore]);
    expect(kinds.filter(([, kind]) => kind === 'session-eve')).toHaveLength(1);
    expect(sessionPrep.eveningBefore).toBe(
      'my check in: Your session is tomorrow. Reply SUMMARY to see what to bring, or SHARE for a page.',
    );
  });

  it('comes before every other session of a recurring plan, and is a closed conversation', () => {
    const { person, reminder } = withReminder();
    person.send('I see her every other Thursday');
    const sessions = person.profile.sessions;
    const eves = ['2026-12-02', '2026-12-09', '2026-12-16'].map(
      (date) => composeReminder({ reminder, sessions, now: evening(date), seed: 1 }).kind,
    );
    expect(eves).toEqual(['session-eve', 'check-in', 'session-eve']);
    expect(composeReminder({ reminder, sessions, now: evening('2026-12-02'), seed: 1 }).state.step).toBe(
      'closed',
    );
  });

  it('is never sent without a session date', () => {
    const { reminder } = withReminder();
    const kinds = ['2026-12-01', '2026-12-02'].map(
      (date) => composeReminder({ reminder, now: evening(date), seed: 1 }).kind,
    );
    expect(kinds).not.toContain('session-eve');
  });
});
