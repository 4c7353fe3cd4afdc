/**
 * Issue 14: the safety plan as a person meets it, through the pure core (tests/core/conversation.ts).
 * Written by text one short question at a time with skips, resumed the next day after the
 * session is gone; read back in pages; offered after a crisis reply (the reply first and
 * unchanged); edited and deleted; on voice only its choices are kept, and words typed by text
 * are read aloud only after a yes or to a recognised voice.
 */
import { describe, expect, it } from 'vitest';
import { plan as w } from '../../../src/core/content/safety-plan.ts';
import { crisisReply } from '../../../src/core/crisis/crisis-reply.ts';
import { PLAN_STEPS, type SafetyPlan } from '../../../src/core/safety-plan.ts';
import type { Input } from '../../../src/core/types.ts';
import { Conversation, render } from '../conversation.ts';

const voice = (text: string): Input => ({ type: 'text', text });

/** A person who has texted before (welcomed), so transcripts start at the plan. */
function texter(): Conversation {
  const c = new Conversation('sms');
  c.send('hi');
  c.send('later');
  return c;
}

const FULL_PLAN: SafetyPlan = {
  items: {
    warningSigns: { typed: "can't sleep, pulling away" },
    onMyOwn: { typed: 'a long shower, loud music' },
    distractions: { typed: "Sam's place, the park" },
    helpers: { typed: 'my sister Ana' },
    professionals: { typed: 'Dr Lee, 988' },
    saferSpace: { typed: 'ask Ana to stay over' },
    reason: { typed: 'my dog Bo' },
  },
  next: 7,
  updatedAt: '2026-11-19T09:00:00.000Z',
};

describe('writing the plan by text', () => {
  it('asks one short question at a time, keeps own words, skips, and resumes the next day where it stopped', () => {
    // Arrange
    const c = texter();

    // Act: day one, two steps and a skip, then "later"
    const opened = c.send('PLAN');
    const second = c.send("can't sleep, pulling away from people");
    const third = c.send('skip');
    const paused = c.send('later');
    // The next day the session has expired: only the plan on the profile remembers.
    c.advance(30);
    c.state = null;
    const resumed = c.send('PLAN');

    // Assert
    expect(opened.text).toContain('7 short questions; reply SKIP to any.');
    expect(opened.text).toContain(w.question('warningSigns'));
    expect(second.text).toBe(`Kept. ${w.question('onMyOwn')}`);
    expect(third.text).toBe(`Skipped. ${w.question('distractions')}`);
    expect(paused.text).toBe('Your plan is saved so far. Text PLAN any time to pick up where you stopped.');
    expect(resumed.text).toBe(
      `Welcome back to your plan. Picking up at step 3 of 7. ${w.question('distractions')}`,
    );
    expect(c.profile.safetyPlan?.items).toEqual({
      warningSigns: { typed: "can't sleep, pulling away from people" },
    });
  });

  it('finishes after the seventh step and PLAN then shows it, numbered, in their own words', () => {
    // Arrange
    const c = texter();
    c.send('make a safety plan');

    // Act
    for (const answer of [
      'racing thoughts',
      'grounding',
      "Sam's place",
      'my sister Ana',
      'SKIP',
      'ask Ana to stay over',
    ]) {
      c.send(answer);
    }
    const done = c.send('my dog Bo');
    const shown = c.send('PLAN');

    // Assert: "grounding" at "things I can do on my own" is an answer, not an exercise
    expect(done.text).toBe(
      'Kept. Your plan is saved. Text PLAN any time to see it, CHANGE and a number to rewrite a step.',
    );
    expect(shown.text).toContain('Your plan:');
    expect(shown.text).toContain('2) Things I can do on my own: grounding');
    expect(shown.text).toContain('4) People I can ask for help: my sister Ana');
    expect(shown.text).toContain('6) Making my space safer: ask Ana to stay over');
    expect(shown.text).toContain('7) My reason for living: my dog Bo');
    expect(shown.text).not.toContain('5)');
    expect(shown.text).toContain('Reply CHANGE 2 to rewrite step 2');
    // The line ends every plan, so no one has to type the number (typed, 988 reaches the crisis reply).
    expect(shown.text).toContain('And any time: call or text 988.');
    expect(w.question('professionals')).not.toContain('988');
  });

  it('never stores a yes or an ok as a step, and asks again kindly', () => {
    // Arrange
    const c = texter();
    c.send('PLAN');

    // Act
    const again = c.send('ok');

    // Assert
    expect(again.text).toBe(`A few words is enough, or reply SKIP. ${w.question('warningSigns')}`);
    expect(c.profile.safetyPlan).toBeUndefined();
  });

  it('reads a long plan back in pages of at most three texts, MORE for the rest', () => {
    // Arrange
    const c = texter();
    const long = 'a'.repeat(60).replace(/a/g, 'word ').trim().slice(0, 190);
    c.profile = {
      ...c.profile,
      safetyPlan: { ...FULL_PLAN, items: Object.fromEntries(PLAN_STEPS.map((id) => [id, { typed: long }])) },
    };

    // Act
    const first = c.send('show my plan');
    const second = c.send('MORE');

    // Assert
    expect(first.text).toContain('Reply MORE for the rest.');
    expect(first.text).toContain('1) My warning signs');
    expect(second.text).toContain('Your plan, continued:');
    expect(second.text).not.toContain('1) My warning signs');
  });
});

