/**
 * Paths found in review where a person on a bad day could get stuck, misread, or judged.
 */
import { describe, expect, it } from 'vitest';
import { Conversation } from './conversation.ts';

describe('after a crisis reply', () => {
  it('reads "I\'m fine" as an answer, never as a feeling for the journal', () => {
    const sms = new Conversation('sms');
    sms.profile = { consentAt: '2026-11-01T00:00:00.000Z' };
    sms.send('i want to die');
    sms.send("I'm fine");
    const close = sms.send("I'm fine");
    expect(close.text).toMatch(/Any time, day or night, call or text 988/);
    expect(sms.entries.some((e) => e.kind === 'feeling')).toBe(false);
  });

  it('answers "leave me alone" with the line once more, not with "Lonely"', () => {
    const chat = new Conversation('chat');
    chat.send('i want to kill myself');
    const reply = chat.send('leave me alone');
    expect(reply.text).toMatch(/988/);
    expect(reply.text).not.toMatch(/Lonely/);
    // Nothing of what they said is kept: only the hard moment's time (sessions/hard-moments.ts).
    expect(chat.entries.map((e) => e.kind)).toEqual(['moment']);
  });
});

describe('asking for quiet or for help', () => {
  it('answers "stop texting me" kindly, with how to stop for good, without opting out', () => {
    const sms = new Conversation('sms');
    sms.send('hi');
    const reply = sms.send('stop texting me');
    expect(reply.text).toMatch(/this number only texts you back/);
    expect(reply.text).toMatch(/Texting STOP unsubscribes you from this number/);
    expect(reply.reply.end).toBe(true);
    expect(sms.profile.optedOut).toBeUndefined();
  });

  it("keeps the person's place when they ask for HELP mid check-in", () => {
    const sms = new Conversation('sms');
    sms.send('goal');
    const help = sms.send('HELP');
    expect(help.text).toContain('988');
    const kept = sms.send('1');
    expect(kept.text).toMatch(/Your goal: /);
  });

  it('says the crisis line first when voice help is asked for, and stays open', () => {
    const alexa = new Conversation('alexa');
    alexa.send({ type: 'open' });
    const help = alexa.send({ type: 'intent', intent: 'help' });
    expect(help.reply.beats[0]?.text).toMatch(/988/);
    expect(help.reply.beats[1]?.text).toMatch(/911/);
    expect(help.reply.end).toBe(false);
    const named = alexa.send({ type: 'intent', intent: 'feeling', value: 'tired' });
    expect(named.text).toMatch(/^Tired\./);
  });
});

describe('naming stays optional', () => {
  it('moves on to a tool when narrowing does not land, instead of asking again', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('idk');
    const reply = chat.send('not sure');
    expect(reply.text).toMatch(/Not every feeling needs a word/);
    expect(reply.text).toMatch(/Want to try something for a minute\?/);
  });

  it('takes "both" as an answer to drained or wired', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('no idea');
    expect(chat.send('both').text).toMatch(/Want to try something/);
  });

  it('lets SKIP pass the feeling question', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    expect(chat.send('skip').text).toMatch(/Want to try something/);
  });

  it('asks "Which one?" when someone says yes to three offered words', () => {
    const alexa = new Conversation('alexa');
    alexa.send({ type: 'open' });
    alexa.send({ type: 'intent', intent: 'answer', value: 'not sure' });
    alexa.send({ type: 'intent', intent: 'answer', value: 'drained' });
    alexa.send({ type: 'intent', intent: 'answer', value: 'unpleasant' });
    const which = alexa.send({ type: 'intent', intent: 'yes' });
    expect(which.text).toMatch(/^Which one\?/);
    expect(which.reply.choices).toHaveLength(3);
  });

  it('reads "ok" after an exercise as a fresh start, not as a feeling', () => {
    const chat = new Conversation('chat');
    chat.send('ground');
    chat.send('done');
    const reply = chat.send('ok');
    expect(reply.text).toMatch(/What's here right now\?/);
    expect(chat.entries.some((e) => e.kind === 'feeling')).toBe(false);
  });
});

describe('goal choice', () => {
  it('says once that it did not catch which goal, then reads the same three again', () => {
    const alexa = new Conversation('alexa');
    const offer = alexa.send({ type: 'intent', intent: 'goal' });
    const unclear = alexa.send({ type: 'text', text: 'hmm maybe' });
    expect(unclear.text.match(/didn't catch/g)).toHaveLength(1);
    expect(unclear.reply.choices).toEqual(offer.reply.choices);
  });
});

describe('erasing on voice', () => {
  it('asks in spoken words and erases after yes', () => {
    const alexa = new Conversation('alexa');
    alexa.send({ type: 'open' });
    alexa.send({ type: 'intent', intent: 'feeling', value: 'sad' });
    const confirm = alexa.send({ type: 'intent', intent: 'delete' });
    expect(confirm.text).toMatch(/Should I erase everything\? Say yes/);
    const done = alexa.send({ type: 'intent', intent: 'yes' });
    expect(done.text).toMatch(/Everything of yours is erased/);
    expect(alexa.deleted).toBe(true);
  });
});

describe('voice help outside the US', () => {
  it('gives the local crisis and emergency numbers, not 911', () => {
    const alexa = new Conversation('alexa', 'GB');
    const help = alexa.send({ type: 'intent', intent: 'help' });
    expect(help.text).toMatch(/116 123/);
    expect(help.text).toMatch(/999/);
    expect(help.text).not.toMatch(/911/);
  });
});
