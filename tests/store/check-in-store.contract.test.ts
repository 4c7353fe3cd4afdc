/**
 * One contract, every store: what the in-memory store promises, the DynamoDB adapter on
 * dynalite promises too, so unit tests on memory say something true about production.
 * Where Java is found, the adapter also runs it on Amazon's DynamoDB Local, so that what
 * passes on dynalite is known to behave the same on AWS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInStore } from '../../src/core/ports.ts';
import type { ConversationState, JournalEntry, OpenGoal, Reply, SafetyPlan } from '../../src/core/types.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { MemoryCheckInStore } from '../../src/store/memory-store.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';
import { javaAvailable, startDynamoDbLocal } from '../helpers/dynamodb-local.ts';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo?.close();
});

const stores: Array<[string, () => CheckInStore]> = [
  ['MemoryCheckInStore', () => new MemoryCheckInStore()],
  [
    'DynamoCheckInStore',
    () => new DynamoCheckInStore({ client: dynamo.client, tableName: dynamo.tableName }),
  ],
];

const T0 = '2025-03-04T09:00:00.000Z';
const hoursLater = (hours: number): string => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();
const state = (step: string, values: Record<string, unknown> = {}): ConversationState => ({
  v: 1,
  step,
  values,
});
let counter = 0;
/** A user id nobody else in this file uses (the DynamoDB table is shared by the tests). */
const newUser = (): string => `user-${Date.now().toString(16)}-${(counter++).toString(16)}`;

const feeling = (id: string, at: string, word = 'heavy'): JournalEntry => ({
  id,
  at,
  channel: 'sms',
  kind: 'feeling',
  word,
  family: 'low-unpleasant',
});
const reply = (text: string): Reply => ({ beats: [{ text }], expectsAnswer: true, end: false });
const goal: OpenGoal = { goal: { catalogueId: 'open-curtains' }, entryId: 'e-goal', setAt: T0 };

describe.each(stores)('%s', (_name, makeStore) => contract(makeStore));

// Registered only where Java runs: no skipped tests, and a machine without Java still runs
// the contract on memory and dynalite.
if (javaAvailable()) {
  describe('DynamoCheckInStore on DynamoDB Local', () => {
    let local: TestDynamo;
    beforeAll(async () => {
      local = await startDynamoDbLocal();
    });
    afterAll(async () => {
      await local?.close();
    });

    contract(() => new DynamoCheckInStore({ client: local.client, tableName: local.tableName }));
  });
}

