/**
 * A whole relationship by text, end to end on dynalite: first contact, a full check-in,
 * the standalone keywords, a crisis, STOP and START, DELETE and YES. Every reply is checked
 * against carrier limits, and every log line for what must never be in one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { expectCarrierSafe, startSmsHarness } from './sms-harness.ts';

let db: TestDynamo;

beforeAll(async () => {
  db = await startDynalite();
});

afterAll(async () => {
  await db.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** [what the person texts, what the reply must say] */
const SCRIPT: ReadonlyArray<readonly [string, RegExp]> = [
  ['hi', /not for emergencies: call or text 988.*Msg & data rates may apply.*HELP.*What's here right now\?/s],
  ['heavy', /Heavy\. That makes sense.*\n1\) .+\n2\) .+\n3\) .+\nReply 1, 2 or 3\./s],
  ['1', /\?/],
  ['I would tell them to rest', /.+/],
  ['2', /Your goal: .+\..*What set this off today\?/s],
  ['work deadlines', /What did you try\?/],
  ['a walk round the block', /How much did it help\?/],
  ['2', /Noted in your journal\. Only you see it\..*someone you could text today\?.*1\) yes/s],
  ['1', /A small message can mean a lot\..*Thanks for checking in\./s],
  ['GROUND', /five things you can see/i],
  ['GOAL', /Reply 1, 2 or 3, or text your own\./],
  ['text my brother \u{1F49C}', /Your goal: text my brother\./],
  ['DONE', /That counts\./],
  ['GOAL', /Reply 1, 2 or 3, or text your own\./],
  ['3', /Your goal: /],
  ['not yet', /That's okay\./],
  ['SUMMARY', /^For your therapist, from the last 14 days:.*heavy.*work deadlines/s],
  ['HELP', /988.*Texting STOP unsubscribes you/s],
  ['I can\u2019t go on anymore', /Call or text 988.*741741.*911/s],
  ["I'm fine", /988/],
  ['no', /988/],
  ['STOP', /^$/],
  ['are you there?', /^$/],
  ['START', /Welcome back\./],
  ['DELETE', /Reply YES to erase everything/],
  ['YES', /Everything of yours is erased\./],
];

describe('a scripted SMS conversation', () => {
  it('answers every text as expected, each within carrier limits, and leaves nothing after DELETE + YES', async () => {
    // Prepare
    const h = await startSmsHarness({ db, phone: '+14155550111' });

    for (const [text, expected] of SCRIPT) {
      // Act
      const res = await h.send(text);

      // Assess
      expect(res.status, text).toBe(200);
      expect(res.all, `reply to ${JSON.stringify(text)}`).toMatch(expected);
      expectCarrierSafe(res.texts);
    }
    expect(await h.store.countItems(h.userId())).toBe(0);
  });

  it('keeps no phone number and no message text in any log line', async () => {
    // Prepare
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
    const phone = '+14155550122';
    const h = await startSmsHarness({ db, phone });

    // Act
    for (const [text] of SCRIPT) await h.send(text);
    await h.send('unsigned words', { sid: 'SMunsigned' }); // a normal message, for good measure

    // Assess
    const logs = [...h.lines, ...stdout].join('\n');
    expect(h.lines.length).toBeGreaterThan(SCRIPT.length);
    for (const record of h.lines) expect(() => JSON.parse(record)).not.toThrow();
    for (const digits of [phone, phone.slice(1), phone.slice(2), '5550122'])
      expect(logs).not.toContain(digits);
    for (const [text] of SCRIPT.filter(([t]) => t.length > 3)) expect(logs, text).not.toContain(text);
    expect(logs).not.toContain('heavy');
    expect(logs).not.toContain('unsigned words');
    expect(h.lines.some((line) => line.includes(`"user":"${h.userId().slice(0, 12)}"`))).toBe(true);
  });
});

describe('first contact', () => {
  it('welcomes a new number once and records the consent with its time', async () => {
    // Prepare
    const h = await startSmsHarness({ db, phone: '+14155550133' });

    // Act
    const first = await h.send('hello');
    const second = await h.send('hello');

    // Assess
    expect(first.all).toMatch(/not for emergencies: call or text 988/);
    expect(first.all).toMatch(/Msg & data rates may apply/);
    expect(second.all).not.toMatch(/Msg & data rates/);
    const { profile, entries } = await h.store.exportUser(h.userId());
    expect(profile?.consentAt).toBe(entries.find((e) => e.kind === 'consent')?.at);
    expect(entries.filter((e) => e.kind === 'consent')).toEqual([
      expect.objectContaining({ kind: 'consent', terms: 'sms-welcome', channel: 'sms' }),
    ]);
  });

  it('gives a UK number the Samaritans, not 988', async () => {
    const h = await startSmsHarness({ db, phone: '+447700900123' });

    const res = await h.send('hi');

    expect(res.all).toContain('116 123');
    expect(res.all).not.toContain('988');
  });
});