describe('after a crisis reply', () => {
  it('gives the crisis reply first and unchanged, then offers the plan; yes shows its first steps, warning signs skipped', () => {
    // Arrange
    const c = texter();
    c.profile = { ...c.profile, safetyPlan: FULL_PLAN };
    const unchanged = crisisReply({ region: 'US', modality: 'text', negated: false });

    // Act
    const reply = c.send('i want to die');
    const yes = c.send('yes');

    // Assert
    expect(reply.reply.beats.slice(0, unchanged.beats.length)).toEqual(unchanged.beats);
    expect(reply.reply.beats.at(-1)?.text).toBe('You made a plan. Want to see it? Reply YES.');
    expect(yes.text).toBe(
      "From your plan: 2) Things I can do on my own: a long shower, loud music 3) People and places that take my mind off things: Sam's place, the park 4) People I can ask for help: my sister Ana Text PLAN for all of it. Call or text 988 (Suicide & Crisis Lifeline) any time.",
    );
    expect(yes.text).not.toContain('warning signs');
    expect(yes.reply.crisis).toBe(true);
  });

  it('adds nothing to the crisis reply without a plan, or with warning signs only', () => {
    // Arrange
    const without = texter();
    const signsOnly = texter();
    signsOnly.profile = {
      ...signsOnly.profile,
      safetyPlan: { items: { warningSigns: { typed: 'x' } }, next: 1, updatedAt: '' },
    };
    const unchanged = crisisReply({ region: 'US', modality: 'text', negated: false });

    // Act / Assert
    expect(without.send('i want to die').reply).toEqual(unchanged);
    expect(signsOnly.send('i want to die').reply).toEqual(unchanged);
  });

  it('never offers the plan after a danger-now reply, and never in the middle of writing it instead of the crisis reply', () => {
    // Arrange
    const danger = texter();
    danger.profile = { ...danger.profile, safetyPlan: FULL_PLAN };
    const writing = texter();
    writing.send('PLAN');

    // Act
    const dangerReply = danger.send('my partner is hitting me right now');
    const crisisWhileWriting = writing.send('i want to kill myself');

    // Assert
    expect(dangerReply.reply.crisis).toBe(true);
    expect(dangerReply.text).not.toContain('plan');
    expect(crisisWhileWriting.reply).toEqual(crisisReply({ region: 'US', modality: 'text', negated: false }));
    expect(writing.profile.safetyPlan).toBeUndefined();
  });

  it('offers it once an episode: a second crisis message gets the crisis reply alone', () => {
    // Arrange
    const c = texter();
    c.profile = { ...c.profile, safetyPlan: FULL_PLAN };
    c.send('i want to die');

    // Act
    const again = c.send('i really want to die');

    // Assert
    expect(again.text).not.toContain('You made a plan');
    expect(again.reply.crisis).toBe(true);
  });

  it('on voice asks "Do you want to hear your plan?" after the crisis reply, and yes reads chosen steps and the number', () => {
    // Arrange
    const c = new Conversation('alexa');
    c.profile = {
      ...c.profile,
      safetyPlan: {
        items: {
          warningSigns: { option: 'sleep' },
          onMyOwn: { option: 'walk' },
          helpers: { option: 'friend' },
        },
        next: 7,
        updatedAt: '',
      },
    };
    const unchanged = crisisReply({ region: 'US', modality: 'voice', negated: false });

    // Act
    const reply = c.send(voice('i want to die'));
    const yes = c.send({ type: 'intent', intent: 'yes' });

    // Assert
    expect(reply.reply.beats.slice(0, unchanged.beats.length)).toEqual(unchanged.beats);
    expect(reply.reply.beats.at(-1)?.text).toBe('Do you want to hear your plan?');
    expect(yes.text).toBe(
      'From your plan. Things I can do on my own: go for a walk. People I can ask for help: a friend. The number is 988. Call or text 988, any time.',
    );
  });
});

