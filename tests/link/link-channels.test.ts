/**
 * Linking Alexa and a phone (issue 13), as a person meets it: an emulated Echo (virtual-alexa
 * through our interaction model) and signed Twilio texts into the real webhook, both on one
 * dynalite table and one turn runner (one clock), so a code made on one side is redeemed on
 * the other exactly as it would be deployed.
 */

import { randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSkill } from '../../src/channels/alexa/skill.ts';
import type { JournalEntry } from '../../src/core/types.ts';
import { createLocalContactVault } from '../../src/identity/contact-vault.ts';
import { createOutbox } from '../../src/local/outbox.ts';
import { silentLogger } from '../../src/observability/log.ts';
import { createCrisisTexter, createPhoneTexter } from '../../src/service/crisis-text.ts';
import {
  answerPhoneText,
  asPhoneTextRequest,
  createRelayedTexters,
} from '../../src/service/phone-text-relay.ts';
import { createTurnRunner } from '../../src/service/turn-runner.ts';
import { createShareLinkIssuer, shareTokenHash } from '../../src/share/links.ts';
import { keys } from '../../src/store/table.ts';
import {
  type EnvelopeOptions,
  intentRequest,
  launchRequest,
  SKILL_ID,
  skillDisabledEvent,
} from '../channels/alexa/envelopes.ts';
import { type Harness, PEPPER, startHarness } from '../channels/alexa/harness.ts';
import { parseSsml } from '../channels/alexa/ssml.ts';
import { createEmulator, type Emulator } from '../channels/alexa/virtual-alexa.ts';
import { expectCarrierSafe, type SmsHarness, startSmsHarness } from '../channels/sms/sms-harness.ts';

let h: Harness;
let sms: SmsHarness;
beforeAll(async () => {
  h = await startHarness();
  // The same runner as the skill: one store, one clock (h.advance moves both sides).
  sms = await startSmsHarness({ db: h.db, deps: { runTurn: h.runTurn } });
});
afterAll(async () => {
  await sms?.close();
  await h?.close();
});

let phones = 0;
/** A fresh phone number per test, so tests never share a person. */
const newPhone = () => `+1415555${String(1000 + ++phones)}`;

async function text(phone: string, body: string): Promise<string> {
  const out = await sms.send(body, { from: phone });
  expect(out.status).toBe(200);
  expectCarrierSafe(out.texts);
  return out.all;
}

/** The six digits a reply spoke ("4, 8, 2, 9, 1, 3") or texted ("482913"). */
function codeIn(words: string): string {
  const spoken = /code: ((?:\d, ){5}\d)/.exec(words);
  if (spoken?.[1]) return spoken[1].replace(/\D/g, '');
  const texted = /code is (\d{6})/.exec(words);
  if (!texted?.[1]) throw new Error(`no code in: ${words}`);
  return texted[1];
}

/** Every item under a user id's partition. */
async function itemsOf(userId: string): Promise<Record<string, unknown>[]> {
  const out = await h.client.send(
    new ScanCommand({
      TableName: h.tableName,
      FilterExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.user(userId) },
    }),
  );
  return out.Items ?? [];
}

async function entriesOf(userId: string): Promise<JournalEntry[]> {
  return (await itemsOf(userId))
    .filter((item) => String(item.sk).startsWith('ENTRY#'))
    .map((item) => item.entry as JournalEntry);
}

/** An Echo and a phone, each with a feeling of its own, linked by a code said on Alexa. */
async function linkedPair(): Promise<{ echo: Emulator; phone: string; code: string }> {
  const phone = newPhone();
  await text(phone, 'hi');
  await text(phone, 'heavy');
  const echo = createEmulator({ skill: h.skill });
  await echo.say('open my check in');
  await echo.say('anxious');
  const spoken = (await echo.say('link my phone')).speech;
  const code = codeIn(spoken);
  expect(await text(phone, `LINK ${code}`)).toContain('Linked.');
  return { echo, phone, code };
}

