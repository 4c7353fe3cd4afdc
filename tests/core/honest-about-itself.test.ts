/**
 * Issue 10, item 6: honest about itself. "Are you a real person?", "who sees this?", "can
 * you tell my therapist for me?", "how do I delete my data" and "what can you do?" get a true
 * answer at any step (they used to get "I'm not sure I caught a feeling there"); the journal
 * says "Noted in your journal", never "for your therapist"; and the first contact on every
 * channel says it is automated and not for emergencies, once.
 */
import { describe, expect, it } from 'vitest';
import * as checkIn from '../../src/core/content/check-in.ts';
import * as service from '../../src/core/content/service.ts';
import { step } from '../../src/core/step.ts';
import type { Channel, Ctx } from '../../src/core/types.ts';
import { Conversation } from './conversation.ts';
import { at, EVERY_STEP } from './steps.ts';

const QUESTIONS: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
  [
    'a person or a bot',
    [
      'are you a real person?',
      'is this a bot?',
      'Am I talking to a real person',
      'r u human',
      'who is this?',
    ],
    /^No, I'm not a person\. I'm an automated check-in.*I can't help in an emergency.*988/,
  ],
  [
    'who sees it',
    [
      'who sees this?',
      'is this private?',
      'Who can read my messages',
      'is my journal private',
      'does anyone read this',
    ],
    /Nobody is sent it, not your therapist either|nobody (?:reads|is listening)/,
  ],
  [
    'telling the therapist',
    [
      'can you tell my therapist for me?',
      'Could you send this to my therapist',
      'will my therapist see this?',
      'can you let my counselor know',
    ],
    /^I can't contact your therapist, and nothing is sent to them\./,
  ],
  [
    'deleting',
    ['how do I delete my data', 'How can I erase my journal?', 'can i delete my data'],
    /^(?:Text DELETE|Say delete my data)\. I'll ask you to (?:reply YES|say yes) first/,
  ],
  [
    'what it does',
    ['what can you do?', 'What is this?', 'how does this work', 'what are you for'],
    /^I'm an automated check-in for the days between therapy sessions/,
  ],
];

const OLD_MISS = /I'm not sure I caught a feeling there/;

