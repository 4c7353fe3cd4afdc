/**
 * SUMMARY, MORE and "say that again" in conversation, through the pure core: a long journal
 * comes in pages that end "Reply MORE for the rest", SUMMARY starts again from the first, and
 * the spoken summary can be heard again without being asked a third time.
 */
import { describe, expect, it } from 'vitest';
import { Conversation } from '../conversation.ts';

const LONG_TRIGGER =
  'my manager dumping three projects on me right before the weekend, after I had already said I was at capacity';
const LONG_TRIED =
  'I went for a long walk by the river with my headphones on and called my sister on the way back';

/** A check-in with a journal in long own words, a day after the one before. */
function checkIn(chat: Conversation, feeling: string, helped: string): void {
  chat.advance(24);
  const opening = chat.send('hi');
  if (/Did it happen\?/.test(opening.text)) chat.send('done');
  chat.send(feeling);
  chat.send('3'); // skip to one small goal
  chat.send('1');
  chat.send(LONG_TRIGGER);
  chat.send(LONG_TRIED);
  chat.send(helped);
}

function longWeek(channel: 'sms' | 'chat'): Conversation {
  const chat = new Conversation(channel, 'US', '2026-03-05T17:00:00.000Z');
  for (const [feeling, helped] of [
    ['heavy', '3'],
    ['anxious', '1'],
    ['tired', '0'],
    ['overwhelmed', '2'],
    ['numb', '3'],
  ] as const)
    checkIn(chat, feeling, helped);
  return chat;
}

describe.each(['sms', 'chat'] as const)('a long summary on %s', (channel) => {
  it('comes in pages: MORE gives the rest, and SUMMARY starts again from the beginning', () => {
    const chat = longWeek(channel);

    const first = chat.send('SUMMARY');
    const second = chat.send('MORE');
    const pages = [first.text, second.text];
    while (/Reply MORE for the rest\.$/.test(pages.at(-1) ?? '') && pages.length < 6)
      pages.push(chat.send('more').text);
    const afterAll = chat.send('MORE');
    const again = chat.send('summary');

    expect(first.text).toMatch(
      /^For your therapist, from the last 14 days: Fri Mar 6: heavy, about my manager/,
    );
    expect(first.text).toMatch(/Reply MORE for the rest\.$/);
    expect(second.text).toMatch(/^For your therapist, continued: /);
    expect(pages.at(-1)).toMatch(/Bring whatever feels most important\.$/);
    // Every day is there once, none cut: each appears whole on one page.
    for (const day of [
      'Fri Mar 6: heavy',
      'Sat Mar 7: anxious',
      'Sun Mar 8: tired',
      'Mon Mar 9: overwhelmed',
      'Tue Mar 10: numb',
    ]) {
      expect(pages.filter((page) => page.includes(day))).toHaveLength(1);
    }
    expect(pages.join(' ')).toContain(`${LONG_TRIED}, and it helped a lot.`);
    expect(pages.join(' ')).toContain(`${LONG_TRIED}, and it didn't help.`);
    expect(afterAll.text).toBe("That's the whole summary. Reply SUMMARY to see it again from the start.");
    expect(again.text).toBe(first.text);
  });
});

describe('MORE', () => {
  it('with no summary open says how to get one', () => {
    const chat = new Conversation('sms');

    chat.send('hi');
    chat.send('bye');

    expect(chat.send('MORE').text).toBe('Reply SUMMARY to see what you could tell your therapist.');
  });

  it("inside a check-in is the person's own word, not a command", () => {
    const chat = new Conversation('chat');
    chat.send('hi');

    const reply = chat.send('more');

    expect(reply.text).not.toMatch(/summary|therapist/i);
    expect(chat.state?.step).not.toBe('summary');
  });

  it('after a short summary, there is nothing more', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('calm');

    const summary = chat.send('summary');
    const more = chat.send('more');

    expect(summary.text).not.toMatch(/Reply MORE/);
    expect(more.text).toBe("That's the whole summary. Reply SUMMARY to see it again from the start.");
  });

  it('after a summary, "hi" starts a check-in as usual', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('calm');
    chat.send('summary');

    expect(chat.send('hi').text).toMatch(/What's here right now\?/);
  });
});

describe('the time zone', () => {
  it('dates each day where the person lives when the profile has a zone, else in UTC', () => {
    // 19:30 in California on Monday 9 March is 02:30 UTC on Tuesday 10 March.
    const inUtc = new Conversation('chat', 'US', '2026-03-10T02:30:00.000Z');
    inUtc.send('hi');
    inUtc.send('lonely');
    const inCalifornia = new Conversation('chat', 'US', '2026-03-10T02:30:00.000Z');
    inCalifornia.profile = { timeZone: 'America/Los_Angeles' };
    inCalifornia.send('hi');
    inCalifornia.send('lonely');

    expect(inUtc.send('summary').text).toContain('Tue Mar 10: lonely.');
    expect(inCalifornia.send('summary').text).toContain('Mon Mar 9: lonely.');
  });
});

describe('the spoken summary', () => {
  const heard = (chat: Conversation, intent: 'summary' | 'repeat' | 'yes' | 'no') =>
    chat.send({ type: 'intent', intent });

  function voiceWeek(): Conversation {
    const alexa = new Conversation('alexa', 'US', '2026-03-10T19:00:00.000Z');
    heard(alexa, 'yes'); // opens a check-in
    alexa.send({ type: 'open' });
    alexa.send({ type: 'intent', intent: 'feeling', value: 'heavy' });
    alexa.send({ type: 'intent', intent: 'choose', value: '3' });
    alexa.send({ type: 'intent', intent: 'choose', value: '1' });
    alexa.send({ type: 'intent', intent: 'answer', value: 'my partner' });
    alexa.send({ type: 'intent', intent: 'answer', value: 'walk' });
    alexa.send({ type: 'intent', intent: 'answer', value: 'a lot' });
    return alexa;
  }

  it('asks whether to say it again, says it again on "say that again" and "yes", and never asks a third time', () => {
    const alexa = voiceWeek();

    const first = heard(alexa, 'summary');
    const again = heard(alexa, 'repeat');
    const third = heard(alexa, 'yes');

    expect(first.text).toMatch(/^Here's what you could tell your therapist about the last 14 days\./);
    expect(first.text).toContain('Today, you felt heavy, about your partner. A walk helped a lot.');
    expect(first.text).toMatch(/Would you like to hear that again\?$/);
    expect(first.reply.expectsAnswer).toBe(true);
    expect(again.text).toBe(first.text);
    expect(third.text).toBe(first.text.replace(/ Would you like to hear that again\?$/, ''));
    expect(third.reply.expectsAnswer).toBe(false);
    // It can still be asked for again.
    expect(heard(alexa, 'repeat').text).toBe(third.text);
  });

  it('"no" ends kindly', () => {
    const alexa = voiceWeek();
    heard(alexa, 'summary');

    const no = heard(alexa, 'no');

    expect(no.text).toBe("Okay. Take care. I'm here any time.");
    expect(no.reply.end).toBe(true);
  });
});
