/**
 * The host notes a crisis reply as a hard moment (issue 15): one entry with its time only,
 * once an episode, in the turn's own commit, and the crisis reply exactly as the core wrote it.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../src/core/step.ts';
import { silentLogger } from '../../src/observability/log.ts';
import { createTurnRunner } from '../../src/service/turn-runner.ts';
import { MemoryCheckInStore } from '../../src/store/memory-store.ts';

const NOW = new Date('2026-12-01T15:00:00.000Z');

describe('a hard moment', () => {
  it('is one entry with its time only, once an episode, and the crisis reply is unchanged', async () => {
    const store = new MemoryCheckInStore();
    await store.recordConsent('u1', '2026-11-01T00:00:00.000Z');
    let n = 0;
    const runTurn = createTurnRunner({
      store,
      logger: silentLogger,
      clock: () => NOW,
      newId: () => `turn${++n}`,
      seed: () => 1,
    });
    const say = (text: string) =>
      runTurn({ userId: 'u1', channel: 'sms', region: 'US', input: { type: 'text', text } });

    const first = await say('I want to kill myself');
    await say("I'm still thinking about killing myself");

    const alone = step(
      null,
      { type: 'text', text: 'I want to kill myself' },
      {
        now: NOW.toISOString(),
        id: 'x',
        seed: 1,
        channel: 'sms',
        region: 'US',
        profile: { consentAt: '2026-11-01T00:00:00.000Z' },
      },
    );
    expect(first.crisis).toBe(true);
    expect(first.reply.beats.map((b) => b.text)).toEqual(alone.reply.beats.map((b) => b.text));
    const entries = await store.entriesSince('u1', '2026-11-30T00:00:00.000Z');
    expect(entries).toEqual([{ id: 'turn1-moment', at: NOW.toISOString(), channel: 'sms', kind: 'moment' }]);
  });
});
