/**
 * The words people text, end to end: signed webhook -> turn runner -> core -> DynamoDB
 * (dynalite) -> TwiML. The channel passes every body through; these tests check what the
 * person gets back and what is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { expectCarrierSafe, type SmsHarness, startSmsHarness } from './sms-harness.ts';

let db: TestDynamo;
let phoneNumber = 0;

beforeAll(async () => {
  db = await startDynalite();
});

afterAll(async () => {
  await db.close();
});

/** A new person, already welcomed, so each test starts mid-relationship. */
async function someone(): Promise<SmsHarness> {
  const phone = `+1415555${String(1000 + ++phoneNumber).slice(-4)}`;
  const h = await startSmsHarness({ db, phone });
  await h.send('hi');
  return h;
}

async function entries(h: SmsHarness) {
  return (await h.store.exportUser(h.userId())).entries;
}

describe('SMS keywords', () => {
  it.each(['HI', 'Hello', 'checkin', 'hi!'])('%s begins a check-in', async (word) => {
    const h = await someone();

    const res = await h.send(word);

    expect(res.all).toMatch(/What's here right now\? A word is enough\./);
    expectCarrierSafe(res.texts);
  });

  it('GOAL offers three numbered micro-goals and how to answer', async () => {
    const h = await someone();

    const res = await h.send('GOAL');

    expect(res.texts).toHaveLength(1);
    expect(res.all).toMatch(/\n1\) .+\n2\) .+\n3\) .+\nReply 1, 2 or 3, or text your own\.$/);
    expectCarrierSafe(res.texts);
  });

  it.each(['1', '2', '3'])('GOAL then %s keeps that goal', async (pick) => {
    // Prepare
    const h = await someone();
    const offer = await h.send('GOAL');
    const label = offer.all.match(new RegExp(`\\n${pick}\\) (.+)\\n`))?.[1];

    // Act
    const res = await h.send(pick);

    // Assess
    expect(res.all).toContain(`Your goal: ${label}.`);
    const goals = (await entries(h)).filter((e) => e.kind === 'goal');
    expect(goals).toHaveLength(1);
    expect((await h.store.exportUser(h.userId())).profile?.openGoal).toBeDefined();
  });

  it('GOAL then own words keeps those words as the goal', async () => {
    const h = await someone();
    await h.send('goal');

    const res = await h.send('call my sister');

    expect(res.all).toContain('Your goal: call my sister.');
    const goals = (await entries(h)).filter((e) => e.kind === 'goal');
    expect(goals).toEqual([expect.objectContaining({ kind: 'goal', goal: { text: 'call my sister' } })]);
  });

  it('GROUND sends a short grounding exercise in one or two texts', async () => {
    const h = await someone();

    const res = await h.send('GROUND');

    expect(res.texts.length).toBeGreaterThanOrEqual(1);
    expect(res.texts.length).toBeLessThanOrEqual(2);
    expect(res.all).toMatch(/five things you can see/i);
    expectCarrierSafe(res.texts);
    expect((await entries(h)).some((e) => e.kind === 'tool' && e.tool === 'grounding')).toBe(true);
  });

  it('DONE records the open goal as done', async () => {
    const h = await someone();
    await h.send('GOAL');
    await h.send('1');
    await h.send('bye');

    const res = await h.send('DONE');

    expect(res.all).toMatch(/That counts\./);
    expect((await entries(h)).filter((e) => e.kind === 'outcome')).toEqual([
      expect.objectContaining({ outcome: 'done' }),
    ]);
    expect((await h.store.exportUser(h.userId())).profile?.openGoal).toBeUndefined();
  });

  it('NOT YET records the open goal as not yet, kindly', async () => {
    const h = await someone();
    await h.send('GOAL');
    await h.send('2');
    await h.send('bye');

    const res = await h.send('not yet');

    expect(res.all).toMatch(/That's okay\./);
    expect((await entries(h)).filter((e) => e.kind === 'outcome')).toEqual([
      expect.objectContaining({ outcome: 'not-yet' }),
    ]);
  });

  it('SUMMARY tells what to bring to the therapist', async () => {
    const h = await someone();
    await h.send('heavy');
    await h.send('GOAL');
    await h.send('call my sister');

    const res = await h.send('SUMMARY');

    expect(res.all).toMatch(/^For your therapist, from the last 14 days:/);
    expect(res.all).toContain('heavy');
    expect(res.all).toContain('call my sister');
    expectCarrierSafe(res.texts);
  });

  it.each(['HELP', 'info', 'Help.'])(
    '%s says what this number does, 988 and how to opt out',
    async (word) => {
      const h = await someone();

      const res = await h.send(word);

      expect(res.all).toContain('988');
      expect(res.all).toMatch(/automated check-in/);
      expect(res.all).toMatch(
        /Texting STOP unsubscribes you from this number; texting START brings you back\./,
      );
      expectCarrierSafe(res.texts);
    },
  );

  it.each(['STOP', 'stopall', 'UNSUBSCRIBE', 'cancel', 'END', 'quit', 'Stop.'])(
    '%s sends empty TwiML and records the opt-out',
    async (word) => {
      const h = await someone();

      const res = await h.send(word);

      expect(res.status).toBe(200);
      expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
      expect((await h.store.exportUser(h.userId())).profile?.optedOut).toBe(true);
    },
  );

  it('"please stop" inside a sentence is ordinary text, not an opt-out', async () => {
    const h = await someone();

    const res = await h.send('please stop texting me so much');

    expect(res.texts.length).toBeGreaterThan(0);
    expect((await h.store.exportUser(h.userId())).profile?.optedOut).not.toBe(true);
  });

  it('START after STOP opts back in and begins a check-in', async () => {
    const h = await someone();
    await h.send('STOP');

    const res = await h.send('START');

    expect(res.all).toMatch(/Welcome back/);
    expect(res.all).toMatch(/What's here right now\?/);
    expect((await h.store.exportUser(h.userId())).profile?.optedOut).toBe(false);
  });

  it('DELETE asks for YES, and YES erases every item of that person', async () => {
    // Prepare
    const h = await someone();
    await h.send('heavy');
    await h.send('GOAL');
    await h.send('1');
    expect(await h.store.countItems(h.userId())).toBeGreaterThan(0);

    // Act
    const ask = await h.send('DELETE');
    const erase = await h.send('YES');

    // Assess
    expect(ask.all).toContain('Reply YES to erase everything');
    expect(erase.all).toMatch(/Everything of yours is erased/);
    expect(await h.store.countItems(h.userId())).toBe(0);
  });

  it('DELETE then anything but YES keeps everything', async () => {
    const h = await someone();
    await h.send('heavy');
    const before = await h.store.countItems(h.userId());

    await h.send('DELETE');
    const res = await h.send('no');

    expect(res.all).toMatch(/nothing was erased/);
    expect(await h.store.countItems(h.userId())).toBeGreaterThanOrEqual(before);
  });

  it('tolerates a common typo in a keyword', async () => {
    const h = await someone();

    const res = await h.send('summry');

    expect(res.all).toMatch(/in your journal from the last 14 days/);
  });
});
