import { describe, expect, it } from 'vitest';
import { checkIn } from '../../src/core/content/check-in.ts';
import { Conversation } from './conversation.ts';

describe('a whole check-in over text', () => {
  it('goes from hello to a feeling, a tool, one goal, the journal, a connection and a warm close', () => {
    // Prepare
    const chat = new Conversation('chat');

    // Act + Assess, one turn at a time
    expect(chat.send('hi').text).toMatch(/What's here right now\? A word is enough\./);

    const reflected = chat.send('heavy and disconnected');
    expect(reflected.text).toMatch(/^Heavy and disconnected\. That makes sense/);
    expect(reflected.reply.choices).toHaveLength(3);

    const tool = chat.send('1');
    expect(tool.text).toMatch(/If a friend felt heavy, what would you say to them\?/);

    const goals = chat.send("it's not your fault, rest");
    expect(goals.text).toMatch(/say that to yourself, too/);
    expect(goals.reply.choices).toHaveLength(3);
    expect(goals.reply.acceptsOwnWords).toBe(true);

    const picked = chat.send('2');
    const chosenLabel = goals.reply.choices?.[1]?.label ?? '';
    expect(picked.text).toContain(`Your goal: ${chosenLabel}.`);
    expect(picked.text).toMatch(/Small wins count\./);
    expect(picked.text).toMatch(/What set this off today\?/);

    expect(chat.send('work was a lot').text).toMatch(/What did you try\?/);
    expect(chat.send('a short walk').text).toMatch(/How much did it help\?/);
    // The connection is a question of its own, with its own turn; the close asks nothing.
    const connect = chat.send('2');
    expect(connect.text).toContain(checkIn.journalSaved('text'));
    expect(connect.text).toMatch(/Thinking of you\. No need to reply\./);
    expect(connect.reply.expectsAnswer).toBe(true);
    expect(connect.text).not.toMatch(/Thanks for checking in/);
    const close = chat.send('1');
    expect(close.text).toMatch(/A small message can mean a lot\./);
    expect(close.text).toMatch(/doesn't mean therapy isn't working/);
    expect(close.text).not.toContain('?');
    expect(close.reply.end).toBe(true);

    // The journal holds what the therapist will see.
    expect(chat.entries.map((e) => e.kind)).toEqual([
      'feeling',
      'feeling',
      'tool',
      'goal',
      'reflection',
      'connection',
    ]);
    expect(chat.entries.find((e) => e.kind === 'connection')).toEqual(
      expect.objectContaining({ kind: 'connection', reachOut: 'yes' }),
    );
    expect(chat.entries.find((e) => e.kind === 'reflection')).toMatchObject({
      trigger: 'work was a lot',
      tried: 'a short walk',
      helped: 2,
    });
    expect(chat.profile.openGoal?.goal.catalogueId).toBeDefined();
  });

  it('skips the journal with one word and still closes kindly', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('anxious');
    chat.send('3'); // skip to one small goal
    chat.send('1');
    const close = chat.send('skip');
    expect(close.text).toMatch(/Thinking of you/);
    expect(close.text).not.toMatch(/Noted in your journal/);
    expect(chat.entries.some((e) => e.kind === 'reflection')).toBe(false);
  });

  it('paces a grounding exercise one sense a reply when the tool is picked, then offers a goal', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    const offer = chat.send('on edge');
    expect(offer.reply.choices?.[0]?.label).toBe('a grounding exercise');
    const exercise = chat.send('1');
    expect(exercise.text).toMatch(/five things you can see/);
    expect(exercise.text).not.toMatch(/touch/);
    expect(exercise.reply.beats.every((b, i, all) => b.slow || i === all.length - 1)).toBe(true);
    for (const sense of ['touch', 'hear', 'smell', 'taste']) expect(chat.send('ok').text).toMatch(sense);
    expect(chat.send('ok').reply.choices).toHaveLength(3);
  });

  it('offers the parts check-in to a hopeless or self-critical feeling, meeting that part by name', () => {
    for (const [said, part] of [
      ['hopeless', 'hopeless'],
      ['I feel like a failure', 'like a failure'],
      ['anxious', 'anxious'],
    ] as const) {
      const chat = new Conversation('chat');
      chat.send('hi');
      const menu = chat.send(said);
      const index = menu.reply.choices?.findIndex((c) => c.label === checkIn.toolLabels.parts) ?? -1;
      expect(index, said).toBeGreaterThanOrEqual(0);
      const ask = chat.send(String(index + 1));
      expect(ask.text).toContain(checkIn.partsAskFor(part));
      expect(chat.send('idk').text).toContain(checkIn.partsDefault);
    }
  });

  it('keeps one small action for now and one small goal for later: different things', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('calm'); // 1) one small action
    const action = chat.send('1');
    expect(action.text).toContain(checkIn.smallAction);
    expect(checkIn.smallActions.some((a) => action.text.includes(a))).toBe(true);
    expect(action.reply.choices).toBeUndefined();
    const goals = chat.send('done');
    expect(goals.text).toMatch(/pick one small thing for today/i);
    expect(goals.reply.choices).toHaveLength(3);
  });

  it('meets a parts check-in with curiosity, not banishment', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('calm');
    const ask = chat.send('parts');
    expect(ask.text).toContain(checkIn.partsAskFor('calm'));
    const after = chat.send('the critic, it worries I will fail');
    expect(after.text).toMatch(/trying to look after you/);
    expect(after.reply.choices).toHaveLength(3);
  });
});

