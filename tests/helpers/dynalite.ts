/**
 * A fresh DynamoDB for a test: dynalite in memory on 127.0.0.1 and a random port, driven
 * by the real AWS SDK. No Java, no network, milliseconds to start.
 *
 * ```ts
 * let db: TestDynamo;
 * beforeAll(async () => { db = await startDynalite(); });
 * afterAll(() => db.close());
 * const store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
 * ```
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynaliteServer } from '../../src/local/dynalite-server.ts';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { ensureTable } from '../../src/store/table.ts';

// The SDK warns once per process on Node 20; the warning is about 2027, not these tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface TestDynamo {
  /** e.g. http://127.0.0.1:49321, for a second client or a spawned process. */
  endpoint: string;
  /** A document client configured as production configures it (timeouts, bounded retries). */
  client: DynamoDBDocumentClient;
  /** A table created for this server, with the production key schema. */
  tableName: string;
  /** Destroys the client and stops the server. */
  close(): Promise<void>;
}

export interface StartDynaliteOptions {
  /** LevelDB directory to persist to; in memory when absent. */
  path?: string;
  /** Table name; a fresh random one when absent. */
  tableName?: string;
}

/** Starts dynalite and creates a table in it. */
export async function startDynalite(options: StartDynaliteOptions = {}): Promise<TestDynamo> {
  const server = await startDynaliteServer(options.path ? { path: options.path } : {});
  const client = createDynamoDocumentClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    requestTimeoutMs: 5000,
    maxAttempts: 3,
    credentials: LOCAL_FAKE_CREDENTIALS,
  });
  const tableName = options.tableName ?? `test-${randomBytes(4).toString('hex')}`;
  await ensureTable(client, tableName);
  return {
    endpoint: server.endpoint,
    client,
    tableName,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}
