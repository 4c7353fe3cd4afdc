/**
 * Twilio gives up after 15 s. With DynamoDB answering far too slowly, the person still gets
 * a kind, honest reply well before that, and a crisis text still gets the full crisis reply.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../../src/store/dynamo-client.ts';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { expectCarrierSafe, type SmsExchange, startSmsHarness } from './sms-harness.ts';

const TABLE_DELAY_MS = 30_000;

let db: TestDynamo;
let slowClient: DynamoDBDocumentClient;

beforeAll(async () => {
  db = await startDynalite();
});

afterAll(async () => {
  await db.close();
});

afterEach(() => {
  slowClient?.destroy();
  vi.useRealTimers();
});

/**
 * The production client, with every request held back before it is sent. A table that
 * slow is a fault dynalite cannot make by itself.
 */
function slowedClient(): DynamoDBDocumentClient {
  const client = createDynamoDocumentClient({
    endpoint: db.endpoint,
    region: 'us-east-1',
    requestTimeoutMs: 2000,
    maxAttempts: 3,
    credentials: LOCAL_FAKE_CREDENTIALS,
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      await new Promise((resolve) => setTimeout(resolve, TABLE_DELAY_MS));
      return next(args);
    },
    { step: 'initialize', name: 'slowTable' },
  );
  return client;
}

describe('a slow table', () => {
  it('still gets a kind reply before 10 s that says honestly nothing was saved', async () => {
    // Prepare
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    slowClient = slowedClient();
    const h = await startSmsHarness({ db, client: slowClient });
    let answered: SmsExchange | undefined;

    // Act
    void h.send('hi').then((res) => {
      answered = res;
    });
    await vi.advanceTimersByTimeAsync(9_999);

    // Assess
    expect(answered?.status).toBe(200);
    expect(answered?.texts.length).toBeGreaterThan(0);
    expect(answered?.all).toMatch(/What's here right now\?/);
    expect(answered?.all).toMatch(/couldn't save that just now/);
    // The table could not be read, so a known texter must not be welcomed as new.
    expect(answered?.all).not.toMatch(/Msg & data rates/);
    expectCarrierSafe(answered?.texts ?? []);
  });

  it('answers a crisis text with the full crisis reply, not a generic one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    slowClient = slowedClient();
    const h = await startSmsHarness({ db, client: slowClient });
    let answered: SmsExchange | undefined;

    void h.send('I want to kill myself').then((res) => {
      answered = res;
    });
    await vi.advanceTimersByTimeAsync(9_999);

    expect(answered?.all).toMatch(/Call or text 988.*741741/s);
  });
});
