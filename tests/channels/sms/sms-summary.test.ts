/**
 * The summary by text, end to end (signed webhook -> turn runner -> core -> dynalite ->
 * TwiML): a long journal arrives in pages within carrier limits, no text cuts a sentence,
 * MORE gives the rest and SUMMARY starts again from the first page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { expectCarrierSafe, type SmsExchange, type SmsHarness, startSmsHarness } from './sms-harness.ts';

let db: TestDynamo;
let phoneNumber = 0;

beforeAll(async () => {
  db = await startDynalite();
});

afterAll(async () => {
  await db.close();
});

async function someone(): Promise<SmsHarness> {
  const phone = `+1415556${String(1000 + ++phoneNumber).slice(-4)}`;
  const h = await startSmsHarness({ db, phone });
  await h.send('hi');
  return h;
}

/** One check-in with a journal in the person's own long words. */
async function checkIn(h: SmsHarness, feeling: string, trigger: string, tried: string, helped: string) {
  const opening = await h.send('hi');
  if (/Did it happen\?/.test(opening.all)) await h.send('done');
  await h.send(feeling);
  await h.send('3');
  await h.send('1');
  await h.send(trigger);
  await h.send(tried);
  await h.send(helped);
}

/** Every text ends a sentence (or the opening line): none stops mid-sentence. */
function expectWholeSentences(res: SmsExchange): void {
  for (const text of res.texts) expect(text, text).toMatch(/[.:?!]$/);
}

describe('SUMMARY by text', () => {
  it('a long journal comes in pages within carrier limits, none cutting a sentence, MORE for the rest', async () => {
    const h = await someone();
    // An event reads "after ...", anything else "about ...".
    const days = [
      [
        'heavy',
        'an argument with my partner about money and whose turn it was to call the landlord back',
        'after',
      ],
      [
        'anxious',
        'my manager moving the deadline up by a week after I had already said I was at capacity',
        'about',
      ],
      ['tired', 'not sleeping because the neighbours had a party until three in the morning again', 'about'],
      [
        'overwhelmed',
        'three assignments due on the same day and my laptop deciding to update itself',
        'about',
      ],
    ] as const;
    const tried =
      'I went for a long walk by the river with my headphones on and called my sister on the way back';
    for (const [feeling, trigger] of days) await checkIn(h, feeling, trigger, tried, '3');

    const first = await h.send('SUMMARY');
    const pages = [first];
    while (/Reply MORE for the rest\.$/.test(pages.at(-1)?.all ?? '') && pages.length < 5) {
      pages.push(await h.send('MORE'));
    }
    const afterAll = await h.send('more');
    const again = await h.send('Summary');

    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expectCarrierSafe(page.texts);
      expectWholeSentences(page);
      expect(page.all).not.toContain('Reply SUMMARY to see it again.');
    }
    expect(first.texts[0]).toMatch(
      /^For your therapist, from the last 14 days:\nThu Mar 12: heavy, after an argument/,
    );
    expect(pages[1]?.texts[0]).toMatch(/^For your therapist, continued:\n/);
    expect(pages.at(-1)?.all).toMatch(/Bring whatever feels most important\.$/);
    const everything = pages.map((p) => p.all).join('\n');
    for (const [feeling, trigger, link] of days)
      expect(everything).toContain(`${feeling}, ${link} ${trigger};`);
    expect(everything.split(`${tried}, and it helped a lot.`)).toHaveLength(days.length + 1);
    expect(afterAll.all).toBe("That's the whole summary. Reply SUMMARY to see it again from the start.");
    expect(again.all).toBe(first.all);
  });

  it('never lists a journal non-answer as what helped, and says nothing of goals when there were none', async () => {
    const h = await someone();
    await h.send('heavy');
    await h.send('bye');
    await h.send('hi');
    await h.send('drained');
    await h.send('3');
    await h.send('skip');
    // The journal's non-answers, as older journals kept them: "What helped: nothing (a little)".
    await h.send('none of those');
    await h.send('nothing');
    await h.send('1');

    const res = await h.send('SUMMARY');

    expectCarrierSafe(res.texts);
    expect(res.all).toMatch(/^For your therapist, from the last 14 days:\nThu Mar 12: heavy and drained\./);
    expect(res.all).not.toMatch(/helped|nothing|none|goal|0 done|not yet/i);
  });
});
