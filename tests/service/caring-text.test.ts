/**
 * Issue 14, the caring text: after a crisis reply, at the calmer close of the episode, "Can I
 * text you tomorrow just to check in? Reply YES or NO"; on YES one short text the next day
 * between 10 and 11 their time, sent by the reminder tick, never twice, never after NO or
 * STOP, saying nothing of what was said; a reply to it goes through the crisis gate. Signed
 * texts into the real webhook, the real turn runner with the local vault, dynalite.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextSender } from '../../src/channels/sms/outbound.ts';
import { createLocalContactVault } from '../../src/identity/contact-vault.ts';
import { createLogger } from '../../src/observability/log.ts';
import { runReminderTick } from '../../src/service/reminder-tick.ts';
import { createTurnRunner } from '../../src/service/turn-runner.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { expectCarrierSafe, type SmsHarness, startSmsHarness } from '../channels/sms/sms-harness.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';

let db: TestDynamo;
let store: DynamoCheckInStore;
const vault = createLocalContactVault(randomBytes(32).toString('hex'));
let phoneNumber = 0;

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
});
afterAll(() => db.close());

/** Tue Dec 1 2026, 9pm in New York. */
const START = Date.parse('2026-12-02T02:00:00.000Z');

interface Person {
  h: SmsHarness;
  text(body: string): Promise<string>;
  /** Moves their clock (the turns' and the tick's) on by hours. */
  advance(hours: number): void;
  tick(): Promise<Array<{ to: string; text: string; at: string }>>;
  sent: Array<{ to: string; text: string; at: string }>;
  /** Every log line the turns and the tick wrote. */
  logged: string[];
}

/** Someone in New York (212) who has texted before. */
async function someone(): Promise<Person> {
  let now = START;
  const clock = () => new Date(now);
  const logged: string[] = [];
  const logger = createLogger((line) => logged.push(line));
  const runTurn = createTurnRunner({ store, logger, clock, vault, budgetMs: 10_000 });
  const phone = `+1212555${String(2000 + ++phoneNumber).slice(-4)}`;
  const h = await startSmsHarness({ db, phone, deps: { runTurn } });
  const sent: Person['sent'] = [];
  const sender: TextSender = {
    async send(to, text) {
      sent.push({ to, text, at: clock().toISOString() });
    },
  };
  const person: Person = {
    h,
    sent,
    logged,
    async text(body) {
      now += 60_000;
      const res = await h.send(body);
      expectCarrierSafe(res.texts);
      return res.all;
    },
    advance(hours) {
      now += hours * 3_600_000;
    },
    async tick() {
      const before = sent.length;
      await runReminderTick({ store, vault, sender, logger, clock, minIntervalMs: 0 });
      return sent.slice(before);
    },
  };
  await person.text('hi');
  await person.text('later');
  return person;
}

/** A crisis reply, then "I'm ok", then no to keeping going: the calm close of the episode. */
async function crisisThenClose(p: Person): Promise<string> {
  await p.text('i want to die');
  await p.text("i'm ok");
  return p.text('no');
}

/** Hours from now until the tick sends, walking an hour at a time (every half hour; the tick runs every five minutes). */
async function walk(p: Person, hours: number): Promise<Array<{ to: string; text: string; at: string }>> {
  const sent: Array<{ to: string; text: string; at: string }> = [];
  for (let i = 0; i < hours * 2; i++) {
    p.advance(0.5);
    sent.push(...(await p.tick()));
  }
  return sent;
}

const newYorkHour = (iso: string): number =>
  Number(
    new Intl.DateTimeFormat('en-US', {
      hour: 'numeric',
      hourCycle: 'h23',
      timeZone: 'America/New_York',
    }).format(new Date(iso)),
  );

describe('the caring text after a crisis reply', () => {
  it('asks once at the calm close, and on YES texts once the next day between 10 and 11 their time', async () => {
    // Arrange
    const p = await someone();

    // Act
    const asked = await crisisThenClose(p);
    const yes = await p.text('YES');
    const tonight = await walk(p, 6);
    const tomorrow = await walk(p, 20);
    const exported = await store.exportUser(p.h.userId());

    // Assert
    expect(asked).toBe(
      'Take care of yourself. Any time, day or night, call or text 988. Can I text you tomorrow just to check in? Reply YES or NO',
    );
    expect(yes).toBe("Okay. I'll text you once tomorrow. Take care until then.");
    expect(tonight).toEqual([]);
    expect(tomorrow.map((s) => s.text)).toEqual([
      'my check in: Thinking of you today. No need to reply. 988 is there any time, by call or text.',
    ]);
    expect(tomorrow[0]?.to).toBe(p.h.phone);
    const hour = newYorkHour(tomorrow[0]?.at ?? '');
    expect(hour).toBeGreaterThanOrEqual(10);
    expect(hour).toBeLessThanOrEqual(11);
    // Kept for this one text only: the number goes once it is sent (no reminder needs it).
    expect(exported.profile?.hasContact).toBeUndefined();
    expect(exported.profile?.caringText?.sentAt).toBe(tomorrow[0]?.at);
    // A caring text follows a crisis reply: its log lines name no one, and no number.
    const caringLines = p.logged.filter((l) => l.includes('caring-text'));
    expect(caringLines.some((l) => l.includes('"event":"reminder-sent"'))).toBe(true);
    for (const line of caringLines) expect(JSON.parse(line).user, line).toBeUndefined();
    expect(p.logged.join('\n')).not.toContain(p.h.phone.slice(2));
    await p.h.close();
  });

  it('never texts after NO, and does not ask again', async () => {
    // Arrange
    const p = await someone();

    // Act
    await crisisThenClose(p);
    const no = await p.text('NO');
    const sent = await walk(p, 30);
    const again = await crisisThenClose(p);

    // Assert
    expect(no).toBe("That's okay, I won't.");
    expect(sent).toEqual([]);
    expect(again).toBe('Take care of yourself. Any time, day or night, call or text 988.');
    expect((await store.exportUser(p.h.userId())).profile?.hasContact).toBeUndefined();
    await p.h.close();
  });

  it('never texts after STOP, even after a YES', async () => {
    // Arrange
    const p = await someone();

    // Act
    await crisisThenClose(p);
    await p.text('YES');
    await p.text('STOP');
    const sent = await walk(p, 30);

    // Assert
    expect(sent).toEqual([]);
    await p.h.close();
  });

  it('is not asked with the crisis reply, nor after a danger-now reply', async () => {
    // Arrange
    const p = await someone();

    // Act
    const crisis = await p.text('i want to die');
    await p.text('my partner is hitting me');
    await p.text("i'm ok");
    const closed = await p.text('no');

    // Assert
    expect(crisis).not.toContain('Can I text you tomorrow');
    expect(closed).not.toContain('Can I text you tomorrow');
    await p.h.close();
  });

  it('sends at most one text an episode, and an answer to it meets the crisis gate like any text', async () => {
    // Arrange
    const p = await someone();
    await crisisThenClose(p);
    await p.text('YES');

    // Act
    const first = await walk(p, 30);
    const more = await walk(p, 30);
    const reply = await p.text('thanks. honestly i still want to die');

    // Assert
    expect(first).toHaveLength(1);
    expect(more).toEqual([]);
    expect(reply).toContain('Call or text 988');
    await p.h.close();
  });
});
