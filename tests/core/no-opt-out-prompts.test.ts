/**
 * Issue 10, item 5: no reply ever offers a carrier opt-out word as an answer. To Twilio and
 * the carriers STOP, STOPALL, UNSUBSCRIBE, CANCEL, END and QUIT (and REVOKE, OPTOUT) sent
 * alone unsubscribe the number at once, so a prompt that says "or STOP HERE" silences someone
 * who wanted a pause, and every later "hi" gets nothing. The gentle close is "later" or "done
 * for now", and it works at every step.
 *
 * Precisely: no reply names an opt-out word at all, in any case, except inside the one line
 * that explains what STOP does (`service.optOutExplained`), sent only by SMS in answer to HELP
 * or to "stop texting me", and the disclosure carriers require in the first text to a number
 * (`service.optOutDisclosure`: "Reply HELP for help, STOP to opt out.").
 */
import { describe, expect, it } from 'vitest';
import * as channels from '../../src/core/content/channels.ts';
import * as checkIn from '../../src/core/content/check-in.ts';
import * as crisis from '../../src/core/content/crisis.ts';
import * as reminders from '../../src/core/content/reminders.ts';
import * as safetyPlan from '../../src/core/content/safety-plan.ts';
import * as service from '../../src/core/content/service.ts';
import type { Step } from '../../src/core/state.ts';
import type { Channel, Input } from '../../src/core/types.ts';
import { Conversation } from './conversation.ts';
import { at, EVERY_STEP } from './steps.ts';

const EXPLAINED = service.service.optOutExplained;
const DISCLOSED = service.service.optOutDisclosure;
const OPT_OUT_WORD = /\b(?:stop ?all|stop|unsubscribe|cancel|end|quit|revoke|opt[ -]?out)\b/i;

/** The opt-out word a text names outside the one explaining line, or undefined. */
function optOutNamed(text: string): string | undefined {
  return OPT_OUT_WORD.exec(text.split(EXPLAINED).join(' | ').split(DISCLOSED).join(' | '))?.[0];
}

/** Arguments a content function is called with: both modalities, a crisis line, a number. */
const ARGUMENTS: readonly unknown[] = ['text', 'voice', 'aboutBot', 'deleteHow', 'call or text 988', 2];

/** Every string the content modules can produce, with where it came from. */
function contentTexts(
  value: unknown,
  where: string,
  out: Array<[string, string]> = [],
): Array<[string, string]> {
  if (typeof value === 'string') out.push([where, value]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) contentTexts(v, `${where}[${i}]`, out);
  } else if (typeof value === 'function') {
    const arity = Math.min(value.length, 3);
    const combos = (n: number): unknown[][] =>
      n === 0 ? [[]] : combos(n - 1).flatMap((c) => ARGUMENTS.map((a) => [...c, a]));
    for (const args of combos(arity)) {
      let made: unknown;
      try {
        made = (value as (...a: unknown[]) => unknown)(...args);
      } catch {
        continue;
      }
      contentTexts(made, `${where}(${args.join(', ')})`, out);
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) contentTexts(v, `${where}.${key}`, out);
  }
  return out;
}

describe('the content names no opt-out word', () => {
  const texts = contentTexts({ channels, checkIn, crisis, service, reminders, safetyPlan }, 'content');

  it('walks every reply text the content can make', () => {
    // A walk that found nothing would pass for the wrong reason.
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.map(([, t]) => t)).toContain(checkIn.checkIn.afterExerciseReprompt('text'));
  });

  it('offers LATER and done for now, never STOP HERE, after an exercise', () => {
    expect(checkIn.checkIn.afterExerciseReprompt('text')).toBe(
      'Reply OK for one small goal, or LATER to leave it there.',
    );
    expect(checkIn.checkIn.afterExerciseReprompt('voice')).toBe(
      'Say okay for one small goal, or say done for now.',
    );
  });

  it('names STOP only in the line that explains it, and says START brings you back', () => {
    const naming = texts.filter(([, text]) => optOutNamed(text) !== undefined);
    expect(naming.map(([where, text]) => `${where}: ${text}`)).toEqual([]);
    expect(EXPLAINED).toMatch(/STOP unsubscribes you/);
    expect(EXPLAINED).toMatch(/START brings you back/);
    // The explanation is one sentence of its own, never part of a prompt.
    const carrying = texts.filter(([, text]) => text.includes(EXPLAINED)).map(([where]) => where);
    expect(carrying).toEqual(['content.service.service.optOutExplained']);
  });
});

/** A small seeded generator: the same "random" conversation every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const FUZZ_WORDS: readonly string[] = [
  'hi',
  'heavy',
  'wired',
  'ok',
  'no',
  'yes',
  'idk',
  'skip',
  'none',
  '1',
  '2',
  '3',
  '0',
  'asdf',
  'hmm',
  'work',
  'a walk',
  'later',
  'done for now',
  'repeat',
  'GOAL',
  'GROUND',
  'BREATHE',
  'KIND',
  'PARTS',
  'SUMMARY',
  'DONE',
  'not yet',
  'HELP',
  'INFO',
  'stop texting me',
  'leave me alone',
  'are you a bot?',
  'who sees this?',
  'can you tell my therapist for me?',
  'how do i delete my data',
  'what can you do?',
  'grounding please',
  'help me breathe',
  'give me a goal',
  'can we stop',
  'be kind to me',
  'DELETE',
  'i want to die',
  "I'm fine",
  'everyone would be better off',
  'START',
];

const VOICE_INTENTS: readonly Input[] = [
  { type: 'open' },
  { type: 'intent', intent: 'yes' },
  { type: 'intent', intent: 'no' },
  { type: 'intent', intent: 'skip' },
  { type: 'intent', intent: 'help' },
  { type: 'intent', intent: 'repeat' },
  { type: 'intent', intent: 'stop' },
  { type: 'intent', intent: 'fallback' },
  { type: 'intent', intent: 'grounding' },
  { type: 'intent', intent: 'goal' },
  { type: 'intent', intent: 'choose', value: '1' },
  { type: 'intent', intent: 'feeling', value: 'tired' },
];

/** SMS replies to these may carry the explanation of STOP; nothing else may. */
const EXPLAINS_STOP = new Set(['HELP', 'INFO', 'stop texting me', 'leave me alone']);