describe('a redelivered message', () => {
  it('gets the same reply and adds nothing to the journal', async () => {
    // Prepare
    const h = await startSmsHarness({ db, phone: '+14155550144' });
    await h.send('hi');
    const before = (await h.store.exportUser(h.userId())).entries.length;

    // Act
    const first = await h.send('heavy', { sid: 'SMredelivered0001' });
    const afterFirst = (await h.store.exportUser(h.userId())).entries.length;
    const again = await h.send('heavy', { sid: 'SMredelivered0001' });
    const afterAgain = (await h.store.exportUser(h.userId())).entries.length;

    // Assess
    expect(again.body).toBe(first.body);
    expect(afterFirst).toBe(before + 1);
    expect(afterAgain).toBe(afterFirst);
  });
});

describe('crisis language', () => {
  it.each([
    'I want to kill myself',
    'kms',
    'everyone would be better off without me',
    'i have been saving up pills',
  ])('as the first text from a new number, "%s" is answered with 988', async (text) => {
    const h = await startSmsHarness({ db, phone: `+1415556${String(1000 + text.length).slice(-4)}` });

    const res = await h.send(text);

    expect(res.all).toMatch(/Call or text 988/);
    expect(res.all).toMatch(/741741/);
    expectCarrierSafe(res.texts);
  });

  it('mid-conversation, even where a goal number is expected, is answered with 988', async () => {
    const h = await startSmsHarness({ db, phone: '+14155550155' });
    await h.send('hi');
    await h.send('GOAL');

    const res = await h.send("I don't want to wake up tomorrow");

    expect(res.all).toMatch(/Call or text 988/);
    expectCarrierSafe(res.texts);
  });

  it('in a message that looks like a command is answered with 988', async () => {
    const h = await startSmsHarness({ db, phone: '+14155550166' });
    await h.send('hi');

    const res = await h.send('STOP i want to die');

    expect(res.all).toMatch(/Call or text 988/);
  });

  it('from an Australian number is answered with Lifeline', async () => {
    const h = await startSmsHarness({ db, phone: '+61412345678' });

    const res = await h.send('I want to end my life');

    expect(res.all).toContain('13 11 14');
    expectCarrierSafe(res.texts);
  });
});

describe('danger now, the grey zone and other languages, by signed SMS', () => {
  it('answers violence at home with 911 first, then the hotline and 988, and logs no user id beside it', async () => {
    const h = await startSmsHarness({ db, phone: '+14155550177' });
    await h.send('hi');

    const res = await h.send("my husband is hitting me and i'm hiding in the bathroom");

    expect(res.all.indexOf('911')).toBeLessThan(res.all.indexOf('1-800-799-7233'));
    expect(res.all).toMatch(/988/);
    expectCarrierSafe(res.texts);
    const id = h.userId();
    for (const line of h.lines.filter((l) => /crisis|danger/.test(l))) expect(line).not.toContain(id);
  });

  it('answers an overdose already taken with 911 and Poison Control', async () => {
    const h = await startSmsHarness({ db, phone: '+14155550188' });

    const res = await h.send('i took all my pills like 20 minutes ago');

    expect(res.all).toMatch(/call 911 now/);
    expect(res.all).toContain('1-800-222-1222');
    expectCarrierSafe(res.texts);
  });

  it('asks the grey-zone question, and carries on after "no" without asking again', async () => {
    const h = await startSmsHarness({ db, phone: '+14155550199' });
    await h.send('hi');

    const asked = await h.send("what's the point");
    const no = await h.send('no');

    expect(asked.all).toMatch(/are you thinking about suicide\? You can call or text 988 any time/);
    expect(no.all).toMatch(/Thank you for telling me/);
    expect(no.all).not.toMatch(/are you thinking about suicide/);
    expectCarrierSafe([...asked.texts, ...no.texts]);
  });

  it('answers Spanish in Spanish, within carrier limits', async () => {
    const h = await startSmsHarness({ db, phone: '+14155550211' });

    const res = await h.send('ya no aguanto, me quiero morir');

    expect(res.all).toMatch(/Llama al 988 y marca 2/);
    expect(res.all).toMatch(/AYUDA al 741741/);
    expectCarrierSafe(res.texts);
  });
});
