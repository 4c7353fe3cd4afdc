/**
 * The journal as a tired person answers it: "yes" to "a quick note?" is not what set it off,
 * a short answer is never kept as journal words, and "later" halfway keeps what they noted.
 */
import { describe, expect, it } from 'vitest';
import { checkIn } from '../../src/core/content/check-in.ts';
import { Conversation } from './conversation.ts';
import { at } from './steps.ts';

describe('the journal, answered in a word', () => {
  it('hears "yes" to "a quick note? what set this off?" as yes, and asks just what set it off', () => {
    const { person } = at('journal-trigger');
    const asked = person.send('yes');
    expect(asked.text).toBe(checkIn.journalTriggerPlain('text'));
    expect(person.send('my boss yelled').text).toMatch(/What did you try\?/);
    person.send('a walk');
    person.send('2');
    expect(person.entries.find((e) => e.kind === 'reflection')).toMatchObject({
      trigger: 'my boss yelled',
      tried: 'a walk',
      helped: 2,
    });
  });

  it('hears "ok" to "what did you try?" as agreeing, and asks what it was', () => {
    const { person } = at('journal-tried');
    expect(person.send('ok').text).toBe(checkIn.journalTriedPlain('text'));
  });

  it('never keeps "yes", "ok" or "fine" as what set it off or what they tried', () => {
    for (const word of ['yes', 'ok', 'fine', 'thanks']) {
      const { person } = at('journal-trigger');
      person.send(word);
      person.send(word);
      person.send(word);
      person.send(word);
      const kept = person.entries.filter((e) => e.kind === 'reflection');
      for (const entry of kept) {
        expect(entry.kind === 'reflection' && [entry.trigger, entry.tried], word).not.toContain(word);
      }
    }
  });

  it('asks the plain question once, not a third time, when "yes" keeps coming', () => {
    const { person, asked } = at('journal-trigger');
    const replies = [asked, person.send('yes').text, person.send('yes').text, person.send('yes').text];
    for (let i = 2; i < replies.length; i++) {
      expect(replies[i] === replies[i - 1] && replies[i - 1] === replies[i - 2], replies[i]).toBe(false);
    }
  });
});

describe('"later" in the middle of the journal', () => {
  it('keeps what set it off and what they tried, says so, and closes kindly', () => {
    const { person } = at('journal-helped');
    const close = person.send('later');
    expect(close.text).toContain(checkIn.journalSaved('text'));
    expect(close.text).toContain(checkIn.closeShort);
    expect(close.reply.end).toBe(true);
    expect(person.entries.find((e) => e.kind === 'reflection')).toMatchObject({
      trigger: 'work',
      tried: 'a walk',
    });
    expect(person.send('summary').text).toMatch(/heavy, about work; tried a walk/);
  });

  it('keeps them on "leave me alone" too, and on voice', () => {
    const { person } = at('journal-tried', 'sms');
    const quiet = person.send('leave me alone');
    expect(quiet.text).toContain(checkIn.journalSaved('text'));
    expect(person.entries.find((e) => e.kind === 'reflection')).toMatchObject({ trigger: 'work' });

    const alexa = new Conversation('alexa');
    alexa.send({ type: 'open' });
    alexa.send({ type: 'intent', intent: 'feeling', value: 'heavy' });
    alexa.send({ type: 'intent', intent: 'choose', value: '3' });
    alexa.send({ type: 'intent', intent: 'choose', value: '1' });
    alexa.send({ type: 'text', text: 'work' });
    const spokenClose = alexa.send({ type: 'text', text: 'later' });
    expect(spokenClose.text).toContain(checkIn.journalSaved('voice'));
    expect(alexa.entries.find((e) => e.kind === 'reflection')).toMatchObject({ trigger: 'work' });
  });

  it('keeps nothing and claims nothing when nothing was noted yet', () => {
    const { person } = at('journal-trigger');
    const close = person.send('later');
    expect(close.text).not.toContain(checkIn.journalSaved('text'));
    expect(person.entries.some((e) => e.kind === 'reflection')).toBe(false);
  });
});
