/**
 * A person on a bad day may answer "no", "idk" or nothing that fits, again and again. The
 * check-in never traps them: no question comes a third time in a row, declining is an
 * answer, not knowing gets a gentle default, and every reply stays within the channel.
 */
import { describe, expect, it } from 'vitest';
import { renderSsml } from '../../src/channels/alexa/render-ssml.ts';
import {
  gsm7Length,
  isGsm7,
  MAX_MESSAGE_SEPTETS,
  MAX_MESSAGES,
  smsTexts,
} from '../../src/channels/sms/render-twiml.ts';
import { checkIn } from '../../src/core/content/check-in.ts';
import { seededRandom } from '../../src/core/random.ts';
import type { Reply } from '../../src/core/types.ts';
import { Conversation } from './conversation.ts';
import { at } from './steps.ts';

/** The question a reply asks: its last line (what "the same question" means here). */
const question = (reply: Reply) => (reply.expectsAnswer ? (reply.beats.at(-1)?.text ?? '') : '');

function expectNoThirdTime(replies: readonly Reply[]): void {
  for (let i = 2; i < replies.length; i++) {
    const [a, b, c] = [replies[i - 2], replies[i - 1], replies[i]].map((r) => question(r as Reply));
    expect(a !== '' && a === b && b === c, `asked three times running: ${c}`).toBe(false);
  }
}

function expectWithinLimits(reply: Reply, channel: 'sms' | 'alexa'): void {
  if (channel === 'alexa') {
    expect(renderSsml(reply).speech.length).toBeLessThanOrEqual(8000);
    return;
  }
  const texts = smsTexts(reply);
  expect(texts.length).toBeLessThanOrEqual(MAX_MESSAGES);
  for (const text of texts) {
    expect(isGsm7(text)).toBe(true);
    expect(gsm7Length(text)).toBeLessThanOrEqual(MAX_MESSAGE_SEPTETS);
  }
}