describe('questions about itself, answered at every step', () => {
  for (const [topic, phrasings, answer] of QUESTIONS) {
    for (const channel of ['sms', 'alexa'] as const) {
      it.each(EVERY_STEP.filter((s) => !['crisis', 'crisis-check', 'grey-check'].includes(s)))(
        `${topic} on ${channel} at %s, keeping the person's place`,
        (where) => {
          for (const question of phrasings) {
            // Prepare
            const { person, asked } = at(where, channel);
            const before = person.state?.step ?? 'closed';
            const kept = person.entries.length;

            // Act
            const { text, reply } = person.send(question);

            // Assess
            expect(text, question).toMatch(answer);
            expect(text, question).not.toMatch(OLD_MISS);
            // A question is never kept as a feeling, a goal or a journal note.
            expect(person.entries.length, question).toBe(kept);
            if (before === 'closed') {
              expect(reply.end, question).toBe(true);
            } else {
              // The open question follows the answer: the person is where they were.
              expect(person.state?.step, question).toBe(before);
              expect(reply.expectsAnswer, question).toBe(true);
              const question_ = asked.split(/(?<=[.?!]) /).at(-1) ?? '';
              if (!['follow-up', 'pick-goal', 'pick-tool', 'pick-word'].includes(where)) {
                expect(text, question).toContain(question_);
              }
            }
          }
        },
      );
    }
  }

  it('answers inside the crisis steps too, with the crisis line still there', () => {
    for (const where of ['crisis', 'crisis-check'] as const) {
      const { person } = at(where, 'sms');
      const { text } = person.send('are you a real person?');
      expect(text).toMatch(/^No, I'm not a person\./);
      expect(text.match(/988/g)?.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('says, when asked outside a check-in, how to start one', () => {
    const sms = at('closed', 'sms').person;
    expect(sms.send('are you a bot').text).toMatch(/Text HI any time to check in\.$/);
    const alexa = at('closed', 'alexa').person;
    expect(alexa.send('who sees this').text).toMatch(/Say check in any time to start one\.$/);
  });

  it('never offers to pass anything on: SUMMARY is how to show the therapist', () => {
    const { person } = at('name', 'sms');
    const { text } = person.send('can you tell my therapist for me?');
    expect(text).toContain('You can show them your summary: text SUMMARY to see it.');
    expect(text).toMatch(/call or text 988/);
    person.send('heavy');
    expect(person.send('SUMMARY').text).toMatch(
      /^For your therapist, from the last 14 days: [A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]+: heavy/,
    );
  });

  it('tells how to delete, and deletes only after DELETE then YES', () => {
    const { person } = at('pick-tool', 'sms');
    person.send('heavy');
    person.send('how do i delete my data');
    expect(person.deleted).toBe(false);
    expect(person.send('DELETE').text).toMatch(/Reply YES to erase everything/);
    person.send('YES');
    expect(person.deleted).toBe(true);
  });

  it('tells voice people what is kept: short answers, never their own sentences', () => {
    const { person } = at('name', 'alexa');
    expect(person.send('who sees this').text).toMatch(
      /I keep only short answers, like a feeling word, never your own sentences\. Say delete my data/,
    );
  });
});

describe("the journal is the person's own", () => {
  it('says "Noted in your journal. Only you see it." when something was noted, never "for your therapist"', () => {
    const { person } = at('journal-helped', 'sms');
    const close = person.send('2');
    expect(close.text).toMatch(/Noted in your journal\. Only you see it\./);
    expect(close.text).not.toMatch(/for your therapist/i);
  });

  it('asks for a note for the journal, not for the therapist', () => {
    const { asked } = at('journal-trigger', 'sms');
    expect(asked).toMatch(/A quick note for your journal\? What set this off today\?/);
  });

  it('makes no claim anywhere in the content that something is noted or sent for the therapist', () => {
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (typeof value === 'function') {
        for (const m of ['text', 'voice']) {
          try {
            walk((value as (...a: unknown[]) => unknown)(m, 'call or text 988'));
          } catch {
            // Functions of other arguments are walked by the opt-out test; words are the point here.
          }
        }
      } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk({ checkIn, service });
    expect(strings.length).toBeGreaterThan(150);
    const claims = strings.filter((s) =>
      /(?:noted|note|saved|sent|kept|passed on|shared) for your therapist|your therapist (?:will|can) (?:see|read|get)/i.test(
        s,
      ),
    );
    expect(claims).toEqual([]);
  });
});

function firstContact(channel: Channel): Conversation {
  return new Conversation(channel, 'US', '2026-11-20T09:00:00.000Z', { firstContact: true });
}

describe('first contact on every channel says it is automated and not for emergencies, once', () => {
  it.each<[Channel, string | { type: 'open' }, RegExp]>([
    [
      'sms',
      'hi',
      /^Hi, this is my check in: .*It's automated, not a person, and not for emergencies: call or text 988\./,
    ],
    [
      'chat',
      { type: 'open' },
      /^Hi, this is my check in: .*It's automated, not a person, and not for emergencies: call or text 988\.$/,
    ],
    [
      'alexa',
      { type: 'open' },
      /^Hi, this is my check in, .*I'm automated, not a person, and not for emergencies\. If you're in crisis, call or text 988\.$/,
    ],
  ])('on %s', (channel, hello, welcome) => {
    // Prepare
    const person = firstContact(channel);

    // Act
    const first = person.send(hello);
    person.advance(24);
    const next = person.send(hello);

    // Assess: the welcome, then the first question; the next day, no welcome.
    expect(first.reply.beats[0]?.text).toMatch(welcome);
    expect(first.text).toMatch(/What's here right now\? A word is enough\.$/);
    expect(first.text).not.toMatch(/Hi\. This is your check-in\./);
    expect(next.text).toBe("Hi. This is your check-in. What's here right now? A word is enough.");
    expect(person.entries).toMatchObject([{ kind: 'consent', terms: `${channel}-welcome`, channel }]);
    expect(person.profile.consentAt).toBe(person.entries[0]?.at);
  });

  it('is short: two sentences and the line on voice, under 200 characters', () => {
    const { text } = firstContact('alexa').send({ type: 'open' }).reply.beats[0] ?? { text: '' };
    expect(text.length).toBeLessThan(200);
  });

  it('is not given again when the profile could not be read (nothing is known of the person)', () => {
    const ctx: Ctx = {
      now: '2026-11-20T09:00:00.000Z',
      id: 't1',
      seed: 1,
      channel: 'alexa',
      region: 'US',
      profile: { unavailable: true },
    };
    const result = step(null, { type: 'open' }, ctx);
    expect(result.reply.beats[0]?.text).toBe('Hi. This is your check-in.');
    expect(result.effects.some((e) => e.type === 'recordConsent')).toBe(false);
  });

  it('welcomes a one-shot first contact too: "ask my check in for a grounding exercise"', () => {
    const person = firstContact('alexa');
    const { text } = person.send({ type: 'intent', intent: 'grounding' });
    expect(text).toMatch(
      /^Hi, this is my check in, .*not for emergencies\. If you're in crisis, call or text 988\. Let's slow down together/,
    );
  });
});
