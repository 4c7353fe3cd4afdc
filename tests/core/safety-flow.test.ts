import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/core/state.ts';
import { step } from '../../src/core/step.ts';
import type { Channel, Ctx } from '../../src/core/types.ts';
import { Conversation } from './conversation.ts';

const ctx = (channel: Channel): Ctx => ({
  now: '2026-11-20T09:00:00.000Z',
  id: 't1',
  seed: 1,
  channel,
  region: 'US',
  profile: { consentAt: '2026-11-01T00:00:00.000Z' },
});

const text = (beats: { text: string }[]) => beats.map((b) => b.text).join(' ');

describe('the crisis gate inside the flow', () => {
  it.each(STEPS.flatMap((s) => (['sms', 'alexa', 'chat'] as const).map((c) => [s, c] as const)))(
    'fires from the %s step on %s',
    (stepName, channel) => {
      const result = step(
        { v: 1, step: stepName, values: { family: 'low-unpleasant', offeredGoals: ['drink-water'] } },
        { type: 'text', text: 'I want to kill myself' },
        ctx(channel),
      );
      expect(result.reply.crisis).toBe(true);
      expect(text(result.reply.beats)).toContain('988');
      expect(text(result.reply.beats)).toContain('911');
      expect(result.effects).toEqual([]);
    },
  );

  it('fires on a first text from a new number, before any welcome', () => {
    const sms = new Conversation('sms');
    const first = sms.send('i dont want to wake up tomorrow');
    expect(first.reply.crisis).toBe(true);
    expect(first.text).toContain('988');
    expect(first.text).not.toMatch(/Msg & data rates/);
  });

  it('fires on a phrase that looks like a command or arrives as a voice slot value', () => {
    const asSlot = step(null, { type: 'intent', intent: 'feeling', value: 'suicidal' }, ctx('alexa'));
    expect(asSlot.reply.crisis).toBe(true);
    const asGoal = step(
      { v: 1, step: 'pick-goal', values: { offeredGoals: ['drink-water'] } },
      { type: 'text', text: 'jump off the bridge' },
      ctx('sms'),
    );
    expect(asGoal.reply.crisis).toBe(true);
    expect(asGoal.effects).toEqual([]);
  });

  it('does not close on one "I\'m fine": the line is given again and the person chooses', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    expect(chat.send('everyone would be better off without me').reply.crisis).toBe(true);
    const fine = chat.send("I'm fine");
    expect(fine.text).toMatch(/988/);
    expect(fine.text).toMatch(/keep going with a check-in\?/);
    expect(fine.reply.end).toBe(false);
    const goOn = chat.send('yes');
    expect(goOn.text).toMatch(/What's here right now\?/);
  });

  it('closes after a crisis only with the line said once more', () => {
    const chat = new Conversation('chat');
    chat.send('kms');
    chat.send('fine');
    const close = chat.send('no');
    expect(close.reply.end).toBe(true);
    expect(close.text).toMatch(/988/);
  });

  it('reaches the resources on HELP, 988 and "not safe"', () => {
    for (const words of ['HELP', '988', "I'm not safe"]) {
      const chat = new Conversation('sms');
      chat.profile = { consentAt: '2026-11-01T00:00:00.000Z' };
      const reply = chat.send(words);
      expect(reply.reply.crisis, words).toBe(true);
      expect(reply.text).toContain('988');
    }
  });

  it('answers HELP with what this number is and how to stop, after the resources', () => {
    const chat = new Conversation('sms');
    chat.profile = { consentAt: '2026-11-01T00:00:00.000Z' };
    const reply = chat.send('help');
    expect(reply.text.indexOf('988')).toBeLessThan(reply.text.indexOf('Texting STOP unsubscribes you'));
    expect(reply.text).toMatch(/not an emergency service/);
  });

  it('still shows the resources when the crisis words are negated', () => {
    const reply = step(null, { type: 'text', text: "I'm not suicidal, just tired" }, ctx('sms'));
    expect(reply.reply.crisis).toBe(true);
    expect(text(reply.reply.beats)).toContain('988');
  });

  it('lets everyday idioms through to the check-in', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    const reply = chat.send('this traffic is killing me, so stressed');
    expect(reply.reply.crisis).toBeUndefined();
    expect(reply.text).toMatch(/Stressed\./);
  });
});

