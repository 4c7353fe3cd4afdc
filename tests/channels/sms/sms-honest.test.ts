/**
 * Issue 10, items 5, 6 and 8 by SMS, end to end (signed webhook -> turn runner -> core ->
 * dynalite -> TwiML): no opt-out word offered, honest answers about the service, and requests
 * in ordinary words. Every reply stays within carrier limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../../../src/core/content/service.ts';
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

async function newPerson(): Promise<SmsHarness> {
  return startSmsHarness({ db, phone: `+1415556${String(1000 + ++phoneNumber).slice(-4)}` });
}

const OPT_OUT_WORD = /\b(?:stop ?all|stop|unsubscribe|cancel|end|quit|revoke|opt[ -]?out)\b/i;
const named = (text: string) =>
  OPT_OUT_WORD.exec(
    text.split(service.optOutExplained).join(' | ').split(service.optOutDisclosure).join(' | '),
  )?.[0];

/** Sends each text, checks carrier limits and that no opt-out word is offered; returns the replies. */
async function texts(h: SmsHarness, lines: readonly string[]): Promise<string[]> {
  const replies: string[] = [];
  for (const line of lines) {
    const res = await h.send(line);
    expect(res.status).toBe(200);
    expectCarrierSafe(res.texts);
    expect(named(res.all), `${line} -> ${res.all}`).toBeUndefined();
    replies.push(res.all);
  }
  return replies;
}

describe('SMS: no opt-out word as a prompt', () => {
  it('offers LATER after an exercise, and LATER closes without unsubscribing', async () => {
    // Prepare
    const h = await newPerson();

    // Act
    const [welcome, , , stopped, close, again] = await texts(h, [
      'hi',
      'wired',
      'ok',
      'later',
      'later',
      'hi',
    ]);

    // Assess: "later" stops the exercise, then closes at the question after it.
    expect(welcome).toMatch(/Reply HELP for help, STOP to opt out\./);
    expect(stopped).toMatch(/Reply OK when you're ready for one small goal, or LATER to leave it there\.$/);
    expect(close).toBe("Take care. I'm here any time.");
    expect(again).toMatch(/What's here right now\?/);
    expect((await h.store.exportUser(h.userId())).profile?.optedOut).not.toBe(true);
  });

  it('explains in HELP that STOP unsubscribes and START comes back, and both still work', async () => {
    const h = await newPerson();
    const [, help] = await texts(h, ['hi', 'HELP']);
    expect(help).toMatch(/988/);
    expect(help).toContain('Texting STOP unsubscribes you from this number; texting START brings you back.');

    expect((await h.send('STOP')).texts).toEqual([]);
    expect((await h.send('hi')).texts).toEqual([]);
    expect((await h.send('START')).all).toMatch(/^Welcome back\./);
  });
});

describe('SMS: honest about itself', () => {
  it('says it is automated on first contact and answers what people ask about it, keeping their place', async () => {
    // Prepare
    const h = await newPerson();

    // Act
    const [welcome, bot, heavy, privacy, therapist, remove, can, noted] = await texts(h, [
      'hi',
      'are you a real person?',
      'heavy',
      'who sees this?',
      'can you tell my therapist for me?',
      'how do I delete my data',
      'what can you do?',
      'skip',
    ]);

    // Assess
    expect(welcome).toMatch(
      /^Hi, this is my check in: .*It's automated, not a person, and not for emergencies: call or text 988\./s,
    );
    expect(bot).toMatch(/^No, I'm not a person\. .*call or text 988\..*What's here right now\?/s);
    expect(heavy).toMatch(/^Heavy\./);
    expect(privacy).toMatch(
      /Nobody is sent it, not your therapist either.*Want to try something for a minute\?/s,
    );
    expect(therapist).toMatch(
      /^I can't contact your therapist, and nothing is sent to them\. You can show them your summary: text SUMMARY/,
    );
    expect(remove).toMatch(/^Text DELETE\. I'll ask you to reply YES first/);
    expect(can).toMatch(/^I'm an automated check-in for the days between therapy sessions/);
    expect(noted).toMatch(/Let's pick one small thing for today\./);
    // Only the feeling and the welcome were kept: no question became a journal entry.
    const kinds = (await h.store.exportUser(h.userId())).entries.map((e) => e.kind);
    expect(kinds).toEqual(['consent', 'feeling']);
  });

  it("notes the journal as the person's own", async () => {
    const h = await newPerson();
    const replies = await texts(h, ['hi', 'heavy', '3', '1', 'work', 'a walk', '2']);
    expect(replies.at(-1)).toMatch(/Noted in your journal\. Only you see it\./);
    expect(replies.join('\n')).not.toMatch(/for your therapist\?|Noted for your therapist/);
  });
});

describe('SMS: requests in ordinary words', () => {
  it.each<[string, RegExp]>([
    ['grounding please', /five things you can see/],
    ['help me breathe', /three slow breaths/],
    ['i need to calm down', /five things you can see/],
    ['give me a goal', /Let's pick one small thing for today\.\n1\) /],
    ['be kind to me', /what would you say to them\?/],
    ['what do I say to my therapist', /For your therapist, from the last 14 days:.*heavy/s],
    ['can we stop', /^Take care\. I'm here any time\.$/],
  ])('"%s" mid check-in', async (words, meets) => {
    const h = await newPerson();
    const [, , reply] = await texts(h, ['hi', 'heavy', words]);
    expect(reply).toMatch(meets);
  });
});