describe('following up on last time', () => {
  function withOpenGoal(): Conversation {
    const chat = new Conversation('chat');
    chat.send('goal');
    chat.send('1');
    chat.advance(24);
    return chat;
  }

  it.each([
    ['done', 'done', /That counts/],
    ['not yet', 'not-yet', /That's okay. It will keep/],
    ['skip', 'skipped', /leave it there/],
  ])('records "%s" without judgment and moves on to the feeling', (answer, outcome, acknowledgement) => {
    const chat = withOpenGoal();
    const goal = chat.profile.openGoal;
    const greeting = chat.send('hi');
    expect(greeting.text).toMatch(/Last time you picked: .+\. Did it happen\? Either answer is OK\./);
    const next = chat.send(answer);
    expect(next.text).toMatch(acknowledgement);
    expect(next.text).toMatch(/What's here right now\?/);
    expect(chat.entries.at(-1)).toMatchObject({ kind: 'outcome', outcome, goalEntryId: goal?.entryId });
    expect(chat.profile.openGoal).toBeUndefined();
  });

  it('takes DONE texted on its own at any time', () => {
    const chat = withOpenGoal();
    const done = chat.send('DONE');
    expect(done.text).toMatch(/That counts/);
    expect(chat.entries.at(-1)).toMatchObject({ kind: 'outcome', outcome: 'done' });
  });

  it('says so kindly when DONE arrives with no goal open', () => {
    const chat = new Conversation('chat');
    expect(chat.send('done').text).toMatch(/no goal open right now/);
    expect(chat.entries).toHaveLength(0);
  });
});

describe('naming when no word comes', () => {
  it('narrows in two short questions and offers three words', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    expect(chat.send('idk').text).toMatch(/more drained or more wired\?/);
    expect(chat.send('drained').text).toMatch(/more unpleasant, or more okay\?/);
    const words = chat.send('1');
    expect(words.text).toMatch(/Do any of these fit\?/);
    expect(words.reply.choices).toHaveLength(3);
    const picked = words.reply.choices?.[0]?.label ?? '';
    const reflected = chat.send('1');
    expect(reflected.text.toLowerCase()).toContain(picked.toLowerCase());
    expect(chat.entries[0]).toMatchObject({ kind: 'feeling', word: picked, family: 'low-unpleasant' });
  });

  it('says gently when a message is not a feeling, instead of pretending to understand', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    const reply = chat.send('what time is the bus');
    expect(reply.text).toMatch(/not sure I caught a feeling there, and that's okay/);
    expect(reply.text).toMatch(/drained or more wired/);
    expect(chat.entries).toHaveLength(0);
  });

  it('keeps the feeling by its family when none of the three words fit', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('not sure');
    chat.send('wired');
    chat.send('unpleasant');
    const reply = chat.send('none');
    expect(reply.text).toMatch(/^Wired and unpleasant\./);
    expect(chat.entries[0]).toMatchObject({ kind: 'feeling', family: 'high-unpleasant' });
  });

  it('understands a feeling texted out of the blue, with typos and slang', () => {
    const chat = new Conversation('chat');
    expect(chat.send('stressed af').text).toMatch(/^Stressed\./);
    expect(chat.entries[0]).toMatchObject({ kind: 'feeling', word: 'stressed' });
  });
});

