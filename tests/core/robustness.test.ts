import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/core/state.ts';
import { step } from '../../src/core/step.ts';
import type { Channel, ConversationState, Ctx, Input, IntentName } from '../../src/core/types.ts';

const ctx = (channel: Channel, history = false): Ctx => ({
  now: '2026-11-20T09:00:00.000Z',
  id: 'turn-1',
  seed: 42,
  channel,
  region: 'US',
  profile: {
    openGoal: { goal: { catalogueId: 'open-curtains' }, entryId: 'e0', setAt: '2026-11-19T09:00:00.000Z' },
  },
  ...(history ? { history: [] } : {}),
});

const INTENTS: IntentName[] = [
  'checkin',
  'feeling',
  'choose',
  'answer',
  'grounding',
  'compassion',
  'goal',
  'summary',
  'done',
  'notYet',
  'skip',
  'yes',
  'no',
  'help',
  'repeat',
  'stop',
  'fallback',
];

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000\u0007\u001b[2J',
    '😢😢😢',
    'مرحبا كيف حالك',
    '我很难过',
    'Ich bin müde',
    '\n\n\t',
  ),
  fc.string({ minLength: 5000, maxLength: 5000 }),
);

const anyInput: fc.Arbitrary<Input> = fc.oneof(
  anyText.map((text) => ({ type: 'text', text }) as const),
  fc.constant({ type: 'open' } as const),
  fc.record({
    type: fc.constant('intent' as const),
    intent: fc.constantFrom(...INTENTS),
    value: fc.option(anyText, { nil: undefined }),
  }),
);

const anyState: fc.Arbitrary<ConversationState | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    v: fc.constant(1 as const),
    step: fc.constantFrom(...STEPS),
    values: fc.record(
      {
        feelings: fc.array(fc.string(), { maxLength: 3 }),
        family: fc.constantFrom('low-unpleasant', 'high-unpleasant', 'low-pleasant', 'high-pleasant'),
        offeredGoals: fc.array(fc.string(), { maxLength: 3 }),
        offeredWords: fc.array(fc.string(), { maxLength: 3 }),
        offeredTools: fc.constant(['grounding', 'parts']),
        standalone: fc.boolean(),
        exercise: fc.constantFrom('grounding', 'breathing'),
        exerciseRound: fc.integer({ min: -1, max: 25 }),
      },
      { requiredKeys: [] },
    ),
  }),
  // Stored data from another version, or corrupted.
  fc.anything().map((junk) => junk as ConversationState),
);

describe('any input in any state', () => {
  it('returns a valid reply and never throws', () => {
    fc.assert(
      fc.property(
        anyState,
        anyInput,
        fc.constantFrom<Channel>('sms', 'alexa', 'chat'),
        fc.boolean(),
        (state, input, channel, history) => {
          const result = step(state, input, ctx(channel, history));
          expect(Array.isArray(result.reply.beats)).toBe(true);
          expect(typeof result.reply.end).toBe('boolean');
          expect(typeof result.reply.expectsAnswer).toBe('boolean');
          if (!result.reply.silent && !result.needs) expect(result.reply.beats.length).toBeGreaterThan(0);
          for (const beat of result.reply.beats) expect(typeof beat.text).toBe('string');
          if (result.reply.expectsAnswer) expect(result.reply.reprompt).toBeTruthy();
          expect(result.state.v).toBe(1);
          expect(STEPS).toContain(result.state.step);
          expect(() => JSON.stringify(result)).not.toThrow();
        },
      ),
      { numRuns: 600 },
    );
  });

  it('restarts politely from a state it cannot read', () => {
    const result = step(
      { v: 99, step: 'nowhere', values: {} } as unknown as ConversationState,
      { type: 'text', text: 'hello there' },
      ctx('chat'),
    );
    expect(result.reply.beats.map((b) => b.text).join(' ')).toMatch(/start fresh/);
    expect(result.state.step).toBe('follow-up');
  });
});