describe('linking by a short code', () => {
  it('Alexa speaks a code digit by digit and says what linking means; texting LINK and it links', async () => {
    const phone = newPhone();
    await text(phone, 'hi');
    const echo = createEmulator({ skill: h.skill });
    await echo.say('open my check in');
    const heard = await echo.say('link my phone');
    expect(heard.speech).toMatch(/Here is your code: (\d, ){5}\d\. Once more: (\d, ){5}\d\./);
    expect(heard.speech).toContain('Within 10 minutes, text LINK and those six digits');
    expect(heard.speech).toContain('summaries include both sides, and deleting on either side erases both');
    const reply = await text(phone, `LINK ${codeIn(heard.speech)}`);
    expect(reply).toContain('Linked. Alexa and this phone now keep one journal.');
    expect(reply).toContain('DELETE on either erases both');
  });

  it('the other way: texting LINK gives a code to say to Alexa, and "my code is ..." links', async () => {
    const phone = newPhone();
    await text(phone, 'hi');
    const reply = await text(phone, 'LINK');
    expect(reply).toContain('say to Alexa: "ask my check in, my code is');
    expect(reply).toContain('Linking makes one journal');
    const echo = createEmulator({ skill: h.skill });
    await echo.say('open my check in');
    const heard = await echo.say(`my code is ${codeIn(reply)}`);
    // No voice profile on this Echo: the account's journal is the one linked, and it says so.
    expect(heard.speech).toContain(
      "I didn't recognise a voice, so it's this Echo account's journal that's linked",
    );
    expect(heard.speech).toContain('deleting on either side erases both');
  });

  it('a wrong code, an expired one and a used one are each told apart, and nothing links', async () => {
    const phone = newPhone();
    await text(phone, 'hi');
    const echo = createEmulator({ skill: h.skill });
    await echo.say('open my check in');
    const code = codeIn((await echo.say('link my phone')).speech);
    const wrong = code === '999999' ? '999998' : '999999';
    expect(await text(phone, `LINK ${wrong}`)).toContain("That code didn't match.");
    expect(await text(phone, 'LINK 12345')).toContain("That code didn't match.");
    h.advance(0.25); // 15 minutes: past the code's 10
    expect(await text(phone, `LINK ${code}`)).toContain('That code has expired: codes last 10 minutes.');
    expect((await itemsOf(sms.userId(phone))).some((i) => i.sk === 'PROFILE' && i.linkedIds)).toBe(false);

    // A fresh code works once; said again from another phone it is refused as used.
    const fresh = codeIn((await echo.say('link my phone')).speech);
    expect(await text(phone, `LINK ${fresh}`)).toContain('Linked.');
    const other = newPhone();
    await text(other, 'hi');
    expect(await text(other, `LINK ${fresh}`)).toContain('That code was already used.');
  });

  it('after three wrong codes it waits, even for a right one, then works again', async () => {
    const phone = newPhone();
    await text(phone, 'hi');
    for (const guess of ['111111', '222222', '333333']) {
      expect(await text(phone, `LINK ${guess}`)).toContain("didn't match");
    }
    const echo = createEmulator({ skill: h.skill });
    await echo.say('open my check in');
    const code = codeIn((await echo.say('link my phone')).speech);
    expect(await text(phone, `LINK ${code}`)).toContain("I'll wait a few minutes");
    h.advance(0.2); // 12 minutes: the wrong tries' window is over, and so is that code
    const again = codeIn((await echo.say('link my phone')).speech);
    expect(await text(phone, `LINK ${again}`)).toContain('Linked.');
  });

  it('a code made by text cannot be texted back; UNLINK says which side keeps the history', async () => {
    const phone = newPhone();
    await text(phone, 'hi');
    const code = codeIn(await text(phone, 'LINK'));
    expect(await text(phone, `LINK ${code}`)).toContain(
      'That code was made by text. Say it to Alexa instead',
    );
    expect(await text(phone, 'UNLINK')).toContain('This phone is not linked to Alexa.');
    const { phone: linked, echo } = await linkedPair();
    expect(await text(linked, 'UNLINK')).toContain(
      'Unlinked. Your phone keeps the journal so far; Alexa starts fresh',
    );
    expect((await echo.say('unlink my phone')).speech).toContain('Alexa is not linked to a phone.');
  });
});

