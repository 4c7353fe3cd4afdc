/**
 * Issue 12 in the core, as a person texting meets it: the offer once after a check-in, the
 * consent, PAUSE / RESUME, the zone, NO and STOP; what a reminder says (a one-word check-in,
 * the open goal's follow-up, never a streak) and the last kind note after three unanswered;
 * and a reply to a reminder goes through the crisis gate like any message.
 */
import { describe, expect, it } from 'vitest';
import { composeReminder, type Reminder } from '../../../src/core/reminders/reminder.ts';
import { Conversation, render } from '../conversation.ts';

function texter(start = '2026-11-20T17:00:00.000Z'): Conversation {
  const person = new Conversation('sms', 'US', start);
  person.timeZoneGuess = 'America/Denver';
  return person;
}

const throughCheckIn = ['hi', 'heavy', '3', '1', 'skip'];

describe('asking for reminders', () => {
  it('offers once after a check-in closes, with a time or NO, and never again unasked', () => {
    // Prepare
    const person = texter();
    for (const m of throughCheckIn) person.send(m);

    // Act
    const closing = person.send('not today').text;
    const declined = person.send('no').text;
    for (const m of throughCheckIn) person.advance(30).send(m);
    const secondClose = person.send('not today').text;

    // Assess
    expect(closing).toMatch(
      /Thanks for checking in\..*Want a short text tomorrow to check in\? At most one a day\. Reply a time, like 7pm, or NO\.$/,
    );
    expect(declined).toBe("Okay, no texts. If you'd ever like one, text REMIND.");
    expect(person.profile.reminder).toBeUndefined();
    expect(secondClose).not.toMatch(/Want a short text/);
  });

  it('a time answered to the offer is consent: recorded with its time and words, in their guessed zone, from tomorrow', () => {
    const person = texter();
    for (const m of throughCheckIn) person.send(m);
    person.send('not today');

    const { text, effects } = person.send('7pm');

    expect(text).toBe(
      'Okay: my check in will text you a short check-in each day around 7pm, starting tomorrow, Mountain time. Wrong time zone? Text your city. At most one a day. Msg & data rates may apply. Text PAUSE to pause, NO MORE REMINDERS to turn them off. Reply HELP for help, STOP to opt out.',
    );
    const reminder = person.profile.reminder;
    expect(reminder?.consent).toEqual({ at: expect.any(String), terms: 'sms-reminders-1', text });
    expect(reminder?.timeZone).toBe('America/Denver');
    expect(reminder?.startDate).toBe('2026-11-21');
    expect(person.profile.timeZone).toBe('America/Denver');
    expect(person.entries.at(-1)).toMatchObject({ kind: 'consent', terms: 'sms-reminders' });
    expect(effects.some((e) => e.type === 'setReminder')).toBe(true);
  });

  it('takes "remind me at 8am" at any time, and a change of time keeps the consent', () => {
    const person = texter();
    person.profile = { consentAt: '2026-11-01T00:00:00.000Z' };

    person.send('remind me at 8am');
    const consent = person.profile.reminder?.consent;
    const changed = person.send('change my reminder to weekdays at 6').text;

    expect(changed).toBe(
      'Okay, your check-in text is now on weekdays around 6pm, Mountain time. Still at most one a day.',
    );
    expect(person.profile.reminder?.consent).toEqual(consent);
    expect(person.profile.reminder?.plan.days).toEqual([1, 2, 3, 4, 5]);

    // A new time alone keeps the days they chose.
    expect(person.send('change my reminder to 7am').text).toBe(
      'Okay, your check-in text is now on weekdays around 7am, Mountain time. Still at most one a day.',
    );
    expect(person.profile.reminder?.plan.days).toEqual([1, 2, 3, 4, 5]);
  });

  it('asks what time for REMIND, and after two answers it cannot read, offers a way out', () => {
    const person = texter();
    person.profile = { consentAt: '2026-11-01T00:00:00.000Z' };

    const asked = person.send('REMIND').text;
    const again = person.send('whenever').text;
    const third = person.send('dunno really').text;

    expect(asked).toBe('What time suits you? Reply a time, like 7pm, 8 in the morning, or weekdays at 6.');
    expect(again).toMatch(/^Sorry, I didn't get a time from that\./);
    expect(third).not.toMatch(/didn't get a time/);
  });

  it('changes the zone by words, and PAUSE / RESUME move the next text', () => {
    const person = texter('2026-11-20T17:00:00.000Z');
    person.profile = { consentAt: '2026-11-01T00:00:00.000Z' };
    person.send('remind me at 7pm');

    const zone = person.send("I'm in Chicago").text;
    const paused = person.send('pause for 3 days').text;
    const pausedDue = person.profile.reminder?.dueAt ?? '';
    const resumed = person.send('RESUME').text;

    expect(zone).toBe('Okay, Central time. Your check-in text stays each day around 7pm there.');
    expect(paused).toBe(
      'Okay, reminders paused for 3 days. They start again Mon Nov 23. Text RESUME any time sooner.',
    );
    expect(pausedDue >= '2026-11-24T01:00:00.000Z').toBe(true);
    expect(resumed).toMatch(/^Reminders are on again\. The next one: Fri Nov 20 around 7pm\.$/);
  });

  it('NO MORE REMINDERS and STOP end them (the host erases the number with them)', () => {
    const person = texter();
    person.profile = { consentAt: '2026-11-01T00:00:00.000Z' };
    person.send('remind me at 7pm');
    const off = person.send('no more reminders');
    person.send('remind me at 7pm');
    const stop = person.send('STOP');

    expect(off.text).toBe(
      'Okay, no more reminders, and your number is erased. You can still text me any time.',
    );
    expect(off.effects).toContainEqual({ type: 'clearReminder' });
    expect(stop.reply.silent).toBe(true);
    expect(stop.effects).toEqual(
      expect.arrayContaining([{ type: 'setOptOut', optedOut: true }, { type: 'clearReminder' }]),
    );
    expect(person.profile.reminder).toBeUndefined();
  });

  it('on the terminal chat, says reminders come by text', () => {
    const person = new Conversation('chat');
    expect(person.send('remind me at 7pm').text).toBe(
      'Reminders come by text message. Text REMIND to the my check in number to set one up.',
    );
  });
});

describe('what a reminder says', () => {
  const reminder: Reminder = {
    plan: { days: [0, 1, 2, 3, 4, 5, 6], start: 19 * 60, end: 19 * 60 + 15 },
    timeZone: 'America/New_York',
    seed: 5,
    consent: { at: '2026-11-01T00:00:00.000Z', terms: 'sms-reminders-1', text: 'x' },
    unanswered: 0,
    dueAt: '2026-11-21T00:05:00.000Z',
  };

  it('is a one-word check-in, in a rotating set, never a streak', () => {
    const texts = [1, 2, 3, 4, 5].map((seed) =>
      render(composeReminder({ reminder, now: '2026-11-21T00:05:00.000Z', seed }).reply),
    );
    expect(new Set(texts).size).toBeGreaterThan(2);
    for (const text of texts) {
      expect(text).toMatch(/^my check in: /);
      expect(text).not.toMatch(/streak|missed|in a row|days? straight/i);
    }
  });

  it('follows up the open goal instead, answerable in one word', () => {
    const composed = composeReminder({
      reminder,
      openGoal: { goal: { catalogueId: 'open-curtains' }, entryId: 'g1', setAt: '2026-11-19T15:00:00.000Z' },
      now: '2026-11-21T00:05:00.000Z',
      seed: 1,
    });
    expect(composed.kind).toBe('goal-follow-up');
    expect(render(composed.reply)).toBe(
      'my check in: Did you get to open the curtains? Either answer is OK. 1) done 2) not yet 3) skip',
    );
    expect(composed.state.step).toBe('follow-up');
  });

  it('after three unanswered in a row sends one last kind note, then nothing until they write', () => {
    const composed = composeReminder({
      reminder: { ...reminder, unanswered: 3 },
      now: '2026-11-21T00:05:00.000Z',
      seed: 1,
    });
    expect(composed.kind).toBe('last-note');
    expect(render(composed.reply)).toBe(
      "my check in: I'll pause these texts until you write. Nothing to do. I'm here whenever you want: text HI.",
    );
    expect(composed.reminder.quiet).toBe(true);
    expect(composed.reminder.dueAt).toBeUndefined();
  });

  it('one word back starts a check-in there, and any message counts as an answer (a quiet reminder comes back)', () => {
    const person = texter();
    person.profile = {
      consentAt: '2026-11-01T00:00:00.000Z',
      reminder: { ...reminder, unanswered: 4, quiet: true, lastSentFor: '2026-11-20' },
    };
    person.state = composeReminder({ reminder, now: '2026-11-21T00:05:00.000Z', seed: 1 }).state;

    const { text } = person.send('drained');

    expect(text).toMatch(/^Drained\. .*Want to try something for a minute\?/);
    expect(person.profile.reminder?.unanswered).toBe(0);
    expect(person.profile.reminder?.quiet).toBeUndefined();
    expect(person.profile.reminder?.dueAt).toEqual(expect.any(String));
  });

  it('a reply to a reminder goes through the crisis gate like any message', () => {
    const person = texter();
    person.profile = { consentAt: '2026-11-01T00:00:00.000Z', reminder };
    person.state = composeReminder({ reminder, now: '2026-11-21T00:05:00.000Z', seed: 1 }).state;

    const { reply, text } = person.send("honestly I don't want to wake up tomorrow");

    expect(reply.crisis).toBe(true);
    expect(text).toMatch(/988/);
  });
});
