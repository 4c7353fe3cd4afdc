/**
 * Opens the store for a local process (`npm start`, `npm run chat`): a real endpoint when
 * DYNAMODB_ENDPOINT is set, otherwise dynalite embedded with its data in DATA_DIR.
 *
 * LevelDB allows one process per directory, so the process that embeds dynalite holds
 * DATA_DIR's owner lock (data-dir-lock.ts) and leaves its endpoint in DATA_DIR; a chat or
 * export next to it joins that one instead of crashing on the lock. The server never
 * joins: a second `npm start` on the same DATA_DIR is refused. An existing database is
 * checked before dynalite opens it (database-check.ts), so it is never recreated empty.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../store/dynamo-client.ts';
import { DynamoCheckInStore } from '../store/dynamo-store.ts';
import { ensureTable } from '../store/table.ts';
import type { LocalConfig } from './config.ts';
import { DATABASE_DIR, holdsDatabase } from './data-dir.ts';
import { acquireDataDirLock, isAlive } from './data-dir-lock.ts';
import { checkExistingDatabase } from './database-check.ts';
import { startDynaliteServer } from './dynalite-server.ts';

/** Per attempt; local servers answer in milliseconds, so this only bounds a stuck one. */
const LOCAL_REQUEST_TIMEOUT_MS = 1000;
const LOCAL_MAX_ATTEMPTS = 3;
/** File in DATA_DIR naming the embedded server of the process that owns the LevelDB. */
export const ENDPOINT_FILE = 'dynamodb-endpoint.json';
/** How often a joined process looks whether the server it joined still runs. */
const OWNER_WATCH_MS = 500;

export interface LocalStore {
  store: DynamoCheckInStore;
  client: DynamoDBDocumentClient;
  endpoint: string;
  /** How the store was reached: 'embedded' here, 'joined' another local process's, or 'configured'. */
  mode: 'embedded' | 'joined' | 'configured';
  /**
   * Joined only: resolves with the pid of the process whose store this one joined once
   * that process is gone, so a chat can say so instead of failing every turn.
   */
  ownerStopped?: Promise<number>;
  /** Destroys the client and, when embedded, closes dynalite so LevelDB flushes. */
  close(): Promise<void>;
}

export interface OpenLocalStoreOptions {
  /**
   * Join another local process's embedded store when one runs (the default, for the chat
   * and export). The server passes false: it embeds the store or refuses to start.
   */
  joinRunning?: boolean;
}

export async function openLocalStore(
  config: LocalConfig,
  options: OpenLocalStoreOptions = {},
): Promise<LocalStore> {
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

  if (options.joinRunning ?? true) {
    const joined = await joinRunningServer(config);
    if (joined) return joined;
  }

  const lock = await acquireDataDirLock(config.dataDir);
  const databaseDir = join(config.dataDir, DATABASE_DIR);
  let server: Awaited<ReturnType<typeof startDynaliteServer>>;
  try {
    if (await holdsDatabase(config.dataDir)) await checkExistingDatabase(databaseDir);
    server = await startDynaliteServer({ path: databaseDir });
  } catch (error) {
    await lock.release();
    throw error;
  }
  const endpointFile = join(config.dataDir, ENDPOINT_FILE);
  await writeFile(endpointFile, JSON.stringify({ pid: process.pid, endpoint: server.endpoint }), {
    mode: 0o600,
  });
  const client = localClient(server.endpoint, config.region);
  return finish(client, server.endpoint, 'embedded', async () => {
    await unlinkIfOurs(endpointFile);
    await server.close();
    await lock.release();
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
  let watch: ReturnType<typeof setInterval> | undefined;
  const ownerStopped = new Promise<number>((resolve) => {
    watch = setInterval(() => {
      if (isAlive(pid)) return;
      clearInterval(watch);
      resolve(pid);
    }, OWNER_WATCH_MS);
    // The watch alone must not keep a finished chat or export alive.
    watch.unref();
  });
  return {
    store: new DynamoCheckInStore({ client, tableName: config.tableName }),
    client,
    endpoint,
    mode: 'joined',
    ownerStopped,
    close: async () => {
      clearInterval(watch);
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

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}