describe('one journal', () => {
  it('merges both journals once, nothing lost or doubled, and every later turn writes to it', async () => {
    const { echo, phone } = await linkedPair();
    const person = sms.userId(phone);
    const alexaId = h.userIdOf(echo.alexaUserId());
    const merged = await entriesOf(person);
    const feelings = merged
      .filter((e) => e.kind === 'feeling')
      .map((e) => `${e.channel}:${(e as { word: string }).word}`);
    expect(feelings.sort()).toEqual(['alexa:anxious', 'sms:heavy']);
    expect(new Set(merged.map((e) => e.id)).size).toBe(merged.length);
    // Under the Alexa identity only its link is left (and the session of the linking turn).
    const left = (await itemsOf(alexaId)).map((i) => String(i.sk));
    expect(left.filter((sk) => sk.startsWith('ENTRY#') || sk === 'PROFILE')).toEqual([]);
    expect(left).toContain('ALIAS');

    // A feeling said on Alexa now lands in the one journal.
    await echo.say('open my check in');
    await echo.say('calm');
    const after = await entriesOf(person);
    expect(after.filter((e) => e.kind === 'feeling').length).toBe(3);
    expect((await itemsOf(alexaId)).some((i) => String(i.sk).startsWith('ENTRY#'))).toBe(false);
  });

  it('the open goal comes from the most recent side, and a goal picked by voice is followed up by text', async () => {
    const phone = newPhone();
    await text(phone, 'hi');
    await text(phone, 'GOAL');
    const texted = /Your goal: ([^.]+)\./.exec(await text(phone, '1'))?.[1];
    const echo = createEmulator({ skill: h.skill });
    await echo.say('ask my check in for a micro goal');
    const spokenGoal = /Your goal: ([^.]+)\./.exec((await echo.say('the first one')).speech)?.[1];
    expect(texted).toBeTruthy();
    expect(spokenGoal).toBeTruthy();
    await echo.say('open my check in');
    const code = codeIn((await echo.say('link my phone')).speech);
    expect(await text(phone, `LINK ${code}`)).toContain('Linked.');
    h.advance(26); // the next day: a follow-up is due
    expect(await text(phone, 'hi')).toContain(`Last time you picked: ${spokenGoal}. Did it happen?`);
    // Both goals stay in the journal, once each.
    const goals = (await entriesOf(sms.userId(phone))).filter((e) => e.kind === 'goal');
    expect(goals.map((e) => e.channel).sort()).toEqual(['alexa', 'sms']);
  });

  it('"what should I tell my therapist" on either side gives both', async () => {
    const { echo, phone } = await linkedPair();
    const texted = await text(phone, 'SUMMARY');
    expect(texted).toMatch(/heavy/i);
    expect(texted).toMatch(/anxious/i);
    await echo.say('open my check in');
    const spoken = (await echo.say('what should I tell my therapist')).speech;
    expect(spoken).toMatch(/heavy/i);
    expect(spoken).toMatch(/anxious/i);
  });
});

describe('data rights across the link', () => {
  it('DELETE by text says it erases both, and every item of both sides is gone', async () => {
    const { echo, phone } = await linkedPair();
    const confirm = await text(phone, 'DELETE');
    expect(confirm).toContain('Alexa and this phone are linked, so this erases both');
    expect(await text(phone, 'YES')).toContain('Everything of yours is erased');
    expect(await itemsOf(sms.userId(phone))).toEqual([]);
    expect(await itemsOf(h.userIdOf(echo.alexaUserId()))).toEqual([]);
  });

  it('"delete my data" on Alexa erases the phone side too', async () => {
    const { echo, phone } = await linkedPair();
    await echo.say('open my check in');
    expect((await echo.say('delete my data')).speech).toContain(
      'Alexa and your phone are linked, so this erases both',
    );
    expect((await echo.say('yes')).speech).toContain('Everything of yours is erased');
    expect(await itemsOf(sms.userId(phone))).toEqual([]);
    expect(await itemsOf(h.userIdOf(echo.alexaUserId()))).toEqual([]);
  });

  it('disabling the skill erases the voice side and unlinks; the texts stay with the phone', async () => {
    const { echo, phone } = await linkedPair();
    await h.skill.invoke(skillDisabledEvent({ userId: echo.alexaUserId() }), {} as never);
    expect(await itemsOf(h.userIdOf(echo.alexaUserId()))).toEqual([]);
    const kept = await entriesOf(sms.userId(phone));
    expect(kept.some((e) => e.channel === 'alexa')).toBe(false);
    expect(kept.some((e) => e.kind === 'feeling' && e.channel === 'sms')).toBe(true);
    expect(await text(phone, 'UNLINK')).toContain('This phone is not linked to Alexa.');
  });
});

