/**
 * Issue 14 by text, end to end (signed Twilio requests -> webhook -> turn runner -> core ->
 * dynalite -> TwiML): a plan written with skips and a pause, resumed with PLAN, read back,
 * met after a crisis reply (the crisis reply first and unchanged), in the export, and gone
 * with DELETE. Every reply within carrier limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsTexts } from '../../../src/channels/sms/render-twiml.ts';
import { crisisReply } from '../../../src/core/crisis/crisis-reply.ts';
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
  const phone = `+1415557${String(1000 + ++phoneNumber).slice(-4)}`;
  const h = await startSmsHarness({ db, phone });
  await h.send('hi');
  await h.send('later');
  return h;
}

/** Sends each text in turn, checking every reply is carrier-safe; returns the replies. */
async function texts<T extends string[]>(
  h: SmsHarness,
  ...bodies: T
): Promise<{ [K in keyof T]: SmsExchange }> {
  const replies: SmsExchange[] = [];
  for (const body of bodies) {
    const res = await h.send(body);
    expectCarrierSafe(res.texts);
    replies.push(res);
  }
  return replies as { [K in keyof T]: SmsExchange };
}

describe('the safety plan by text', () => {
  it('is written with skips and a pause, resumed by PLAN, and read back in their own words', async () => {
    // Arrange
    const h = await someone();

    // Act
    const [opened, , , paused, , resumed] = await texts(
      h,
      'PLAN',
      "can't sleep, pulling away from people",
      'skip',
      'later',
      'hi',
      'PLAN',
    );
    await texts(h, "Sam's place, the park", 'my sister Ana', 'skip', 'ask Ana to stay over');
    const [done, shown] = await texts(h, 'my dog Bo', 'PLAN');

    // Assert
    expect(opened.all).toContain('7 short questions; reply SKIP to any.');
    expect(paused.all).toBe('Your plan is saved so far. Text PLAN any time to pick up where you stopped.');
    expect(resumed.all).toContain('Picking up at step 3 of 7.');
    expect(done.all).toContain('Your plan is saved.');
    expect(shown.all).toContain("1) My warning signs: can't sleep, pulling away from people");
    expect(shown.all).toContain("3) People and places that take my mind off things: Sam's place, the park");
    expect(shown.all).toContain('7) My reason for living: my dog Bo');
    expect(shown.all).not.toMatch(/^2\)|\n2\)| 2\) /);
    await h.close();
  });

  it('after a crisis reply, first and unchanged, offers the plan; YES shows its first steps; it is in the export and goes with DELETE', async () => {
    // Arrange
    const h = await someone();
    await texts(
      h,
      'make a safety plan',
      'racing thoughts',
      'a long shower',
      'skip',
      'my sister Ana',
      'later',
    );
    const unchanged = smsTexts(crisisReply({ region: 'US', modality: 'text', negated: false }));

    // Act
    const [crisis, yes] = await texts(h, 'i want to die', 'yes');
    const exported = await h.store.exportUser(h.userId());
    await texts(h, 'DELETE', 'YES');

    // Assert
    expect(crisis.texts[0]).toBe(unchanged[0]);
    expect(crisis.texts.at(-1)).toBe('You made a plan. Want to see it? Reply YES.');
    expect(yes.all).toContain('From your plan:');
    expect(yes.all).toContain('2) Things I can do on my own: a long shower');
    expect(yes.all).toContain('4) People I can ask for help: my sister Ana');
    expect(yes.all).not.toContain('racing thoughts');
    expect(yes.all).toContain('Call or text 988');
    expect(exported.profile?.safetyPlan?.items.onMyOwn).toEqual({ typed: 'a long shower' });
    expect(await h.store.countItems(h.userId())).toBe(0);
    await h.close();
  });

  it('CHANGE 2 rewrites a step and DELETE PLAN, after YES, deletes only the plan', async () => {
    // Arrange
    const h = await someone();
    await texts(h, 'PLAN', 'skip', 'music');

    // Act
    const [, changed] = await texts(h, 'change step 2', 'a walk with the dog');
    const afterChange = await h.store.exportUser(h.userId());
    // Typed plainly, it is the product's own command, never the crisis reply.
    const [askedPlainly, kept] = await texts(h, 'i want to delete my plan', 'NO');
    const [asked, deleted] = await texts(h, 'DELETE PLAN', 'YES');
    const afterDelete = await h.store.exportUser(h.userId());

    // Assert
    expect(changed.all).toBe('Step 2 is updated.');
    expect(afterChange.profile?.safetyPlan?.items.onMyOwn).toEqual({ typed: 'a walk with the dog' });
    expect(asked.all).toContain('Delete your whole safety plan?');
    expect(askedPlainly.all).toBe(asked.all);
    expect(kept.all).not.toContain('988');
    expect(deleted.all).toBe('Your safety plan is deleted.');
    expect(afterDelete.profile?.safetyPlan).toBeUndefined();
    expect(afterDelete.profile?.consentAt).toBeDefined();
    await h.close();
  });
});