describe('standalone requests, from any point', () => {
  it('paces a grounding exercise on its own and closes after the last sense', () => {
    const chat = new Conversation('chat');
    const first = chat.send('GROUND');
    expect(first.text).toMatch(/five things you can see/);
    expect(first.reply.end).toBe(false);
    const rest = ['ok', 'ok', 'ok', 'ok'].map((line) => chat.send(line).text).join(' ');
    expect(rest).toMatch(/four things you can touch.*One thing you can taste/);
    expect(chat.send('ok').reply.end).toBe(true);
    expect(chat.entries).toMatchObject([{ kind: 'tool', tool: 'grounding' }]);
  });

  it('offers three micro-goals and keeps exactly one', () => {
    const chat = new Conversation('chat');
    const offer = chat.send('goal');
    expect(offer.reply.choices).toHaveLength(3);
    const label = offer.reply.choices?.[2]?.label;
    const kept = chat.send('3');
    expect(kept.text).toContain(`Your goal: ${label}.`);
    expect(kept.text).toMatch(/Text DONE when it's done/);
    expect(chat.entries.filter((e) => e.kind === 'goal')).toHaveLength(1);
  });

  it('keeps a goal in the person’s own words on text', () => {
    const chat = new Conversation('chat');
    chat.send('goal');
    const kept = chat.send('call my sister back');
    expect(kept.text).toContain('Your goal: call my sister back.');
    expect(chat.profile.openGoal?.goal).toEqual({ text: 'call my sister back' });
  });

  it('offers three different goals when none of them fit', () => {
    const chat = new Conversation('chat');
    const first = chat.send('goal');
    const second = chat.send('none');
    const firstLabels = first.reply.choices?.map((c) => c.label) ?? [];
    expect(second.reply.choices).toHaveLength(3);
    for (const choice of second.reply.choices ?? []) expect(firstLabels).not.toContain(choice.label);
  });
});

describe('what should I tell my therapist', () => {
  it('says kindly that there is nothing yet when the journal is empty', () => {
    const chat = new Conversation('chat');
    const reply = chat.send('summary');
    expect(reply.text).toMatch(/nothing in your journal from the last 14 days yet/);
  });

  it('summarises each day: the feeling with what set it off and what helped, then goals done and not yet', () => {
    const chat = new Conversation('chat');
    // Two check-ins on two days.
    chat.send('hi');
    chat.send('heavy');
    chat.send('3');
    chat.send('1');
    chat.send('work');
    chat.send('a walk');
    chat.send('3');
    chat.advance(24);
    chat.send('hi');
    chat.send('done');
    chat.send('heavy and anxious');
    chat.send('3');
    chat.send('call my mum');
    chat.send('skip');
    chat.advance(24);
    chat.send('hi');
    chat.send('not yet');
    chat.send('bye');

    const summary = chat.send('SUMMARY');
    expect(summary.text).toMatch(/For your therapist, from the last 14 days:/);
    expect(summary.text).toContain('Fri Nov 20: heavy, about work; a walk helped a lot.');
    expect(summary.text).toContain('Sat Nov 21: heavy and anxious.');
    expect(summary.text).toMatch(/Small goals done: [a-z].+\. Not yet: call my mum\./);
    expect(summary.text).toMatch(/Not-yet goals are worth talking about too\.$/);
    expect(summary.text).not.toMatch(/Reply MORE/);
    expect(summary.text.length).toBeLessThanOrEqual(3 * 320);
  });

  it('leaves out entries older than 14 days when no session date is known', () => {
    const chat = new Conversation('chat');
    chat.send('hi');
    chat.send('lonely');
    chat.advance(24 * 15);
    expect(chat.send('summary').text).toMatch(/nothing in your journal/);
  });
});
