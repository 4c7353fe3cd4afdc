/**
 * Issue 14: when the caring text's question is asked, through the pure core. At the calmer
 * close of a crisis episode, after the goodbye's own line; never with the crisis reply, never
 * after danger now, never where nothing can text them (the terminal chat, an Alexa without a
 * linked phone whose number is kept), never again after NO; due the next day 10 to 11 their time.
 */
import { describe, expect, it } from 'vitest';
import { caring } from '../../../src/core/content/safety-plan.ts';
import { crisisReply } from '../../../src/core/crisis/crisis-reply.ts';
import { scheduled } from '../../../src/core/reminders/reminder.ts';
import type { Input } from '../../../src/core/types.ts';
import { Conversation } from '../conversation.ts';

const voice = (text: string): Input => ({ type: 'text', text });

function calmClose(c: Conversation, say: (s: string) => Input | string = (s) => s): string {
  c.send(say('i want to die'));
  c.send(say("i'm ok"));
  return c.send(c.channel === 'alexa' ? { type: 'intent', intent: 'no' } : 'no').text;
}

describe('the caring text question', () => {
  it('comes after the goodbye that carries the line, never with the crisis reply, and YES is due tomorrow 10 to 11 their time', () => {
    // Arrange
    const c = new Conversation('sms', 'US', '2026-11-20T02:00:00.000Z');
    c.timeZoneGuess = 'America/Chicago';
    c.send('hi');

    // Act
    const crisis = c.send('i want to die');
    c.send("i'm ok");
    const close = c.send('no');
    const yes = c.send('yes');

    // Assert
    expect(crisis.reply).toEqual(crisisReply({ region: 'US', modality: 'text', negated: false }));
    expect(close.text).toBe(`Take care of yourself. Any time, day or night, call or text 988. ${caring.ask}`);
    expect(yes.text).toBe("Okay. I'll text you once tomorrow. Take care until then.");
    const due = c.profile.caringText?.dueAt ?? '';
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Chicago',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(new Date(due));
    // 8pm Thursday Nov 19 in Chicago: due Friday Nov 20, 10 to 11.
    expect(local).toMatch(/^2026-11-20, 1[01]$/);
  });

  it('is not asked in the terminal chat, nor on an Alexa without a linked phone whose number is kept', () => {
    expect(calmClose(new Conversation('chat'))).not.toContain('Can I text');
    expect(calmClose(new Conversation('alexa'), voice)).not.toContain('Can I text');
  });

  it('is asked on an Alexa linked to a phone that asked to be texted, in spoken words', () => {
    // Arrange
    const c = new Conversation('alexa');
    c.profile = {
      ...c.profile,
      linked: true,
      reminder: scheduled(
        {
          plan: { days: [1, 2, 3, 4, 5], start: 19 * 60, end: 19 * 60 + 15 },
          timeZone: 'America/New_York',
          seed: 3,
          consent: { at: '2026-11-01T00:00:00.000Z', terms: 'sms-reminders-1', text: 'consent' },
          unanswered: 0,
        },
        '2026-11-19T00:00:00.000Z',
      ),
    };

    // Act
    const close = calmClose(c, voice);
    const yes = c.send({ type: 'intent', intent: 'yes' });

    // Assert
    expect(close).toContain(caring.askVoice);
    expect(yes.text).toBe("Okay. I'll text your phone once tomorrow. Take care until then.");
    expect(c.profile.caringText?.answer).toBe('yes');
  });

  it('is never asked after a danger-now reply, nor again after NO', () => {
    // Arrange
    const danger = new Conversation('sms');
    danger.send('hi');
    const declined = new Conversation('sms');
    declined.send('hi');

    // Act
    danger.send('my partner is hitting me');
    danger.send("i'm ok");
    const dangerClose = danger.send('no');
    calmClose(declined);
    declined.send('no');
    const again = calmClose(declined);

    // Assert
    expect(dangerClose.text).not.toContain('Can I text');
    expect(declined.profile.caringText?.answer).toBe('no');
    expect(again).not.toContain('Can I text');
  });

  it('is not asked when the close was the question unanswered twice, or "leave me alone"', () => {
    // Arrange
    const unanswered = new Conversation('sms');
    unanswered.send('hi');
    const alone = new Conversation('sms');
    alone.send('hi');

    // Act
    unanswered.send('i want to die');
    unanswered.send("i'm ok");
    unanswered.send('go to bed by 11');
    const closed = unanswered.send('work stuff');
    alone.send('i want to die');
    const left = alone.send('leave me alone');

    // Assert
    expect(closed.text).not.toContain('Can I text');
    expect(left.text).not.toContain('Can I text');
  });
});