describe('no dead ends', () => {
  it('answers "no" at the first question eight times without asking anything a third time', () => {
    const chat = new Conversation('sms');
    const replies = [chat.send('hi').reply];

    for (let i = 0; i < 8; i++) replies.push(chat.send('no').reply);

    expectNoThirdTime(replies);
    const said = replies.map((r) => r.beats.map((b) => b.text).join(' ')).join('\n');
    // Somewhere it moves on or offers a way out; it never only narrows eight times.
    expect(said).toMatch(/Not every feeling needs a word|We can leave it here, that's okay/);
  });

  it('offers a way out after two answers that did not fit, never the question a third time', () => {
    const chat = new Conversation('sms');
    chat.send('hi');
    chat.send('no'); // -> drained or wired?

    const first = chat.send('purple');
    const second = chat.send('banana');

    expect(question(first.reply)).toBe(checkIn.askEnergy);
    expect(second.text).toContain(checkIn.wayOut('text'));
    expect(second.reply.expectsAnswer).toBe(false);
  });

  it('reads "idk" at the tool menu as an answer: the better fit starts, gently', () => {
    const chat = new Conversation('sms');
    chat.send('hi');
    chat.send('anxious');

    const answered = chat.send('idk');

    expect(answered.text).toContain(checkIn.toolDefault);
    expect(answered.text).not.toContain(checkIn.offerTool);
  });

  it('takes a second "no" at the goal list as an answer: no goal today is fine too', () => {
    const chat = new Conversation('sms');
    chat.send('hi');
    chat.send('anxious');
    chat.send('3'); // skip to one small goal

    const others = chat.send('no');
    const declined = chat.send('no');

    expect(others.text).toContain(checkIn.otherGoals);
    expect(declined.text).toContain(checkIn.noGoalToday);
    expect(declined.text).toMatch(/What set this off today\?/);
    expect(chat.entries.some((e) => e.kind === 'goal')).toBe(false);
    expect(chat.profile.openGoal).toBeUndefined();
  });

  it('closes with the line, not the question a third time, when "keep going?" after a crisis goes unanswered', () => {
    const { person, asked } = at('crisis-check', 'sms');
    const again = person.send('go to bed by 11');
    expect(again.text).toContain(asked);
    const close = person.send('work stuff and the fight');
    expect(close.text).not.toContain(asked);
    expect(close.text).toMatch(/Any time, day or night, call or text 988/);
    expect(close.reply.end).toBe(true);
    expect(person.send('hi').text).toMatch(/What's here right now\?/);
  });

  it('hears "nothing" at the goal list as declining, never as a goal of their own', () => {
    const { person } = at('pick-goal');
    const others = person.send('nothing');
    expect(others.text).not.toMatch(/Keep "nothing" as your goal/);
    expect(others.text).toContain(checkIn.otherGoals);
    expect(person.send('nothing').text).toContain(checkIn.noGoalToday);
    expect(person.profile.openGoal).toBeUndefined();
  });

  it('meets "idk" at the kind-word and parts questions with a kind default, not a reflection of nothing', () => {
    const kind = new Conversation('sms');
    kind.send('hi');
    kind.send('heavy');
    kind.send('1'); // a kind word to yourself
    const compassion = kind.send('idk');

    expect(compassion.text).toContain(checkIn.compassionDefault);
    expect(compassion.text).not.toContain(checkIn.compassionReflect);
  });

  it.each(['sms', 'alexa'] as const)(
    'never asks the same question three times running in 20 turns of no, idk or nonsense (%s)',
    (channel) => {
      const answers = ['no', 'idk', 'not sure', 'asdf', 'hmm', 'whatever', '?', 'nope', 'k', '5'];
      for (let seed = 1; seed <= 25; seed++) {
        const random = seededRandom(seed);
        const chat = new Conversation(channel);
        const replies = [chat.send('hi').reply];
        for (let turn = 0; turn < 20; turn++) {
          const word = answers[Math.floor(random() * answers.length)] as string;
          const { reply } = chat.send(channel === 'alexa' ? { type: 'text', text: word } : word);
          expectWithinLimits(reply, channel);
          replies.push(reply);
        }
        expectNoThirdTime(replies);
      }
    },
  );
});

describe('ask once, answer once, keep it', () => {
  it('keeps whether they might reach out (never who), and closes with a message that asks nothing', () => {
    const chat = new Conversation('sms');
    for (const text of ['hi', 'heavy', '3', '1']) chat.send(text);

    const asked = chat.send('skip'); // the journal skipped: the connection question, on its own
    const closed = chat.send('maybe later');

    expect(asked.text).toMatch(/someone you could text today\?/);
    expect(asked.reply.expectsAnswer).toBe(true);
    expect(closed.text).toContain(checkIn.connectionAnswered.maybe);
    expect(closed.text).not.toContain('?');
    expect(closed.reply.end).toBe(true);
    expect(chat.entries.at(-1)).toMatchObject({ kind: 'connection', reachOut: 'maybe' });
  });

  it('does not follow up a goal picked in the same sitting, and does on a later day', () => {
    const chat = new Conversation('sms');
    chat.send('GOAL');
    chat.send('1');

    const rightAfter = chat.send('hi');
    chat.advance(24);
    const tomorrow = chat.send('hi');

    expect(rightAfter.text).not.toMatch(/Last time you picked/);
    expect(rightAfter.text).toMatch(/What's here right now\?/);
    expect(tomorrow.text).toMatch(/Last time you picked: .+\. Did it happen\?/);
  });
});

describe('goal and journal answers that make sense', () => {
  it('checks back a sentence that reads like what happened before keeping it as a goal', () => {
    const chat = new Conversation('sms');
    chat.send('GOAL');

    const checked = chat.send('my manager dumping three projects on me');
    const back = chat.send('no');
    const own = chat.send('text my brother');

    expect(checked.text).toContain(checkIn.confirmOwnGoal('my manager dumping three projects on me'));
    expect(back.text).toContain(checkIn.ownGoalDeclined);
    expect(own.text).toContain('Your goal: text my brother.');
    expect(chat.entries.filter((e) => e.kind === 'goal')).toEqual([
      expect.objectContaining({ goal: { text: 'text my brother' } }),
    ]);
  });

  it('keeps a checked-back goal when the person says yes', () => {
    const chat = new Conversation('sms');
    chat.send('GOAL');
    chat.send('my room, tidy one corner of it');

    const kept = chat.send('yes');

    expect(kept.text).toContain('Your goal: my room, tidy one corner of it.');
  });

  it('keeps nothing for "none of those" or "nothing", and never asks how much nothing helped', () => {
    const chat = new Conversation('sms');
    for (const text of ['hi', 'heavy', '3', '1']) chat.send(text);

    const tried = chat.send('none of those'); // at "what set this off?"
    const connection = chat.send('nothing'); // at "what did you try?"

    expect(tried.text).toMatch(/What did you try\?/);
    expect(connection.text).not.toMatch(/How much did it help\?/);
    expect(connection.text).toMatch(/someone you could text today\?/);
    expect(chat.entries.some((e) => e.kind === 'reflection')).toBe(false);
  });
});

describe('a check-in that fits the day', () => {
  it('gives a good day a short, glad path: what helped, no "what set this off", no "hard day"', () => {
    const chat = new Conversation('sms');
    chat.send('hi');
    const tools = chat.send('happy');
    const goals = chat.send(String(tools.reply.choices?.length)); // the last choice: skip to one small goal
    expect(goals.text).toMatch(/pick one small thing/i);

    const asked = chat.send('1');
    const connection = chat.send('a walk with my dog');
    const closed = chat.send('2');

    const all = [asked.text, connection.text, closed.text].join('\n');
    expect(asked.text).toMatch(/What helped today\?/);
    expect(all).not.toMatch(/What set this off|How much did it help|hard day/);
    expect(closed.text).toContain(checkIn.closeGladDay);
    expect(chat.entries.find((e) => e.kind === 'reflection')).toMatchObject({ tried: 'a walk with my dog' });
  });
});
