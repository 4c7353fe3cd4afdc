/**
 * Opens the store for a local process (`npm start`, `npm run chat`): a real endpoint when
 * DYNAMODB_ENDPOINT is set, otherwise dynalite embedded with its data in DATA_DIR.
 *
 * LevelDB allows one process per directory, so the process that embeds dynalite leaves
 * its endpoint in DATA_DIR; a second local process (the chat next to the server) joins
 * that one instead of crashing on the lock.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../store/dynamo-client.ts';
import { DynamoCheckInStore } from '../store/dynamo-store.ts';
import { ensureTable } from '../store/table.ts';
import type { LocalConfig } from './config.ts';
import { startDynaliteServer } from './dynalite-server.ts';

/** Per attempt; local servers answer in milliseconds, so this only bounds a stuck one. */
const LOCAL_REQUEST_TIMEOUT_MS = 1000;
const LOCAL_MAX_ATTEMPTS = 3;
/** File in DATA_DIR naming the embedded server of the process that owns the LevelDB. */
export const ENDPOINT_FILE = 'dynamodb-endpoint.json';

export interface LocalStore {
  store: DynamoCheckInStore;
  client: DynamoDBDocumentClient;
  endpoint: string;
  /** How the store was reached: 'embedded' here, 'joined' another local process's, or 'configured'. */
  mode: 'embedded' | 'joined' | 'configured';
  /** Destroys the client and, when embedded, closes dynalite so LevelDB flushes. */
  close(): Promise<void>;
}

export async function openLocalStore(config: LocalConfig): Promise<LocalStore> {
  if (config.dynamoEndpoint) {
    const client = createDynamoDocumentClient({
      endpoint: config.dynamoEndpoint,
      region: config.region,
      requestTimeoutMs: LOCAL_REQUEST_TIMEOUT_MS,
      maxAttempts: LOCAL_MAX_ATTEMPTS,
      // DynamoDB Local and dynalite accept any key; a real endpoint uses the usual chain.
      ...(isLoopback(config.dynamoEndpoint) && !process.env.AWS_ACCESS_KEY_ID
        ? { credentials: LOCAL_FAKE_CREDENTIALS }
        : {}),
    });
    return finish(client, config.dynamoEndpoint, 'configured', async () => {});
  }

  const joined = await joinRunningServer(config);
  if (joined) return joined;

  const server = await startDynaliteServer({ path: join(config.dataDir, 'dynamodb') });
  const endpointFile = join(config.dataDir, ENDPOINT_FILE);
  await writeFile(endpointFile, JSON.stringify({ pid: process.pid, endpoint: server.endpoint }), {
    mode: 0o600,
  });
  const client = localClient(server.endpoint, config.region);
  return finish(client, server.endpoint, 'embedded', async () => {
    await unlinkIfOurs(endpointFile);
    await server.close();
  });

  async function finish(
    client: DynamoDBDocumentClient,
    endpoint: string,
    mode: LocalStore['mode'],
    release: () => Promise<void>,
  ): Promise<LocalStore> {
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        client.destroy();
        await release();
      })();
      return closing;
    };
    try {
      await ensureTable(client, config.tableName);
    } catch (error) {
      await close();
      throw error;
    }
    return {
      store: new DynamoCheckInStore({ client, tableName: config.tableName }),
      client,
      endpoint,
      mode,
      close,
    };
  }
}

async function joinRunningServer(config: LocalConfig): Promise<LocalStore | null> {
  let recorded: { pid?: unknown; endpoint?: unknown };
  try {
    recorded = JSON.parse(await readFile(join(config.dataDir, ENDPOINT_FILE), 'utf8'));
  } catch {
    return null;
  }
  const { pid, endpoint } = recorded;
  if (typeof pid !== 'number' || typeof endpoint !== 'string' || pid === process.pid || !isAlive(pid)) {
    return null;
  }
  const client = localClient(endpoint, config.region);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    await ensureTable(client, config.tableName);
  } catch {
    // A stale file from a process that died without cleaning up: embed our own.
    client.destroy();
    return null;
  }
  let closed = false;
  return {
    store: new DynamoCheckInStore({ client, tableName: config.tableName }),
    client,
    endpoint,
    mode: 'joined',
    close: async () => {
      if (!closed) client.destroy();
      closed = true;
    },
  };
}

function localClient(endpoint: string, region: string): DynamoDBDocumentClient {
  return createDynamoDocumentClient({
    endpoint,
    region,
    requestTimeoutMs: LOCAL_REQUEST_TIMEOUT_MS,
    maxAttempts: LOCAL_MAX_ATTEMPTS,
    credentials: LOCAL_FAKE_CREDENTIALS,
  });
}

async function unlinkIfOurs(file: string): Promise<void> {
  try {
    const recorded = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown };
    if (recorded.pid === process.pid) await unlink(file);
  } catch {
    // Already gone.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}
