import { describe, expect, it } from 'vitest';
import { Conversation } from '../conversation.ts';

/** The crisis gate inside the flow: three replies, the grey-zone question, and memory across turns. */

describe('danger now, in the conversation', () => {
  it('answers violence at home with 911 first, then the hotline, then 988', () => {
    // Prepare
    const sms = new Conversation('sms');
    sms.send('hi');

    // Act
    const reply = sms.send("he's hitting me again and i locked myself in the bathroom");

    // Assess
    expect(reply.reply.crisis).toBe(true);
    expect(reply.text.indexOf('911')).toBeLessThan(reply.text.indexOf('1-800-799-7233'));
    expect(reply.text).toContain('text START to 88788');
    expect(reply.text.indexOf('1-800-799-7233')).toBeLessThan(reply.text.indexOf('988'));
  });

  it('answers an overdose already taken with 911 and Poison Control, then 988', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send('hi');

    // Act
    const reply = chat.send('i took the whole bottle of my sleeping pills');

    // Assess
    expect(reply.text).toMatch(/call 911 now/);
    expect(reply.text).toContain('Poison Control: 1-800-222-1222');
    expect(reply.text).toContain('988');
    expect(reply.text).not.toMatch(/drained or wired/i);
  });

  it('repeats the numbers of the danger reply, not the crisis line, on "repeat"', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send('my boyfriend choked me and he is still here');

    // Act
    const again = chat.send('repeat');

    // Assess
    expect(again.text).toContain('911');
    expect(again.text).toContain('1-800-799-7233');
  });
});

describe('the grey-zone question', () => {
  it('asks once, directly, with 988 in the same line; "no" carries on where they were', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send('hi');

    // Act
    const asked = chat.send("what's the point");
    const no = chat.send('no, just tired');

    // Assess
    expect(asked.text).toMatch(/are you thinking about suicide\? You can call or text 988 any time/);
    expect(no.text).toMatch(/^Thank you for telling me/);
    expect(no.text).toMatch(/What's here right now\?/);
    expect(no.reply.crisis).toBeUndefined();
  });

  it('words the question for a recovery story, and for someone worried about another person', () => {
    // Prepare
    const chat = new Conversation('sms');
    chat.send('hi');

    // Act
    const story = chat.send('ninety days without cutting, proud of me');
    const no = chat.send('no');
    const parent = new Conversation('sms');
    parent.send('hi');
    const worried = parent.send('my daughter told me she hurts herself when she feels too much');

    // Assess
    expect(story.text).toMatch(/^Thank you for telling me that\. .*are you having thoughts of suicide now\?/);
    expect(story.text).toContain('988');
    expect(no.text).toMatch(/^Thank you for telling me\. If that changes/);
    expect(worried.text).toMatch(/If someone is in danger now, call 911\./);
    expect(worried.text).toMatch(/they help people worried about someone else too/);
    expect(worried.text).toMatch(/are you thinking about suicide\?/);
  });

  it('never brings the interrupted question back a third time in a row, the "no" between included', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('anxious');
    const question = chat.send('1').text; // the grounding exercise's first round
    const joke = 'ugh kms lol this zoom meeting could have been an email';

    // Act
    const seen = [joke, 'no', joke, 'no'].map((text) => chat.send(text).text);

    // Assess
    expect(seen[0]).toMatch(/are you thinking about suicide\?/);
    expect(seen[1]).toContain(question);
    expect(seen[2]).toMatch(/are you thinking about suicide\?/);
    expect(seen[3]).toMatch(/^Thank you for telling me\. If that changes, call or text 988 any time\./);
    expect(seen[3]).not.toContain(question);
    expect(seen[3]).toMatch(/We can leave it here/);
  });

  it.each(['yes', 'maybe', 'idk', 'sometimes'])('gives the crisis reply when the answer is %j', (answer) => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send("what's the point");

    // Act
    const reply = chat.send(answer);

    // Assess
    expect(reply.text).toMatch(/This is an automated check-in and can't help in a crisis/);
    expect(reply.text).toContain('Call or text 988');
  });
});

describe('memory across turns', () => {
  it('reads "tonight" after a crisis reply as part of it', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send('i keep thinking everyone would be better off without me');
    chat.send("i'm fine");

    // Act
    const reply = chat.send('tonight');

    // Assess
    expect(reply.reply.crisis).toBe(true);
    expect(reply.text).toContain('988');
  });

  it('reads "tonight" as nothing special in a conversation with no signal', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send('hi');

    // Act
    const reply = chat.send('tonight');

    // Assess
    expect(reply.reply.crisis).toBeUndefined();
  });

  it('reads "I already did" after the crisis question as an overdose that may be under way', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send("what's the point");

    // Act
    const reply = chat.send('i already took them');

    // Assess
    expect(reply.text).toContain('Poison Control');
  });

  it('stays watchful for a few turns, then lets the conversation be ordinary again', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send('i want to die');
    for (const answer of ["i'm fine", 'yes', 'heavy', '1', 'ok', 'skip', 'skip', 'skip']) chat.send(answer);

    // Act
    const reply = chat.send('tonight');

    // Assess
    expect(chat.state?.watch ?? 0).toBe(0);
    expect(reply.reply.crisis).toBeUndefined();
  });
});

describe('a miss is never affirmed', () => {
  it('never reflects a word from a message that speaks of death back as a feeling', () => {
    // Prepare
    const chat = new Conversation('chat');
    chat.send('hi');

    // Act
    const reply = chat.send('my grandpa died and honestly I feel peaceful about it');

    // Assess
    expect(reply.text).not.toMatch(/Peaceful\./);
    expect(reply.text).toMatch(/are you thinking about suicide\?/);
  });
});

describe('other languages', () => {
  it('answers Spanish in Spanish: 988 press 2, AYUDA to 988 and to 741741, and 911', () => {
    // Prepare
    const sms = new Conversation('sms');

    // Act
    const reply = sms.send('ya no quiero vivir, me quiero morir');

    // Assess
    expect(reply.text).toMatch(/Llama al 988 y marca 2/);
    expect(reply.text).toContain('AYUDA al 988');
    expect(reply.text).toContain('AYUDA al 741741');
    expect(reply.text).toContain('911');
  });

  it('answers another language with the crisis reply and a line that 988 can help in theirs', () => {
    // Prepare
    const chat = new Conversation('chat');

    // Act
    const reply = chat.send('я не хочу больше жить');

    // Assess
    expect(reply.text).toContain('Call or text 988');
    expect(reply.text).toMatch(/988 can help by phone in your language/);
  });
});

describe('the offer to say the number again, on voice', () => {
  it('is made twice at most: a third "yes" gets the number with a goodbye that carries it, not the offer again', () => {
    // Prepare
    const alexa = new Conversation('alexa');
    alexa.send({ type: 'open' });
    const offer = /say the number again/i;

    // Act
    const first = alexa.send({ type: 'text', text: 'i want to die' });
    const second = alexa.send({ type: 'intent', intent: 'yes' });
    const third = alexa.send({ type: 'intent', intent: 'yes' });

    // Assess
    expect(first.text).toMatch(offer);
    expect(second.text).toContain('988');
    expect(second.text).toMatch(offer);
    expect(third.text).toContain('988');
    expect(third.text).not.toMatch(offer);
  });

  it('is answered as often as asked with "repeat", an explicit request', () => {
    const alexa = new Conversation('alexa');
    alexa.send({ type: 'open' });
    alexa.send({ type: 'text', text: 'i want to die' });
    for (let i = 0; i < 3; i++)
      expect(alexa.send({ type: 'intent', intent: 'repeat' }).text).toContain('988');
  });
});