describe('a fuzzed conversation never offers an opt-out word', () => {
  it.each<[Channel, number]>([
    ['sms', 1],
    ['sms', 2],
    ['chat', 3],
    ['chat', 4],
    ['alexa', 5],
    ['alexa', 6],
  ])('on %s (seed %i), over 200 turns', (channel, seed) => {
    // Prepare
    const random = seeded(seed);
    const person = new Conversation(channel, 'US', '2026-11-20T09:00:00.000Z', { firstContact: true });
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const misses: string[] = [];
    let explained = 0;

    // Act
    for (let turn = 0; turn < 200; turn++) {
      const input: Input =
        channel === 'alexa' && random() < 0.4
          ? pick(VOICE_INTENTS)
          : { type: 'text', text: pick(FUZZ_WORDS) };
      const said = input.type === 'text' ? input.text : JSON.stringify(input);
      const { text, reply } = person.send(input);
      const named = optOutNamed(text);
      if (named) misses.push(`${said} -> ${text}`);
      if (text.includes(EXPLAINED)) {
        explained += 1;
        if (channel !== 'sms' || !EXPLAINS_STOP.has(said)) misses.push(`explained STOP after ${said}`);
        // The explanation never sits in front of a step's question.
        if (reply.choices !== undefined) misses.push(`explained STOP beside choices after ${said}`);
      }
      if (reply.reprompt && optOutNamed(reply.reprompt)) misses.push(`${said} -> reprompt ${reply.reprompt}`);
    }

    // Assess
    expect(misses).toEqual([]);
    if (channel === 'sms') expect(explained).toBeGreaterThan(0);
  });
});

const SAFETY_STEPS: readonly Step[] = ['crisis', 'crisis-check', 'grey-check'];

describe('"later" and "done for now" close gently at every step', () => {
  for (const channel of ['sms', 'chat', 'alexa'] as const) {
    for (const words of ['later', 'done for now', 'can we stop']) {
      it.each(EVERY_STEP)(`"${words}" on ${channel} at %s`, (step) => {
        // Prepare
        const { person } = at(step, channel);

        // Act
        const { text, reply } = person.send(words);

        // Assess: nobody is unsubscribed, and the next hello is answered.
        expect(person.profile.optedOut).toBeUndefined();
        expect(optOutNamed(text)).toBeUndefined();
        if (SAFETY_STEPS.includes(step)) {
          // After a crisis reply or the safety question the line always goes with the goodbye.
          expect(text).toMatch(/988/);
          expect(reply.crisis).toBe(true);
        } else if (words === 'later' && step === 'connect') {
          // At "is there someone you could text today?" later means "maybe later": kept, then the close.
          expect(text).toMatch(/^Okay\. It can wait until it feels right\..*I'm here any time\.$/);
          expect(reply.end).toBe(true);
        } else if (words === 'later' && step === 'after-exercise' && channel !== 'alexa') {
          // An exercise under way by text stops there, kindly; nothing more is asked of it.
          expect(text).toMatch(/^That's okay, we can leave it there\./);
          expect(text).not.toContain('?');
        } else if (step === 'journal-tried' || step === 'journal-helped') {
          // Halfway through the journal, what they noted is kept first (journal-answers.test.ts).
          expect(text).toMatch(/^Noted in your journal\..*Take care\. I'm here any time\.$/);
          expect(reply.end).toBe(true);
        } else {
          expect(text).toBe("Take care. I'm here any time.");
          expect(reply.end).toBe(true);
          expect(person.state?.step).toBe('closed');
        }
        expect(person.send('hi').text).toMatch(/\S/);
      });
    }
  }
});

describe('STOP itself', () => {
  it('still unsubscribes by SMS, as the carrier does, and START comes back', () => {
    const { person } = at('pick-tool', 'sms');
    expect(person.send('HELP').text).toContain(EXPLAINED);

    expect(person.send('quit').reply.silent).toBe(true);
    expect(person.profile.optedOut).toBe(true);
    expect(person.send('hi').reply.silent).toBe(true);

    expect(person.send('START').text).toMatch(/^Welcome back\./);
    expect(person.profile.optedOut).toBe(false);
  });

  it.each(['quit', 'cancel', 'END', 'stop'])(
    'is a gentle close in the terminal chat, where no carrier listens: %s',
    (word) => {
      const { person } = at('pick-goal', 'chat');
      const { text, reply } = person.send(word);
      expect(text).toBe("Take care. I'm here any time.");
      expect(reply.silent).toBeUndefined();
      expect(person.profile.optedOut).toBeUndefined();
    },
  );

  it('gets no explanation of STOP in the terminal chat, where it does nothing', () => {
    const { person } = at('name', 'chat');
    expect(person.send('HELP').text).not.toContain(EXPLAINED);
    expect(person.send('stop texting me').text).not.toContain(EXPLAINED);
  });
});
