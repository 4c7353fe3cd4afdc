/**
 * The turn runner as a person meets it: what they said is kept, what could not be kept
 * is never claimed, and the crisis line arrives whatever the store does.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkIn } from '../../src/core/content/check-in.ts';
import { service } from '../../src/core/content/service.ts';
import { SUMMARY_DAYS } from '../../src/core/flow/summary.ts';
import type { CheckInStore } from '../../src/core/ports.ts';
import type { Input, Reply } from '../../src/core/types.ts';
import { createLogger, silentLogger } from '../../src/observability/log.ts';
import { createTurnRunner, type TurnRequest } from '../../src/service/turn-runner.ts';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { MemoryCheckInStore } from '../../src/store/memory-store.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';

const NOW = new Date('2025-03-04T09:00:00.000Z');
let ids = 0;
const deterministic = {
  clock: () => NOW,
  newId: () => `t${(ids++).toString().padStart(4, '0')}`,
  seed: () => 7,
};
const text = (words: string): Input => ({ type: 'text', text: words });
const turn = (userId: string, input: Input): TurnRequest => ({
  userId,
  channel: 'chat',
  region: 'US',
  input,
});
const said = (reply: Reply): string => reply.beats.map((b) => b.text).join(' ');

let db: TestDynamo;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db?.close();
});

let unhandled: unknown[];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('createTurnRunner on a working store', () => {
  it('keeps the feeling a person names and moves the check-in on', async () => {
    // Prepare
    const store = new MemoryCheckInStore();
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });
    // Welcomed before (the first contact's welcome keeps a consent entry of its own).
    await store.recordConsent('u1', NOW.toISOString());

    // Act
    const hello = await runTurn(turn('u1', text('hi')));
    const named = await runTurn(turn('u1', text('heavy')));

    // Assess
    expect(said(hello.reply)).toContain(checkIn.askFeeling);
    expect(named.saved).toBe(true);
    const journal = await store.entriesSince('u1', '2025-01-01T00:00:00.000Z');
    expect(journal).toMatchObject([{ kind: 'feeling', word: 'heavy', channel: 'chat' }]);
    expect((await store.loadTurn('u1', 'chat', NOW.toISOString())).session?.version).toBe(2);
  });

  it('keeps a chosen micro-goal open for next time', async () => {
    // Prepare
    const store = new MemoryCheckInStore();
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });
    await runTurn(turn('u2', text('goal')));

    const tomorrow = createTurnRunner({
      store,
      logger: silentLogger,
      ...deterministic,
      clock: () => new Date(NOW.getTime() + 24 * 3_600_000),
    });

    // Act
    const chosen = await runTurn(turn('u2', text('1')));
    const sameSitting = await runTurn(turn('u2', text('hi')));
    const next = await tomorrow(turn('u2', text('hi')));

    // Assess: followed up on a later day, never in the sitting it was picked in.
    expect(said(chosen.reply)).toContain(checkIn.goalFollowUpPromise);
    expect(said(sameSitting.reply)).not.toContain('Last time you picked');
    expect(said(next.reply)).toContain('Last time you picked');
  });

  it('builds the summary from the journal it reads', async () => {
    // Prepare
    const store = new MemoryCheckInStore();
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });
    await runTurn(turn('u3', text('hi')));
    await runTurn(turn('u3', text('heavy')));

    // Act
    const summary = await runTurn(turn('u3', text('summary')));

    // Assess
    expect(said(summary.reply)).toContain('heavy');
    expect(said(summary.reply)).not.toContain(
      service.summary.nothingYet(`from the last ${SUMMARY_DAYS} days`),
    );
  });

  it('erases everything on a confirmed delete and does not bring the person back', async () => {
    // Prepare
    const store = new MemoryCheckInStore();
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });
    await runTurn(turn('u4', text('hi')));
    await runTurn(turn('u4', text('heavy')));
    await runTurn(turn('u4', text('delete')));

    // Act
    const erased = await runTurn(turn('u4', text('yes')));

    // Assess
    expect(said(erased.reply)).toContain(service.deleteDone('text'));
    expect(erased.saved).toBe(true);
    expect(await store.countItems('u4')).toBe(0);
  });

  it('costs one read and one write for a turn that adds nothing to the journal', async () => {
    // Prepare
    const client = createDynamoDocumentClient({
      endpoint: db.endpoint,
      region: 'us-east-1',
      requestTimeoutMs: 5000,
      maxAttempts: 3,
      credentials: LOCAL_FAKE_CREDENTIALS,
    });
    // Counted once per request at the build step (before retries), by DynamoDB operation.
    const commands: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
        commands.push(String(headers['x-amz-target']).replace('DynamoDB_20120810.', ''));
        return next(args);
      },
      { step: 'build', name: 'countRequests' },
    );
    const store = new DynamoCheckInStore({ client, tableName: db.tableName });
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });
    await store.recordConsent('u5', NOW.toISOString());
    await runTurn(turn('u5', text('hi')));
    commands.length = 0;

    // Act
    const outcome = await runTurn(turn('u5', text('not sure')));
    const requests = [...commands];

    // Assess
    expect(outcome.saved).toBe(true);
    expect(requests).toEqual(['BatchGetItem', 'PutItem']);
    expect(await store.entriesSince('u5', '2025-01-01T00:00:00.000Z')).toEqual([]);
    client.destroy();
  });

  it('of 20 messages sent at the same moment, keeps exactly those it says it kept', async () => {
    // Prepare: count the state writes that succeed, whichever turns win.
    const dynamo = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
    let savedStates = 0;
    const commitTurn: CheckInStore['commitTurn'] = async (...args) => {
      const result = await dynamo.commitTurn(...args);
      if (result !== 'conflict') savedStates += 1;
      return result;
    };
    const store = new Proxy(dynamo, {
      get: (target, name) => {
        if (name === 'commitTurn') return commitTurn;
        const value = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });
    // Welcomed before, so each kept turn keeps exactly its one tool entry.
    await dynamo.recordConsent('u6', NOW.toISOString());

    // Act
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => runTurn(turn('u6', text('ground')))));

    // Assess
    const journal = await dynamo.entriesSince('u6', '2025-01-01T00:00:00.000Z');
    const snapshot = await dynamo.loadTurn('u6', 'chat', NOW.toISOString());
    // A turn that lost the race twice keeps nothing of its own, and its reply says so.
    const kept = outcomes.filter((o) => o.saved);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(journal).toHaveLength(kept.length);
    expect(new Set(journal.map((e) => e.id)).size).toBe(kept.length);
    expect(journal.every((e) => e.kind === 'tool')).toBe(true);
    for (const o of outcomes.filter((o) => !o.saved)) expect(said(o.reply)).toContain(service.saveFailed);
    expect(snapshot.session?.version).toBe(savedStates);
    expect(snapshot.session?.state.v).toBe(1);
  });
});

describe('createTurnRunner when the store fails', () => {
  /** A DynamoDB adapter whose client is mocked: for faults no emulator makes. */
  function mockedDynamo() {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
    const mock = mockClient(client);
    return { mock, store: new DynamoCheckInStore({ client, tableName: 'my-check-in' }) };
  }
  const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

  it('still keeps the micro-goal text but says honestly that it was not saved', async () => {
    // Prepare: offers from a real turn, then a table that reads but throttles every write.
    const memory = new MemoryCheckInStore();
    await createTurnRunner({ store: memory, logger: silentLogger, ...deterministic })(
      turn('u7', text('goal')),
    );
    const session = (await memory.loadTurn('u7', 'chat', NOW.toISOString())).session;
    const { mock, store } = mockedDynamo();
    mock.on(BatchGetCommand).resolves({
      Responses: {
        'my-check-in': [
          { pk: 'USER#u7', sk: 'SESSION#chat', state: session?.state, version: 1, expiresAt: 4_102_444_800 },
        ],
      },
    });
    mock.on(TransactWriteCommand).rejects(throttled());
    mock.on(PutCommand).rejects(throttled());
    mock.on(UpdateCommand).rejects(throttled());
    mock.on(BatchWriteCommand).rejects(throttled());
    mock.on(DeleteCommand).rejects(throttled());
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });

    // Act
    const outcome = await runTurn(turn('u7', text('1')));

    // Assess
    expect(outcome.saved).toBe(false);
    expect(said(outcome.reply)).toContain('Your goal:');
    expect(said(outcome.reply)).toContain(service.saveFailed);
    expect(said(outcome.reply)).not.toContain(checkIn.goalFollowUpPromise);
    expect(unhandled).toEqual([]);
  });

  it('answers a crisis with 988 and 911 when the table cannot be read at all', async () => {
    // Prepare
    const { mock, store } = mockedDynamo();
    mock.onAnyCommand().rejects(throttled());
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });

    // Act
    const outcome = await runTurn(turn('u8', text('I want to kill myself')));

    // Assess
    expect(outcome.crisis).toBe(true);
    expect(said(outcome.reply)).toContain('988');
    expect(said(outcome.reply)).toContain('911');
    expect(said(outcome.reply)).not.toContain(service.saveFailed);
  });

  it('answers within its budget when the table hangs, and a late failure stays handled', async () => {
    // Prepare: every call hangs until the test lets it fail, long after the turn answered.
    const { mock, store } = mockedDynamo();
    const failLater: Array<() => void> = [];
    mock.onAnyCommand().callsFake(
      () =>
        new Promise((_resolve, reject) => {
          failLater.push(() => reject(throttled()));
        }),
    );
    const lines: string[] = [];
    const runTurn = createTurnRunner({
      store,
      logger: createLogger((l) => lines.push(l)),
      budgetMs: 100,
      ...deterministic,
    });

    // Act
    const crisis = await runTurn(turn('u9', text('I want to kill myself')));
    const ordinary = await runTurn(turn('u9', text('hi')));
    for (const fail of failLater) fail();
    await new Promise((resolve) => setImmediate(resolve));

    // Assess
    expect(crisis.crisis).toBe(true);
    expect(said(crisis.reply)).toContain('988');
    expect(ordinary.saved).toBe(false);
    expect(said(ordinary.reply)).toContain(service.saveFailed);
    expect(unhandled).toEqual([]);
    expect(lines.some((l) => JSON.parse(l).event === 'crisis-reply')).toBe(true);
    expect(lines.join('\n')).not.toContain('kill');
  });

  it('says the journal could not be opened rather than that it is empty', async () => {
    // Prepare: the turn's read works, reading the journal does not.
    const { mock, store } = mockedDynamo();
    mock.on(QueryCommand).callsFake((input) => {
      if (String(input.KeyConditionExpression).includes('BETWEEN')) throw throttled();
      return { Items: [] };
    });
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });

    // Act
    const outcome = await runTurn(turn('u10', text('summary')));

    // Assess
    expect(outcome.saved).toBe(false);
    expect(said(outcome.reply)).not.toContain(
      service.summary.nothingYet(`from the last ${SUMMARY_DAYS} days`),
    );
    expect(said(outcome.reply)).toMatch(/couldn't open your journal/);
  });

  it('never says everything is erased when the erase failed', async () => {
    // Prepare
    const { mock, store } = mockedDynamo();
    mock.on(BatchGetCommand).resolves({
      Responses: {
        'my-check-in': [
          {
            pk: 'USER#u11',
            sk: 'SESSION#chat',
            state: { v: 1, step: 'confirm-delete', values: {} },
            version: 4,
            expiresAt: 4_102_444_800,
          },
        ],
      },
    });
    mock.on(QueryCommand).callsFake((input) => {
      if (input.Select === 'COUNT') return { Count: 1 };
      return { Items: [{ pk: 'USER#u11', sk: 'PROFILE' }] };
    });
    mock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
    const runTurn = createTurnRunner({ store, logger: silentLogger, ...deterministic });

    // Act
    const outcome = await runTurn(turn('u11', text('yes')));

    // Assess
    expect(outcome.saved).toBe(false);
    expect(said(outcome.reply)).toContain(service.eraseFailed);
    expect(said(outcome.reply)).not.toContain(service.deleteDone('text'));
  });
});
