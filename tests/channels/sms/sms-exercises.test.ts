/**
 * GROUND and BREATHE as texted, end to end (signed webhook -> turn runner -> core ->
 * dynalite -> TwiML): one sense or one breath a text, each sent when the person replies,
 * stopping at any point, no praise before anything could be done, every text inside the
 * carrier limits, and no opt-out word offered as the answer.
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

async function newPhone(): Promise<SmsHarness> {
  const phone = `+1415556${String(1000 + ++phoneNumber).slice(-4)}`;
  return startSmsHarness({ db, phone });
}

/** A person already welcomed, between check-ins, so each test starts mid-relationship. */
async function someone(): Promise<SmsHarness> {
  const h = await newPhone();
  await h.send('hi');
  await h.send('bye');
  return h;
}

const SENSES = ['see', 'touch', 'hear', 'smell', 'taste'];
const PRAISE = /you did (that|it)|well done|good job|great job/i;
/** Twilio's and the carriers' opt-out words: texting one of these unsubscribes. */
const OPT_OUT_WORD = /\b(stop|stopall|cancel|quit|end|unsubscribe|revoke|optout)\b/i;

describe('GROUND by text', () => {
  it('sends one sense a text, each when the person replies, and closes after the last', async () => {
    // Prepare
    const h = await someone();

    // Act
    const replies = [await h.send('GROUND')];
    for (const reply of ['ok', 'a lamp, my hands, the fridge hum', 'yep', 'coffee'])
      replies.push(await h.send(reply));
    const after = await h.send('ok');

    // Assess
    replies.forEach((res, i) => {
      expectCarrierSafe(res.texts);
      expect(res.texts).toHaveLength(1);
      const heard = SENSES.filter((sense) => new RegExp(`\\b${sense}\\b`, 'i').test(res.all));
      expect(heard, res.all).toEqual([SENSES[i]]);
      expect(res.all).not.toMatch(PRAISE);
      expect(res.all).not.toMatch(OPT_OUT_WORD);
    });
    expect(replies[0]?.all).toMatch(/Reply anything for the next one, or DONE to leave it there\./);
    expect(replies[4]?.all).toMatch(/Take your time; reply when you're done\./);
    expect(after.all).toBe("You're here, right now. Take care. I'm here any time.");
    const tools = (await h.store.exportUser(h.userId())).entries.filter((e) => e.kind === 'tool');
    expect(tools).toEqual([expect.objectContaining({ tool: 'grounding' })]);
  });

  it.each(['done', 'later', 'LATER'])(
    'stops at "%s" part way, and a later "hi" starts afresh',
    async (word) => {
      // Prepare
      const h = await someone();
      await h.send('GROUND');
      await h.send('ok');

      // Act
      const stopped = await h.send(word);
      const hi = await h.send('hi');

      // Assess
      expect(stopped.all).toBe(
        "That's okay, we can leave it there. Text GROUND any time to come back to it. Take care. I'm here any time.",
      );
      expectCarrierSafe(stopped.texts);
      expect(hi.all).toMatch(/What's here right now\?/);
    },
  );

  it('"done for now" ends it, and the person is still subscribed', async () => {
    // Prepare
    const h = await someone();
    await h.send('GROUND');

    // Act
    const stopped = await h.send('done for now');
    const back = await h.send('GROUND');

    // Assess
    expect(stopped.all).toBe("Take care. I'm here any time.");
    expect(back.all).toMatch(/five things you can see/i);
    expect((await h.store.exportUser(h.userId())).profile?.optedOut).not.toBe(true);
  });

  it('fits the first contact too: welcome and first sense within the carrier limits', async () => {
    // Prepare
    const h = await newPhone();

    // Act
    const res = await h.send('GROUND');

    // Assess
    expectCarrierSafe(res.texts);
    expect(res.all).toMatch(/not for emergencies/);
    expect(res.all).toMatch(/five things you can see/i);
    expect(res.all).not.toMatch(/touch/i);
  });

  it('answers crisis language in the middle of the exercise with 988, not the next sense', async () => {
    // Prepare
    const h = await someone();
    await h.send('GROUND');
    await h.send('ok');

    // Act
    const res = await h.send("i can't do this, i want to die");

    // Assess
    expect(res.all).toMatch(/988/);
    expect(res.all).not.toMatch(/things you can hear/i);
    expectCarrierSafe(res.texts);
  });
});

describe('BREATHE by text', () => {
  it('sends one breath a text, three in all, then notices how they feel', async () => {
    // Prepare
    const h = await someone();

    // Act
    const breaths = [await h.send('BREATHE'), await h.send('ok'), await h.send('ok')];
    const after = await h.send('ok');

    // Assess
    for (const res of breaths) {
      expectCarrierSafe(res.texts);
      expect(res.texts).toHaveLength(1);
      expect(res.all.match(/for four/gi)).toHaveLength(2); // in for four, hold for four
      expect(res.all.match(/for six/gi)).toHaveLength(1);
      expect(res.all).not.toMatch(PRAISE);
      expect(res.all).not.toMatch(OPT_OUT_WORD);
    }
    expect(after.all).toBe("Notice how you feel now. Take care. I'm here any time.");
  });
});

describe('an exercise inside a check-in, by text', () => {
  it('goes on to one small goal when finished, and "later" after stopping closes kindly', async () => {
    // Prepare
    const h = await someone();
    await h.send('hi');
    await h.send('on edge');

    // Act
    const first = await h.send('1');
    const stopped = await h.send('done');
    const later = await h.send('later');

    // Assess
    expect(first.all).toMatch(/five things you can see/i);
    expect(stopped.all).toBe(
      "That's okay, we can leave it there. Reply OK when you're ready for one small goal, or LATER to leave it there.",
    );
    expect(later.all).toBe("Take care. I'm here any time.");
    for (const res of [first, stopped, later]) expectCarrierSafe(res.texts);
  });
});