describe('SMS service rules in the core', () => {
  it('welcomes a new number once, with the crisis line and HELP, and records consent with its time', () => {
    const sms = new Conversation('sms');
    const first = sms.send('hi');
    expect(first.text).toMatch(/not for emergencies: call or text 988/);
    expect(first.text).toMatch(/Msg & data rates may apply/);
    expect(first.text).toMatch(/Reply HELP for help, STOP to opt out\./);
    // STOP is named only in the disclosure carriers require; no prompt offers it as an answer.
    expect(first.text.split('Reply HELP for help, STOP to opt out.').join('')).not.toMatch(/\bSTOP\b/i);
    expect(first.text).toMatch(/What's here right now\?/);
    expect(sms.profile.consentAt).toBeDefined();
    expect(sms.entries).toMatchObject([{ kind: 'consent', terms: 'sms-welcome' }]);
    expect(sms.send('hi').text).not.toMatch(/Msg & data rates/);
  });

  it('records STOP and sends nothing, but reads "please stop" as ordinary words', () => {
    const sms = new Conversation('sms');
    sms.send('hi');
    const stop = sms.send('STOP');
    expect(stop.reply.silent).toBe(true);
    expect(sms.profile.optedOut).toBe(true);
    expect(sms.send('hello?').reply.silent).toBe(true);
    const back = sms.send('start');
    expect(back.text).toMatch(/Welcome back/);
    expect(sms.profile.optedOut).toBe(false);

    const other = new Conversation('sms');
    other.send('hi');
    expect(other.send('please stop asking me that').reply.silent).toBeUndefined();
    expect(other.profile.optedOut).toBeUndefined();
  });

  it('erases everything only after YES', () => {
    const sms = new Conversation('sms');
    sms.send('hi');
    sms.send('sad');
    expect(sms.send('DELETE').text).toMatch(/Reply YES to erase everything/);
    expect(sms.send('no').text).toMatch(/nothing was erased/);
    expect(sms.deleted).toBe(false);
    sms.send('delete');
    const erased = sms.send('YES');
    expect(erased.text).toMatch(/Everything of yours is erased/);
    expect(sms.deleted).toBe(true);
  });
});

describe('voice keeps enumerated values only', () => {
  it('never stores free speech: own goals and journal words are matched to the catalogue or dropped', () => {
    const alexa = new Conversation('alexa');
    alexa.send({ type: 'open' });
    alexa.send({ type: 'intent', intent: 'feeling', value: 'exhausted' });
    alexa.send({ type: 'intent', intent: 'choose', value: '3' });
    const unknownGoal = alexa.send({ type: 'text', text: 'the Henderson thing with Maria' });
    expect(unknownGoal.text).toMatch(/didn't catch which one/);
    alexa.send({ type: 'intent', intent: 'choose', value: '1' });
    alexa.send({ type: 'text', text: 'my boss Kevin yelled at me about the Henderson account' });
    alexa.send({ type: 'intent', intent: 'answer', value: 'a walk' });
    alexa.send({ type: 'intent', intent: 'answer', value: 'a lot' });
    const stored = JSON.stringify(alexa.entries);
    expect(stored).not.toMatch(/Maria|Kevin|Henderson|sister/);
    const goal = alexa.entries.find((e) => e.kind === 'goal');
    expect(goal).toMatchObject({ goal: { catalogueId: expect.any(String) } });
    expect(JSON.stringify(alexa.state)).not.toMatch(/Kevin|Henderson/);
  });
});

describe('help on text channels', () => {
  it('answers INFO like HELP: the resources, what this number is, and how to stop', () => {
    const chat = new Conversation('sms');
    chat.profile = { consentAt: '2026-11-01T00:00:00.000Z' };
    const reply = chat.send('INFO');
    expect(reply.text).toContain('988');
    expect(reply.text).toMatch(
      /Texting STOP unsubscribes you from this number; texting START brings you back\./,
    );
  });
});

describe('goal outcomes mid-journal', () => {
  it('records DONE as the goal outcome, not as what set things off', () => {
    const chat = new Conversation('chat');
    chat.send('goal');
    chat.send('1');
    chat.advance(24);
    chat.send('heavy');
    chat.send('3');
    chat.send('2');
    const reply = chat.send('done');
    expect(reply.text).toMatch(/That counts/);
    expect(reply.text).toMatch(/What set this off today\?/);
    expect(chat.entries.some((e) => e.kind === 'outcome' && e.outcome === 'done')).toBe(true);
  });
});

describe('first contact reads as one hello', () => {
  it('does not greet twice when the welcome opens the check-in', () => {
    const sms = new Conversation('sms');
    const first = sms.send('hi');
    expect(first.text.match(/\bHi\b/g)).toHaveLength(1);
  });
});