describe('editing and deleting by text', () => {
  it('CHANGE 2 rewrites one step, CLEAR 3 removes one, and the rest stay', () => {
    // Arrange
    const c = texter();
    c.profile = { ...c.profile, safetyPlan: FULL_PLAN };

    // Act
    c.send('PLAN');
    const asked = c.send('CHANGE 2');
    const changed = c.send('call my brother');
    const cleared = c.send('clear step 3');

    // Assert
    expect(asked.text).toBe(`Step 2. ${w.question('onMyOwn')}`);
    expect(changed.text).toBe('Step 2 is updated.');
    expect(cleared.text).toBe('Step 3 is cleared.');
    expect(c.profile.safetyPlan?.items.onMyOwn).toEqual({ typed: 'call my brother' });
    expect(c.profile.safetyPlan?.items.distractions).toBeUndefined();
    expect(c.profile.safetyPlan?.items.reason).toEqual({ typed: 'my dog Bo' });
  });

  it('DELETE PLAN asks first: NO keeps it, YES deletes it, and the journal is not touched', () => {
    // Arrange
    const c = texter();
    c.profile = { ...c.profile, safetyPlan: FULL_PLAN };

    // Act
    const asked = c.send('DELETE PLAN');
    const kept = c.send('no');
    c.send('delete my safety plan');
    const deleted = c.send('yes');

    // Assert
    expect(asked.text).toBe('Delete your whole safety plan? Reply YES to delete it, or NO to keep it.');
    expect(kept.text).toBe('Okay, your plan stays as it is.');
    expect(deleted.text).toBe('Your safety plan is deleted.');
    expect(deleted.effects).toEqual([{ type: 'clearSafetyPlan' }]);
    expect(c.profile.safetyPlan).toBeUndefined();
    expect(c.deleted).toBe(false);
  });
});

