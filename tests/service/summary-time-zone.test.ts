/**
 * The turn runner hands the profile's time zone to the core, so the summary's days are the
 * person's days: a check-in at 22:00 on Monday in Pago Pago is 09:00 on Tuesday in UTC.
 */
import { describe, expect, it } from 'vitest';
import type { CheckInStore } from '../../src/core/ports.ts';
import type { Input } from '../../src/core/types.ts';
import { silentLogger } from '../../src/observability/log.ts';
import { createTurnRunner } from '../../src/service/turn-runner.ts';
import { MemoryCheckInStore } from '../../src/store/memory-store.ts';

const NOW = new Date('2025-03-04T09:00:00.000Z');
const text = (words: string): Input => ({ type: 'text', text: words });

/** A memory store whose profiles carry `timeZone` (nothing writes one yet; the reader accepts it). */
function storeIn(timeZone: string | undefined): CheckInStore {
  const memory = new MemoryCheckInStore();
  return new Proxy(memory, {
    get: (target, name) => {
      const value = Reflect.get(target, name, target);
      if (name !== 'loadTurn' || timeZone === undefined)
        return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<CheckInStore['loadTurn']>) => {
        const snapshot = await target.loadTurn(...args);
        return { ...snapshot, profile: { createdAt: NOW.toISOString(), ...snapshot.profile, timeZone } };
      };
    },
  });
}

async function summaryIn(timeZone: string | undefined): Promise<string> {
  let id = 0;
  const runTurn = createTurnRunner({
    store: storeIn(timeZone),
    logger: silentLogger,
    clock: () => NOW,
    newId: () => `t${id++}`,
    seed: () => 7,
  });
  const send = (words: string) =>
    runTurn({ userId: 'u1', channel: 'chat', region: 'US', input: text(words) });
  await send('hi');
  await send('lonely');
  const summary = await send('summary');
  return summary.reply.beats.map((b) => b.text).join('\n');
}

describe('the summary and the time zone', () => {
  it("dates the day in the profile's zone, and in UTC when the profile has none", async () => {
    expect(await summaryIn('Pacific/Pago_Pago')).toContain('Mon Mar 3: lonely.');
    expect(await summaryIn(undefined)).toContain('Tue Mar 4: lonely.');
  });
});
