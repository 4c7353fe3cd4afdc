/**
 * The store contract for SHARE / EXPORT links and session dates (issue 15), on every store:
 * memory, dynalite and, where Java is found, Amazon's DynamoDB Local. A link is its token's
 * hash, live for 24 hours, one of a kind at a time, turned off by UNSHARE, and gone with
 * DELETE, including the lookup item outside the person's partition.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInStore, ShareLinkRecord } from '../../src/core/ports.ts';
import type { SessionPlan } from '../../src/core/types.ts';
import { shareTokenHash } from '../../src/share/links.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { MemoryCheckInStore } from '../../src/store/memory-store.ts';
import { keys } from '../../src/store/table.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';
import { javaAvailable, startDynamoDbLocal } from '../helpers/dynamodb-local.ts';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo?.close();
});

const T0 = '2026-12-01T09:00:00.000Z';
const hoursLater = (hours: number): string => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();
let counter = 0;
const newUser = (): string => `share-${Date.now().toString(16)}-${(counter++).toString(16)}`;
const record = (kind: ShareLinkRecord['kind']): ShareLinkRecord => ({
  kind,
  since: '2026-11-17T00:00:00.000Z',
  createdAt: T0,
});

/** Whether the raw table still holds a link's lookup item (DynamoDB stores only). */
type RawLookup = (tokenHash: string) => Promise<boolean>;

describe('MemoryCheckInStore', () => shareContract(() => new MemoryCheckInStore()));
describe('DynamoCheckInStore on dynalite', () =>
  shareContract(
    () => new DynamoCheckInStore({ client: dynamo.client, tableName: dynamo.tableName }),
    async (hash) =>
      (
        await dynamo.client.send(
          new GetCommand({ TableName: dynamo.tableName, Key: { pk: keys.share(hash), sk: keys.shareSort } }),
        )
      ).Item !== undefined,
  ));

if (javaAvailable()) {
  describe('DynamoCheckInStore on DynamoDB Local', () => {
    let local: TestDynamo;
    beforeAll(async () => {
      local = await startDynamoDbLocal();
    });
    afterAll(async () => {
      await local?.close();
    });
    shareContract(() => new DynamoCheckInStore({ client: local.client, tableName: local.tableName }));
  });
}

function shareContract(makeStore: () => CheckInStore, rawLookup?: RawLookup): void {
  it('finds a link by its hash for 24 hours, and never by the token itself', async () => {
    const store = makeStore();
    const user = newUser();
    const hash = shareTokenHash('a-token-only-the-person-has-0123456789abcde');
    await store.createShareLink(user, hash, record('summary'), T0);

    expect(await store.findShareLink(hash, hoursLater(23.9))).toEqual({
      userId: user,
      record: record('summary'),
    });
    expect(
      await store.findShareLink('a-token-only-the-person-has-0123456789abcde', hoursLater(1)),
    ).toBeUndefined();
    expect(await store.findShareLink(hash, hoursLater(24))).toBeUndefined();
  });

  it('finds nothing for a wrong hash', async () => {
    const store = makeStore();
    await store.createShareLink(newUser(), shareTokenHash('right'), record('summary'), T0);
    expect(await store.findShareLink(shareTokenHash('wrong'), hoursLater(1))).toBeUndefined();
  });

  it('keeps one live link of a kind: a new SHARE turns the last one off, the export stays', async () => {
    const store = makeStore();
    const user = newUser();
    const [first, second, exported] = ['first', 'second', 'export'].map((t) =>
      shareTokenHash(`${user}-${t}`),
    );
    await store.createShareLink(user, first as string, record('summary'), T0);
    await store.createShareLink(user, exported as string, record('export'), T0);
    await store.createShareLink(user, second as string, record('summary'), hoursLater(1));

    expect(await store.findShareLink(first as string, hoursLater(2))).toBeUndefined();
    expect((await store.findShareLink(second as string, hoursLater(2)))?.record.kind).toBe('summary');
    expect((await store.findShareLink(exported as string, hoursLater(2)))?.record.kind).toBe('export');
    if (rawLookup) expect(await rawLookup(first as string)).toBe(false);
  });

  it('turns every link of a person off with UNSHARE, and only theirs', async () => {
    const store = makeStore();
    const user = newUser();
    const neighbour = newUser();
    const mine = [shareTokenHash(`${user}-s`), shareTokenHash(`${user}-e`)];
    const theirs = shareTokenHash(`${neighbour}-s`);
    await store.createShareLink(user, mine[0] as string, record('summary'), T0);
    await store.createShareLink(user, mine[1] as string, record('export'), T0);
    await store.createShareLink(neighbour, theirs, record('summary'), T0);

    expect(await store.revokeShareLinks(user)).toBe(2);

    for (const hash of mine) expect(await store.findShareLink(hash, hoursLater(1))).toBeUndefined();
    expect(await store.findShareLink(theirs, hoursLater(1))).toBeDefined();
    expect(await store.revokeShareLinks(user)).toBe(0);
  });

  it('erases links with DELETE: the person has no item left and the link finds nothing', async () => {
    const store = makeStore();
    const user = newUser();
    const hash = shareTokenHash(`${user}-deleted`);
    await store.recordConsent(user, T0);
    await store.createShareLink(user, hash, record('summary'), T0);
    expect(await store.countItems(user)).toBe(2);

    await store.deleteUser(user);

    expect(await store.countItems(user)).toBe(0);
    expect(await store.findShareLink(hash, hoursLater(1))).toBeUndefined();
    if (rawLookup) expect(await rawLookup(hash)).toBe(false);
  });

  it('keeps session dates and the choice to include hard moments on the profile, and forgets the dates', async () => {
    const store = makeStore();
    const user = newUser();
    const sessions: SessionPlan = {
      last: '2026-11-24',
      next: { date: '2026-12-08', minute: 960 },
      every: { weekday: 2, weeks: 2, anchor: '2026-12-08' },
    };
    await store.commitTurn(user, 'sms', {
      state: { v: 1, step: 'closed', values: {} },
      expectedVersion: null,
      writes: [
        { type: 'setSessions', sessions },
        { type: 'includeHardMoments', at: T0 },
        { type: 'markHardMomentsAsked', at: T0 },
      ],
      now: T0,
    });
    const { profile } = await store.loadTurn(user, 'sms', hoursLater(1));
    expect(profile?.sessions).toEqual(sessions);
    expect(profile?.includeHardMomentsAt).toBe(T0);
    expect(profile?.hardMomentsAskedAt).toBe(T0);

    const after = await store.loadTurn(user, 'sms', hoursLater(1));
    await store.commitTurn(user, 'sms', {
      state: { v: 1, step: 'closed', values: {} },
      expectedVersion: after.session?.version ?? null,
      writes: [{ type: 'setSessions', sessions: null }],
      now: hoursLater(1),
    });
    expect((await store.loadTurn(user, 'sms', hoursLater(2))).profile?.sessions).toBeUndefined();
  });
}