/** The promises every CheckInStore keeps, registered in the calling describe block. */
function contract(makeStore: () => CheckInStore): void {
  it('knows nothing of a person it has never seen', async () => {
    // Prepare
    const store = makeStore();

    // Act
    const snapshot = await store.loadTurn(newUser(), 'sms', T0);

    // Assess
    expect(snapshot).toEqual({ profile: null, session: null });
  });

  it('resumes a conversation where it was saved, with its version', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();

    // Act
    const first = await store.saveSession(user, 'sms', state('name'), null, T0);
    const second = await store.saveSession(
      user,
      'sms',
      state('pick-tool', { feelings: ['heavy'] }),
      1,
      hoursLater(1),
    );
    const snapshot = await store.loadTurn(user, 'sms', hoursLater(2));

    // Assess
    expect([first, second]).toEqual([1, 2]);
    expect(snapshot.session).toEqual({ state: state('pick-tool', { feelings: ['heavy'] }), version: 2 });
  });

  it('refuses a save based on an old version and keeps the newer state', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    await store.saveSession(user, 'alexa', state('name'), null, T0);
    await store.saveSession(user, 'alexa', state('pick-word'), 1, T0);

    // Act
    const stale = await store.saveSession(user, 'alexa', state('closed'), 1, T0);
    const secondFirst = await store.saveSession(user, 'alexa', state('closed'), null, T0);

    // Assess
    expect(stale).toBe('conflict');
    expect(secondFirst).toBe('conflict');
    expect((await store.loadTurn(user, 'alexa', T0)).session).toEqual({
      state: state('pick-word'),
      version: 2,
    });
  });

  it('keeps each channel its own conversation', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    await store.saveSession(user, 'sms', state('name'), null, T0);

    // Act
    const alexa = await store.loadTurn(user, 'alexa', T0);
    const sms = await store.loadTurn(user, 'sms', T0);

    // Assess
    expect(alexa.session).toBeNull();
    expect(sms.session?.state.step).toBe('name');
  });

  it('forgets a conversation after 24 hours and lets a new one start', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    await store.saveSession(user, 'sms', state('pick-goal'), null, T0);

    // Act
    const before = await store.loadTurn(user, 'sms', hoursLater(23));
    const after = await store.loadTurn(user, 'sms', hoursLater(25));
    const fresh = await store.saveSession(user, 'sms', state('name'), null, hoursLater(25));

    // Assess
    expect(before.session?.state.step).toBe('pick-goal');
    expect(after.session).toBeNull();
    expect(fresh).toBe(1);
    expect((await store.loadTurn(user, 'sms', hoursLater(26))).session?.state.step).toBe('name');
  });

  it('keeps journal entries in time order and reads them from a date on', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    await store.appendEntry(user, feeling('c', hoursLater(48), 'calm'));
    await store.appendEntry(user, feeling('a', T0, 'heavy'));
    await store.appendEntry(user, feeling('b', hoursLater(24), 'tired'));

    // Act
    const all = await store.entriesSince(user, '2025-01-01T00:00:00.000Z');
    const recent = await store.entriesSince(user, hoursLater(24));

    // Assess
    expect(all.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(recent).toEqual([feeling('b', hoursLater(24), 'tired'), feeling('c', hoursLater(48), 'calm')]);
  });

  it('keeps two entries made at the same moment', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();

    // Act
    await Promise.all([store.appendEntry(user, feeling('x', T0)), store.appendEntry(user, feeling('y', T0))]);

    // Assess
    expect((await store.entriesSince(user, T0)).map((e) => e.id).sort()).toEqual(['x', 'y']);
  });

  it('keeps the journal apart from the conversation and the delivery records', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    await store.commitTurn(user, 'sms', {
      state: state('name'),
      expectedVersion: null,
      writes: [],
      delivery: { messageId: 'SM123', reply: reply('Hi.') },
      now: T0,
    });
    await store.recordConsent(user, T0);
    await store.appendEntry(user, feeling('a', T0));

    // Act
    const entries = await store.entriesSince(user, '1970-01-01T00:00:00.000Z');

    // Assess
    expect(entries).toEqual([feeling('a', T0)]);
  });

  it('remembers consent, the open goal and opting out on the profile', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();

    // Act
    await store.recordConsent(user, T0);
    await store.setOpenGoal(user, goal, hoursLater(1));
    await store.setOptOut(user, true, hoursLater(2));
    const withGoal = await store.loadTurn(user, 'sms', hoursLater(3));
    await store.setOpenGoal(user, null, hoursLater(4));
    await store.setOptOut(user, false, hoursLater(4));
    const cleared = await store.loadTurn(user, 'sms', hoursLater(5));

    // Assess
    expect(withGoal.profile).toEqual({ createdAt: T0, consentAt: T0, optedOut: true, openGoal: goal });
    expect(cleared.profile).toEqual({ createdAt: T0, consentAt: T0, optedOut: false });
  });

  it('replays the reply of a message it answered, and knows nothing of one it did not', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    await store.commitTurn(user, 'sms', {
      state: state('name'),
      expectedVersion: null,
      writes: [],
      delivery: { messageId: 'SM1', reply: reply('What is here right now?') },
      now: T0,
    });

    // Act
    const redelivered = await store.loadTurn(user, 'sms', hoursLater(1), 'SM1');
    const other = await store.loadTurn(user, 'sms', hoursLater(1), 'SM2');
    const someoneElse = await store.loadTurn(newUser(), 'sms', hoursLater(1), 'SM1');

    // Assess
    expect(redelivered.replay).toEqual(reply('What is here right now?'));
    expect(other.replay).toBeUndefined();
    expect(other.session?.version).toBe(1);
    expect(someoneElse.replay).toBeUndefined();
  });

  it('remembers the last three messages a conversation answered', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    let read = await store.loadTurn(user, 'sms', T0, 'SM0');
    for (let i = 0; i < 5; i++) {
      await store.commitTurn(user, 'sms', {
        state: state('name'),
        expectedVersion: read.session?.version ?? null,
        writes: [],
        delivery: { messageId: `SM${i}`, reply: reply(`Reply ${i}.`) },
        ...(read.session?.deliveries ? { keptDeliveries: read.session.deliveries } : {}),
        now: hoursLater(i / 60),
      });
      read = await store.loadTurn(user, 'sms', hoursLater(i / 60), `SM${i + 1}`);
    }

    // Act
    const replays = await Promise.all(
      [0, 1, 2, 4].map(async (i) => (await store.loadTurn(user, 'sms', hoursLater(1), `SM${i}`)).replay),
    );

    // Assess
    expect(replays).toEqual([undefined, undefined, reply('Reply 2.'), reply('Reply 4.')]);
  });

  it("writes a turn's entries and profile changes only with the state write that wins", async () => {
    // Prepare: two turns read the same version; the first commits.
    const store = makeStore();
    const user = newUser();
    const turn = (entry: string, at: string) => ({
      state: state('name'),
      expectedVersion: null,
      writes: [
        { type: 'appendEntry' as const, entry: feeling(entry, at) },
        { type: 'setOpenGoal' as const, goal },
        { type: 'recordConsent' as const, at },
      ],
      now: at,
    });

    // Act
    const winner = await store.commitTurn(user, 'sms', turn('won', T0));
    const loser = await store.commitTurn(user, 'sms', turn('lost', hoursLater(1)));

    // Assess
    expect([winner, loser]).toEqual([1, 'conflict']);
    expect((await store.entriesSince(user, T0)).map((e) => e.id)).toEqual(['won']);
    expect((await store.loadTurn(user, 'sms', hoursLater(2))).profile).toEqual({
      createdAt: T0,
      consentAt: T0,
      openGoal: goal,
    });
  });

  it("applies a turn's profile changes in order, the last one winning", async () => {
    const store = makeStore();
    const user = newUser();

    await store.commitTurn(user, 'sms', {
      state: state('name'),
      expectedVersion: null,
      writes: [
        { type: 'setOpenGoal', goal },
        { type: 'setOptOut', optedOut: true },
        { type: 'clearOpenGoal' },
        { type: 'setOptOut', optedOut: false },
      ],
      now: T0,
    });

    expect((await store.loadTurn(user, 'sms', T0)).profile).toEqual({ createdAt: T0, optedOut: false });
  });

  it('remembers for a day, outside the erased person, which messages were answered', async () => {
    // Prepare: a YES, then a DELETE, then the person is erased.
    const store = makeStore();
    const user = newUser();
    await store.commitTurn(user, 'sms', {
      state: state('name'),
      expectedVersion: null,
      writes: [{ type: 'recordConsent', at: T0 }],
      delivery: { messageId: 'SM-YES', reply: reply('Welcome.') },
      now: T0,
    });
    const beforeErase = await store.loadTurn(user, 'sms', T0, 'SM-DELETE');
    await store.deleteUser(user);

    // Act
    await store.rememberErasure(
      user,
      { messageId: 'SM-DELETE', reply: reply('Everything is deleted.') },
      beforeErase.session?.deliveries ?? [],
      T0,
    );
    const yesAgain = await store.loadTurn(user, 'sms', hoursLater(1), 'SM-YES');
    const deleteAgain = await store.loadTurn(user, 'sms', hoursLater(1), 'SM-DELETE');
    const dayLater = await store.loadTurn(user, 'sms', hoursLater(25), 'SM-DELETE');

    // Assess
    expect(yesAgain.replay?.silent).toBe(true);
    expect(deleteAgain.replay).toEqual(reply('Everything is deleted.'));
    expect(dayLater.replay).toBeUndefined();
    expect(await store.countItems(user)).toBe(0);
  });

  it('exports the profile and the whole journal', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    await store.recordConsent(user, T0);
    await store.saveSession(user, 'sms', state('name'), null, T0);
    await store.appendEntry(user, feeling('a', T0));
    await store.appendEntry(user, {
      id: 'b',
      at: hoursLater(1),
      channel: 'sms',
      kind: 'goal',
      goal: { text: 'call mum' },
    });

    // Act
    const exported = await store.exportUser(user);

    // Assess
    expect(exported).toEqual({
      profile: { createdAt: T0, consentAt: T0 },
      entries: [
        feeling('a', T0),
        { id: 'b', at: hoursLater(1), channel: 'sms', kind: 'goal', goal: { text: 'call mum' } },
      ],
    });
  });

  it('deletes every item of a person and no one else', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    const neighbour = newUser();
    await store.recordConsent(user, T0);
    await store.saveSession(user, 'sms', state('name'), null, T0);
    await store.saveSession(user, 'alexa', state('name'), null, T0);
    await store.appendEntry(user, feeling('a', T0));
    await store.appendEntry(neighbour, feeling('n', T0));

    // Act
    const deleted = await store.deleteUser(user);

    // Assess
    expect(deleted).toBe(4);
    expect(await store.countItems(user)).toBe(0);
    expect(await store.exportUser(user)).toEqual({ profile: null, entries: [] });
    expect(await store.countItems(neighbour)).toBe(1);
  });

  it('keeps the safety plan and the caring text on the profile, in the export, and erases them with DELETE', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    const plan: SafetyPlan = {
      items: { onMyOwn: { typed: 'a long shower' }, helpers: { option: 'friend' } },
      next: 4,
      updatedAt: T0,
    };
    const caring = { answer: 'yes' as const, at: T0, dueAt: hoursLater(25) };
    await store.commitTurn(user, 'sms', {
      state: state('closed'),
      expectedVersion: null,
      writes: [
        { type: 'setSafetyPlan', plan },
        { type: 'setCaringText', caring },
      ],
      now: T0,
    });

    // Act
    const exported = await store.exportUser(user);
    const read = await store.loadTurn(user, 'sms', hoursLater(1));
    const deleted = await store.deleteUser(user);

    // Assess
    expect(exported.profile?.safetyPlan).toEqual(plan);
    expect(exported.profile?.caringText).toEqual(caring);
    expect(read.profile?.safetyPlan).toEqual(plan);
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await store.countItems(user)).toBe(0);
    expect(await store.exportUser(user)).toEqual({ profile: null, entries: [] });
  });

  it('lists a caring text when it is due and lets one claim win, once, erasing a number no reminder needs', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    const dueAt = hoursLater(25);
    await store.commitTurn(user, 'sms', {
      state: state('closed'),
      expectedVersion: null,
      writes: [
        { type: 'storeContact', sealed: 'sealed-number' },
        { type: 'setCaringText', caring: { answer: 'yes', at: T0, dueAt } },
      ],
      now: T0,
    });

    // Act
    const early = await store.dueCaringTexts(hoursLater(24), 100);
    const due = await store.dueCaringTexts(hoursLater(26), 100);
    const first = await store.claimCaringText(user, dueAt, hoursLater(26));
    const second = await store.claimCaringText(user, dueAt, hoursLater(26));
    const after = await store.dueCaringTexts(hoursLater(26), 100);
    const exported = await store.exportUser(user);

    // Assess
    expect(early.some((d) => d.userId === user)).toBe(false);
    expect(due).toContainEqual({ userId: user, dueAt });
    expect([first, second]).toEqual([true, false]);
    expect(after.some((d) => d.userId === user)).toBe(false);
    expect(exported.profile?.caringText).toEqual({ answer: 'yes', at: T0, dueAt, sentAt: hoursLater(26) });
    expect(exported.profile?.hasContact).toBeUndefined();
    // Due reminders never list a caring text.
    expect((await store.dueReminders(hoursLater(26), 100)).some((d) => d.userId === user)).toBe(false);
  });

  it('deletes the safety plan alone, leaving the rest of the profile', async () => {
    // Prepare
    const store = makeStore();
    const user = newUser();
    const plan: SafetyPlan = { items: { reason: { typed: 'my dog' } }, next: 7, updatedAt: T0 };
    const first = await store.commitTurn(user, 'sms', {
      state: state('closed'),
      expectedVersion: null,
      writes: [
        { type: 'recordConsent', at: T0 },
        { type: 'setSafetyPlan', plan },
      ],
      now: T0,
    });

    // Act
    await store.commitTurn(user, 'sms', {
      state: state('closed'),
      expectedVersion: first === 'conflict' ? null : first,
      writes: [{ type: 'clearSafetyPlan' }],
      now: hoursLater(1),
    });

    // Assess
    const exported = await store.exportUser(user);
    expect(exported.profile?.safetyPlan).toBeUndefined();
    expect(exported.profile?.consentAt).toBe(T0);
  });

  it('deletes a long journal completely', async () => {
    // Prepare: more items than one batch write takes, and more bytes than one Query page holds.
    const store = makeStore();
    const user = newUser();
    const words = 'kept thinking about the week '.repeat(1400);
    const entries = Array.from(
      { length: 60 },
      (_, i): JournalEntry => ({
        id: `r${i}`,
        at: hoursLater(i),
        channel: 'sms',
        kind: 'reflection',
        trigger: words,
      }),
    );
    for (const entry of entries) await store.appendEntry(user, entry);

    // Act
    const exported = await store.exportUser(user);
    const deleted = await store.deleteUser(user);

    // Assess
    expect(exported.entries).toHaveLength(60);
    expect(deleted).toBe(60);
    expect(await store.countItems(user)).toBe(0);
  });

  it('links each recognised voice to its account once, however often it is linked', async () => {
    // Prepare
    const store = makeStore();
    const account = newUser();
    const ana = newUser();
    const ben = newUser();

    // Act
    await store.linkPerson(account, ana, T0);
    await store.linkPerson(account, ana, hoursLater(1));
    await store.linkPerson(account, ben, hoursLater(2));

    // Assess
    expect((await store.linkedPeople(account)).sort()).toEqual([ana, ben].sort());
    expect(await store.countItems(account)).toBe(2);
    expect(await store.linkedPeople(newUser())).toEqual([]);
  });

  it('keeps voice links out of the conversation, the journal and the export', async () => {
    // Prepare
    const store = makeStore();
    const account = newUser();
    await store.recordConsent(account, T0);
    await store.saveSession(account, 'alexa', state('name'), null, T0);
    await store.appendEntry(account, feeling('a', T0));

    // Act
    await store.linkPerson(account, newUser(), T0);

    // Assess
    expect(await store.loadTurn(account, 'alexa', T0)).toEqual({
      profile: { createdAt: T0, consentAt: T0 },
      session: { state: state('name'), version: 1 },
    });
    expect(await store.entriesSince(account, '1970-01-01T00:00:00.000Z')).toEqual([feeling('a', T0)]);
    expect(await store.exportUser(account)).toEqual({
      profile: { createdAt: T0, consentAt: T0 },
      entries: [feeling('a', T0)],
    });
  });

  it("deletes an account's voice links with it, and leaves the voices' own journals", async () => {
    // Prepare
    const store = makeStore();
    const account = newUser();
    const ana = newUser();
    await store.recordConsent(account, T0);
    await store.linkPerson(account, ana, T0);
    await store.linkPerson(account, newUser(), T0);
    await store.appendEntry(ana, feeling('a', T0));

    // Act
    const deleted = await store.deleteUser(account);

    // Assess: erasing every voice too is the service's job (eraseAlexaAccount).
    expect(deleted).toBe(3);
    expect(await store.countItems(account)).toBe(0);
    expect(await store.linkedPeople(account)).toEqual([]);
    expect(await store.countItems(ana)).toBe(1);
  });

  it('counts nothing for a person who was never there', async () => {
    // Prepare
    const store = makeStore();

    // Act
    const deleted = await store.deleteUser(newUser());

    // Assess
    expect(deleted).toBe(0);
  });
}

