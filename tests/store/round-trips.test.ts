/**
 * How many DynamoDB round trips a turn waits on, one after another: the floor of its
 * latency. On a table with transactions (AWS, DynamoDB Local) an ordinary SMS turn waits on
 * two (one BatchGetItem, one write), SUMMARY on three (its journal Query between them). On
 * dynalite, which has none, a turn that adds to the journal writes its entries after the
 * state write that won: one more.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { startSmsHarness } from '../channels/sms/sms-harness.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';
import { javaAvailable, startDynamoDbLocal } from '../helpers/dynamodb-local.ts';

interface Request {
  operation: string;
  start: number;
  end: number;
}

/** A production-configured client that records when each request started and ended. */
function recordingClient(db: TestDynamo): { client: DynamoDBDocumentClient; requests: Request[] } {
  const requests: Request[] = [];
  const client = createDynamoDocumentClient({
    endpoint: db.endpoint,
    region: 'us-east-1',
    requestTimeoutMs: 5000,
    maxAttempts: 3,
    credentials: LOCAL_FAKE_CREDENTIALS,
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
      const request: Request = {
        operation: String(headers['x-amz-target']).replace('DynamoDB_20120810.', ''),
        start: performance.now(),
        end: Number.POSITIVE_INFINITY,
      };
      requests.push(request);
      try {
        return await next(args);
      } finally {
        request.end = performance.now();
      }
    },
    { step: 'finalizeRequest', name: 'recordRoundTrips' },
  );
  return { client, requests };
}

/** The longest chain of requests each of which started only after the one before it ended. */
function sequentialDepth(requests: readonly Request[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((request, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) {
      if ((sorted[j] as Request).end <= request.start) before = Math.max(before, depth[j] as number);
    }
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

async function depthsOf(
  db: TestDynamo,
  texts: readonly string[],
  transactions: boolean,
): Promise<Record<string, number>> {
  const { client, requests } = recordingClient(db);
  const h = await startSmsHarness({ db, client, transactions, phone: '+14155550188' });
  const depths: Record<string, number> = {};
  try {
    for (const text of texts) {
      requests.length = 0;
      await h.send(text);
      depths[text] = sequentialDepth(requests);
    }
  } finally {
    client.destroy();
  }
  return depths;
}

const TURNS = ['hi', 'heavy', '1', 'I would rest', '2', 'SUMMARY'];

if (javaAvailable()) {
  describe('round trips on DynamoDB Local (transactions, as on AWS)', () => {
    let db: TestDynamo;
    beforeAll(async () => {
      db = await startDynamoDbLocal();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('waits on two round trips for an ordinary SMS turn, three for SUMMARY', async () => {
      const depths = await depthsOf(db, TURNS, true);

      expect(depths).toEqual({ hi: 2, heavy: 2, '1': 2, 'I would rest': 2, '2': 2, SUMMARY: 3 });
    });
  });
}

describe('round trips on dynalite (no transactions)', () => {
  let db: TestDynamo;
  beforeAll(async () => {
    db = await startDynalite();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('waits on two for a turn that adds nothing, three for one that adds to the journal', async () => {
    const depths = await depthsOf(db, TURNS, false);

    expect(depths.SUMMARY).toBe(3);
    for (const text of TURNS) expect(depths[text]).toBeLessThanOrEqual(3);
    expect(Math.min(...Object.values(depths))).toBe(2);
  });
});
