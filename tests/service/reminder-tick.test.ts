/**
 * Issue 12, the sender: the tick texts each due person once, on dynalite with the real
 * store and the real local vault. A repeated or overlapping tick never texts twice; an
 * opted-out number is never texted; someone who wrote just now gets no reminder that day;
 * a send that fails is logged for the alarm and not retried into a second text; a number
 * the carrier has as unsubscribed ends the reminder and erases the number, as STOP does.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecipientOptedOutError, type TextSender } from '../../src/channels/sms/outbound.ts';
import type { Reminder } from '../../src/core/reminders/reminder.ts';
import { scheduled } from '../../src/core/reminders/reminder.ts';
import { createLocalContactVault } from '../../src/identity/contact-vault.ts';
import { createLogger } from '../../src/observability/log.ts';
import { runReminderTick } from '../../src/service/reminder-tick.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';

let db: TestDynamo;
let store: DynamoCheckInStore;
const vault = createLocalContactVault(randomBytes(32).toString('hex'));
const SET_AT = '2026-06-01T12:00:00.000Z';

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
});
afterAll(() => db.close());

function recorder(fail = false): TextSender & { sent: Array<{ to: string; text: string }> } {
  const sent: Array<{ to: string; text: string }> = [];
  return {
    sent,
    async send(to, text) {
      if (fail) throw Object.assign(new Error('Twilio said no'), { name: 'RestException' });
      sent.push({ to, text });
    },
  };
}

/** A person with a daily 7pm (New York) reminder and a sealed number. */
async function personWithReminder(phone: string, extra: { optedOut?: boolean } = {}): Promise<string> {
  const userId = randomBytes(32).toString('hex');
  const reminder: Reminder = scheduled(
    {
      plan: { days: [0, 1, 2, 3, 4, 5, 6], start: 19 * 60, end: 19 * 60 + 15 },
      timeZone: 'America/New_York',
      seed: 9,
      consent: { at: SET_AT, terms: 'sms-reminders-1', text: 'consent' },
      unanswered: 0,
    },
    SET_AT,
  );
  await store.commitTurn(userId, 'chat', {
    state: { v: 1, step: 'closed', values: {} },
    expectedVersion: null,
    writes: [
      { type: 'setReminder', reminder },
      { type: 'storeContact', sealed: await vault.seal(userId, phone) },
      ...(extra.optedOut ? [{ type: 'setOptOut' as const, optedOut: true }] : []),
    ],
    now: SET_AT,
  });
  return userId;
}

describe('the reminder tick', () => {
  it('texts a due person once, at their 7pm, however often the tick runs, and the next is tomorrow', async () => {
    // Prepare
    const userId = await personWithReminder('+12125550111');
    const sender = recorder();
    const lines: string[] = [];
    const at = (iso: string) => ({
      store,
      vault,
      sender,
      logger: createLogger((l) => lines.push(l)),
      clock: () => new Date(iso),
      minIntervalMs: 0,
    });

    // Act: before, at, and twice after 7:15pm local (23:15 UTC in June), two at once.
    const early = await runReminderTick(at('2026-06-01T22:30:00.000Z'));
    const [first, second] = await Promise.all([
      runReminderTick(at('2026-06-01T23:20:00.000Z')),
      runReminderTick(at('2026-06-01T23:20:00.000Z')),
    ]);
    const later = await runReminderTick(at('2026-06-01T23:55:00.000Z'));
    const profile = (await store.exportUser(userId)).profile;

    // Assess
    expect(early.sent).toBe(0);
    expect(first.sent + second.sent + later.sent).toBe(1);
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.to).toBe('+12125550111');
    expect(sender.sent[0]?.text).toMatch(/^my check in: /);
    expect(profile?.reminder?.lastSentFor).toBe('2026-06-01');
    expect(profile?.reminder?.unanswered).toBe(1);
    expect(profile?.reminder?.dueAt?.slice(0, 10)).toBe('2026-06-02');
    // No number in any log line.
    expect(lines.join('\n')).not.toContain('5550111');
  });

  it('never texts an opted-out number', async () => {
    await personWithReminder('+12125550122', { optedOut: true });
    const sender = recorder();
    await runReminderTick({
      store,
      vault,
      sender,
      logger: createLogger(() => {}),
      clock: () => new Date('2026-06-01T23:59:00.000Z'),
      minIntervalMs: 0,
    });
    expect(sender.sent.map((s) => s.to)).not.toContain('+12125550122');
  });

  it('logs a failed send for the alarm and does not text again on the next tick', async () => {
    await personWithReminder('+12125550133');
    const lines: string[] = [];
    const failing = recorder(true);
    const working = recorder();
    const deps = (sender: TextSender) => ({
      store,
      vault,
      sender,
      logger: createLogger((l) => lines.push(l)),
      clock: () => new Date('2026-06-02T00:00:00.000Z'),
      minIntervalMs: 0,
    });

    const failed = await runReminderTick(deps(failing));
    await runReminderTick(deps(working));

    expect(failed.failed).toBeGreaterThanOrEqual(1);
    expect(lines.some((l) => l.includes('"event":"reminder-failed"') && l.includes('RestException'))).toBe(
      true,
    );
    expect(working.sent.map((s) => s.to)).not.toContain('+12125550133');
  });
  it('ends the reminder and erases the number when the carrier has the number as opted out', async () => {
    const userId = await personWithReminder('+12125550144');
    const unsubscribed: TextSender = {
      async send() {
        throw new RecipientOptedOutError();
      },
    };
    const lines: string[] = [];
    const result = await runReminderTick({
      store,
      vault,
      sender: unsubscribed,
      logger: createLogger((l) => lines.push(l)),
      clock: () => new Date('2026-06-02T00:00:00.000Z'),
      minIntervalMs: 0,
    });

    expect(result.failed).toBe(0);
    const { Item } = await db.client.send(
      new GetCommand({ TableName: db.tableName, Key: { pk: `USER#${userId}`, sk: 'PROFILE' } }),
    );
    expect(Item?.optedOut).toBe(true);
    expect(Item?.contact).toBeUndefined();
    expect(Item?.reminder).toBeUndefined();
    expect(lines.some((l) => l.includes('"event":"reminder-ended"'))).toBe(true);
    expect(lines.join('\n')).not.toContain('2125550144');
  });
});