/**
 * Linking (issue 13) on the DynamoDB store, where it is implemented: the same promises on
 * dynalite and, where Java runs, on Amazon's DynamoDB Local (conditional writes and TTL reads
 * as AWS makes them).
 */
function linkContract(makeStore: () => DynamoCheckInStore): void {
  it('links an Alexa identity to a phone by a code once: one journal, nothing doubled, the code then used', async () => {
    const store = makeStore();
    const phone = newUser();
    const voice = newUser();
    await store.appendEntry(phone, feeling('e-phone', T0));
    await store.appendEntry(voice, { ...feeling('e-voice', hoursLater(1), 'anxious'), channel: 'alexa' });

    expect(await store.createLinkCode('482913', { userId: voice, channel: 'alexa' }, hoursLater(2))).toBe(
      true,
    );
    expect(await store.redeemLinkCode('482913', { userId: phone, channel: 'sms' }, hoursLater(2))).toBe(
      'linked',
    );
    expect(await store.redeemLinkCode('482913', { userId: phone, channel: 'sms' }, hoursLater(2))).not.toBe(
      'linked',
    );

    const words = (await store.entriesSince(phone, T0)).map((e) => (e.kind === 'feeling' ? e.word : e.kind));
    expect(words.sort()).toEqual(['anxious', 'heavy']);
    const viaVoice = await store.loadTurn(voice, 'alexa', hoursLater(3));
    const viaPhone = await store.loadTurn(phone, 'sms', hoursLater(3));
    expect(viaVoice.profile).toEqual(viaPhone.profile);
  });

  it('refuses a wrong code and an expired one, and links nothing', async () => {
    const store = makeStore();
    const phone = newUser();
    const voice = newUser();
    expect(await store.createLinkCode('735102', { userId: voice, channel: 'alexa' }, T0)).toBe(true);
    expect(await store.redeemLinkCode('735109', { userId: phone, channel: 'sms' }, T0)).toBe('wrong');
    expect(await store.redeemLinkCode('735102', { userId: phone, channel: 'sms' }, hoursLater(1))).toBe(
      'expired',
    );
    expect(await store.unlink(voice, hoursLater(1))).toBe(false);
  });
}

describe('DynamoCheckInStore linking on dynalite', () => {
  linkContract(() => new DynamoCheckInStore({ client: dynamo.client, tableName: dynamo.tableName }));
});

if (javaAvailable()) {
  describe('DynamoCheckInStore linking on DynamoDB Local', () => {
    let local: TestDynamo;
    beforeAll(async () => {
      local = await startDynamoDbLocal();
    });
    afterAll(async () => {
      await local?.close();
    });
    linkContract(() => new DynamoCheckInStore({ client: local.client, tableName: local.tableName }));
  });
}
