/**
 * Exactly once, on real tables: however often and however concurrently Twilio delivers one
 * MessageSid, its effects happen once and every delivery gets the same reply; a redelivery
 * after an erase brings no one back. Run on dynalite, and on Amazon's DynamoDB Local (which
 * has transactions, as AWS does) where Java is found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { javaAvailable, startDynamoDbLocal } from '../../helpers/dynamodb-local.ts';
import { startSmsHarness } from './sms-harness.ts';

const SINCE = '2000-01-01T00:00:00.000Z';
let phones = 0;
const newPhone = () => `+1415555${String(2000 + phones++).padStart(4, '0')}`;

describe('exactly once on dynalite', () => {
  let db: TestDynamo;
  beforeAll(async () => {
    db = await startDynalite();
  });
  afterAll(async () => {
    await db?.close();
  });
  exactlyOnce(() => db);
});

// Registered only where Java runs: no skipped tests, and a machine without Java still runs
// the same promises on dynalite.
if (javaAvailable()) {
  describe('exactly once on DynamoDB Local', () => {
    let db: TestDynamo;
    beforeAll(async () => {
      db = await startDynamoDbLocal();
    });
    afterAll(async () => {
      await db?.close();
    });
    exactlyOnce(() => db);
  });
}

function exactlyOnce(database: () => TestDynamo): void {
  it('keeps one journal entry, and sends one reply, for one message delivered five times at once', async () => {
    // Prepare
    const h = await startSmsHarness({ db: database(), phone: newPhone() });
    await h.send('hi');

    // Act
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => h.send('heavy', { sid: 'SMfive' })));

    // Assess
    const entries = await h.store.entriesSince(h.userId(), SINCE);
    expect(entries.filter((e) => e.kind === 'feeling')).toHaveLength(1);
    expect(new Set(deliveries.map((d) => d.body)).size).toBe(1);
    expect(deliveries[0]?.all).toMatch(/^Heavy\./);
  });

  it('answers a redelivery later with the same reply and moves nothing on', async () => {
    const h = await startSmsHarness({ db: database(), phone: newPhone() });
    await h.send('hi');
    const first = await h.send('heavy', { sid: 'SMlater' });

    const again = await h.send('heavy', { sid: 'SMlater' });
    const next = await h.send('1');

    expect(again.body).toBe(first.body);
    expect((await h.store.entriesSince(h.userId(), SINCE)).filter((e) => e.kind === 'feeling')).toHaveLength(
      1,
    );
    // The conversation is where the first delivery left it: "1" picks the first tool offered.
    expect(next.all).toMatch(/\?/);
  });

  it('leaves zero items when a YES or a first message is redelivered after erasing', async () => {
    // Prepare: a first contact, a feeling, then DELETE and YES.
    const h = await startSmsHarness({ db: database(), phone: newPhone() });
    await h.send('hi', { sid: 'SMfirst' });
    await h.send('heavy', { sid: 'SMheavy' });
    await h.send('DELETE', { sid: 'SMdelete' });
    const erased = await h.send('YES', { sid: 'SMyes' });

    // Act
    const yesAgain = await h.send('YES', { sid: 'SMyes' });
    const heavyAgain = await h.send('heavy', { sid: 'SMheavy' });

    // Assess
    expect(erased.all).toMatch(/Everything of yours is erased\./);
    expect(yesAgain.body).toBe(erased.body);
    expect(heavyAgain.texts).toEqual([]);
    expect(await h.store.countItems(h.userId())).toBe(0);
  });

  it('keeps no entry of an attempt that lost the race, for two different messages at once', async () => {
    // Prepare
    const h = await startSmsHarness({ db: database(), phone: newPhone() });
    await h.send('hi');

    // Act: two feelings sent at the same moment; one turn is re-applied on top of the other.
    const answers = await Promise.all([h.send('heavy'), h.send('tired')]);

    // Assess: the second turn, re-applied after the first named a feeling, is read at the
    // next step (the tool menu), where it names none; its first attempt, which did, left
    // nothing behind. Before, both feelings stayed although only one was answered as one.
    const feelings = (await h.store.entriesSince(h.userId(), SINCE)).filter((e) => e.kind === 'feeling');
    expect(feelings).toHaveLength(1);
    expect(answers.filter((a) => /^(Heavy|Tired)\./.test(a.all))).toHaveLength(1);
  });
}