describe('the plan on voice', () => {
  it('offers three choices a step and keeps only the id of the one chosen, never free speech', () => {
    // Arrange
    const c = new Conversation('alexa');

    // Act
    const opened = c.send(voice('my safety plan'));
    c.send({ type: 'intent', intent: 'choose', value: '2' });
    const ownWords = c.send(voice('I text my friend Jo'));
    c.send(voice('listen to music'));
    c.send({ type: 'intent', intent: 'skip' });

    // Assert
    expect(render(opened.reply)).toContain(
      '1) trouble sleeping 2) pulling away from people 3) feeling hopeless',
    );
    expect(ownWords.text).toContain(
      'On Alexa I can keep only one of the choices. To use your own words, text PLAN from your phone.',
    );
    expect(c.profile.safetyPlan?.items).toEqual({
      warningSigns: { option: 'withdrawing' },
      onMyOwn: { option: 'music' },
    });
    expect(JSON.stringify(c.profile.safetyPlan)).not.toContain('Jo');
  });

  it('holds back steps typed by text on a shared speaker until they say yes; a recognised voice hears them', () => {
    // Arrange
    const shared = new Conversation('alexa');
    shared.profile = {
      ...shared.profile,
      linked: true,
      safetyPlan: { ...FULL_PLAN, items: { ...FULL_PLAN.items, onMyOwn: { option: 'walk' } } },
    };

    // Act
    const first = shared.send(voice('my plan'));
    const yes = shared.send({ type: 'intent', intent: 'yes' });

    // Assert
    expect(first.text).toBe(
      'Here is your plan. Things I can do on my own: go for a walk. Some of your plan was typed by text. Do you want me to read those parts aloud?',
    );
    expect(yes.text).toContain('People I can ask for help: my sister Ana.');
    expect(yes.text).toContain('My reason for living: my dog Bo.');
  });

  it('changes and deletes a step by voice ("change step two", "clear step three")', () => {
    // Arrange
    const c = new Conversation('alexa');
    c.profile = {
      ...c.profile,
      safetyPlan: {
        items: { onMyOwn: { option: 'walk' }, distractions: { option: 'outdoors' } },
        next: 7,
        updatedAt: '',
      },
    };

    // Act
    const asked = c.send(voice('change step two'));
    const changed = c.send({ type: 'intent', intent: 'choose', value: '3' });
    const cleared = c.send(voice('clear step three'));

    // Assert
    expect(asked.text).toContain(w.question('onMyOwn'));
    expect(changed.text).toBe('Step 2 is updated.');
    expect(cleared.text).toBe('Step 3 is cleared.');
    expect(c.profile.safetyPlan?.items).toEqual({ onMyOwn: { option: 'breathing' } });
  });
});

describe('the plan offered after a quiet check-in', () => {
  const throughCheckIn = ['hi', 'heavy', '3', '1', 'skip'];
  const closeQuietly = (c: Conversation): string => {
    for (const m of throughCheckIn) c.advance(30).send(m);
    return c.send('not today').text;
  };

  it('says once, at a later quiet close than the reminder offer, that a plan exists and how to start it', () => {
    // Arrange
    const c = new Conversation('sms', 'US', '2026-11-20T17:00:00.000Z');
    c.timeZoneGuess = 'America/Denver';

    // Act
    const first = closeQuietly(c);
    c.send('no');
    const second = closeQuietly(c);
    const third = closeQuietly(c);

    // Assert: the reminder offer first, the plan's line the next time, then never again.
    expect(first).toMatch(/Want a short text tomorrow/);
    expect(first).not.toContain('safety plan');
    expect(second).toMatch(/Text PLAN any time to write one\.$/);
    expect(third).not.toContain('safety plan');
    expect(c.send('PLAN').text).toContain('A safety plan is a short list');
  });

  it('is never said after a check-in with a crisis reply in it, nor to someone who has a plan', () => {
    const shaken = new Conversation('sms');
    shaken.send('hi');
    shaken.send('no');
    shaken.send('i want to die');
    const afterCrisis = [shaken.send('no').text, shaken.send('no').text].join(' ');
    expect(afterCrisis).not.toContain('Text PLAN any time');

    const planned = new Conversation('sms');
    planned.profile = {
      ...planned.profile,
      safetyPlan: FULL_PLAN,
      reminderOfferedAt: '2026-11-01T00:00:00.000Z',
    };
    expect(closeQuietly(planned)).not.toContain('safety plan');
  });

  it('on Alexa, which never texts first, comes at the first quiet close, in words for a speaker', () => {
    const c = new Conversation('alexa');
    for (const m of ['open my check in', 'heavy', 'the third one', 'the first one', 'skip']) c.send(m);
    const closing = c.send('not today').text;
    expect(closing).toContain('Say "make a safety plan" any time to write one.');
  });
});