/** What the Echo says to a request built by hand (for a recognised voice, which the emulator cannot be). */
async function spoken(envelope: Parameters<Harness['skill']['invoke']>[0]): Promise<string> {
  const out = (await h.skill.invoke(envelope)) as ResponseEnvelope;
  const ssml = out.response.outputSpeech?.type === 'SSML' ? out.response.outputSpeech.ssml : '';
  return parseSsml(ssml).text;
}

let accounts = 0;
const household = (): EnvelopeOptions => ({
  userId: `amzn1.ask.account.LINKHOUSEHOLD${String(++accounts).padStart(6, '0')}`,
});

/** A note typed by text in the person's own words (as the SMS journal step keeps it). */
async function typedNote(phone: string, words: string): Promise<void> {
  await sms.store.appendEntry(sms.userId(phone), {
    id: `typed-${phones}-${words.length}`,
    at: new Date(Date.now() - 60_000).toISOString(),
    channel: 'sms',
    kind: 'reflection',
    trigger: words,
  });
}

describe("what each channel does with the other's words", () => {
  it('the spoken summary has the texts, but typed words only after a yes', async () => {
    const { echo, phone } = await linkedPair();
    await typedNote(phone, 'my boss yelled at me');
    await echo.say('open my check in');
    const first = await echo.say('what should I tell my therapist');
    expect(first.speech).toMatch(/heavy/i);
    expect(first.speech).toMatch(/anxious/i);
    expect(first.speech).not.toContain('boss');
    expect(first.speech).toContain('Do you want me to read your text notes aloud?');
    const after = await echo.say('yes');
    expect(after.speech).toContain('your boss yelled at me');
    // Nothing typed was stored by the voice: the Alexa entries stay enumerated.
    const voiceEntries = (await entriesOf(sms.userId(phone))).filter((e) => e.channel === 'alexa');
    expect(voiceEntries.every((e) => e.kind !== 'reflection' || e.trigger === undefined)).toBe(true);
  });

  it('"no" keeps the typed words unsaid', async () => {
    const { echo, phone } = await linkedPair();
    await typedNote(phone, 'the dentist call');
    await echo.say('open my check in');
    await echo.say('what should I tell my therapist');
    const after = await echo.say('no');
    expect(after.speech).not.toContain('dentist');
  });
});

describe('a shared Echo', () => {
  it('a recognised voice links its own journal, hears its typed notes, and is told which', async () => {
    const phone = newPhone();
    await text(phone, 'hi');
    await text(phone, 'heavy');
    await typedNote(phone, 'the long shift');
    const ana = { ...household(), personId: `amzn1.ask.person.LINKANA${String(accounts).padStart(6, '0')}` };
    await spoken(launchRequest(ana));
    const code = codeIn(await text(phone, 'LINK'));
    const said = await spoken(intentRequest('LinkCodeIntent', { code: { value: code } }, ana));
    expect(said).toContain("Linked. I recognise your voice, so it's your own journal that's linked.");
    // Her voice's journal resolves to the phone; the account itself stays unlinked.
    expect((await itemsOf(h.userIdOf(ana.personId))).map((i) => i.sk)).toContain('ALIAS');
    expect((await itemsOf(h.userIdOf(ana.userId ?? ''))).map((i) => i.sk)).not.toContain('ALIAS');
    const summary = await spoken(intentRequest('TherapistSummaryIntent', {}, ana));
    expect(summary).toMatch(/heavy/i);
    expect(summary).toContain('the long shift');
    expect(summary).not.toContain('read your text notes aloud');
  });

  it('an unrecognised speaker on the same Echo links the account, and says so', async () => {
    const phone = newPhone();
    await text(phone, 'hi');
    const account = household();
    await spoken(launchRequest(account));
    const code = codeIn(await text(phone, 'LINK'));
    const said = await spoken(intentRequest('LinkCodeIntent', { code: { value: code } }, account));
    expect(said).toContain("I didn't recognise a voice, so it's this Echo account's journal that's linked");
    expect((await itemsOf(h.userIdOf(account.userId ?? ''))).map((i) => i.sk)).toContain('ALIAS');
  });
});

describe('the phone helps the voice', () => {
  /** Both sides on one runner that keeps numbers (sealed) and texts crisis lines to an outbox. */
  async function textingPair(options: { relayed?: boolean } = {}) {
    const outbox = createOutbox(
      () => new Date(),
      () => undefined,
    );
    const vault = createLocalContactVault(randomBytes(32).toString('hex'));
    const phoneSide = { store: h.store, vault, sender: outbox, logger: silentLogger };
    const inProcess = {
      crisisTexter: createCrisisTexter(phoneSide),
      phoneTexter: createPhoneTexter(phoneSide),
    };
    // As on AWS: the voice side asks the sender by a JSON request (lambda/reminders.ts answers).
    const relayed = createRelayedTexters(async (request) => {
      const received = asPhoneTextRequest(JSON.parse(JSON.stringify(request)));
      if (!received) throw new Error('not a phone-text request');
      return answerPhoneText(received, inProcess);
    }, silentLogger);
    const runTurn = createTurnRunner({
      store: h.store,
      logger: silentLogger,
      budgetMs: 10_000,
      vault,
      ...(options.relayed ? relayed : inProcess),
      shareLinks: createShareLinkIssuer({ store: h.store, baseUrl: 'https://check-in.example.test' }),
    });
    const sms = await startSmsHarness({ db: h.db, deps: { runTurn } });
    const skill = buildSkill({ runTurn, pepper: PEPPER, logger: silentLogger, skillId: SKILL_ID });
    const phone = newPhone();
    const send = async (body: string) => (await sms.send(body, { from: phone })).all;
    await send('hi');
    const echo = createEmulator({ skill });
    await echo.say('open my check in');
    const code = codeIn((await echo.say('link my phone')).speech);
    expect(await send(`LINK ${code}`)).toContain('Linked.');
    return { outbox, echo, phone, send, close: () => sms.close() };
  }

  for (const relayed of [false, true]) {
    const how = relayed ? 'relayed to the sender, as on AWS' : 'in process, as on npm start';
    it(`a crisis spoken to a linked Echo texts the numbers to the phone, and the skill says so (${how})`, async () => {
      const { outbox, echo, phone, send, close } = await textingPair({ relayed });
      expect(await send('remind me at 7pm')).toContain('7pm');
      await echo.say('open my check in');
      const heard = await echo.say('I want to kill myself');
      expect(heard.speech).toContain('988');
      expect(heard.speech).toContain("I've also texted you the numbers.");
      const texts = outbox.list();
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.every((t) => t.to === `***${phone.slice(-2)}`)).toBe(true);
      expect(texts.map((t) => t.text).join(' ')).toContain('988');
      expectCarrierSafe(texts.map((t) => t.text));
      await close();
    });
  }

  it('never texts a phone that opted out (STOP), nor one that never asked to be texted', async () => {
    const asked = await textingPair();
    await asked.send('remind me at 7pm');
    await asked.send('STOP');
    await asked.echo.say('open my check in');
    const heard = await asked.echo.say('I want to kill myself');
    expect(heard.speech).toContain('988');
    expect(heard.speech).not.toContain('texted you');
    expect(asked.outbox.list()).toEqual([]);
    await asked.close();

    const never = await textingPair();
    await never.echo.say('open my check in');
    const spoken = await never.echo.say('I want to kill myself');
    expect(spoken.speech).toContain('988');
    expect(spoken.speech).not.toContain('texted you');
    expect(never.outbox.list()).toEqual([]);
    await never.close();
  });

  it('"text me my summary" on Alexa texts it to the linked phone, only if the phone asked to be texted', async () => {
    const never = await textingPair();
    await never.send('heavy');
    expect((await never.echo.say('ask my check in to text me my summary')).speech).toContain(
      "Your phone hasn't asked to be texted first, so I won't text it.",
    );
    expect(never.outbox.list()).toEqual([]);
    await never.close();

    const asked = await textingPair();
    await asked.send('heavy');
    await asked.send('remind me at 7pm');
    const heard = await asked.echo.say('ask my check in to text me my summary');
    expect(heard.speech).toContain("I've texted your summary to your phone.");
    const texts = asked.outbox.list().map((t) => t.text);
    expect(texts.join('\n')).toContain('my check in: your summary, as asked on Alexa.');
    expect(texts.join('\n')).toMatch(/heavy/);
    // And a page to show or send the therapist, as SHARE by text gives: a live private link.
    const token = /https:\/\/check-in\.example\.test\/share\/([A-Za-z0-9_-]{43})/.exec(texts.join(' '))?.[1];
    expect(token).toBeDefined();
    expect(await h.store.findShareLink(shareTokenHash(token ?? ''), new Date().toISOString())).toBeDefined();
    expectCarrierSafe(texts);
    await asked.close();
  });
});
