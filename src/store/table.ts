/**
 * The one DynamoDB table (docs/design.md, "Data"): key names, sort-key prefixes, TTLs, and
 * `ensureTable` for local and test servers. On AWS the table comes from CDK instead.
 */

import { createHash } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Channel, Reply } from '../core/types.ts';

/** Attribute names of the table. CDK and the adapter both read them from here. */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** DynamoDB TTL attribute, epoch seconds. DynamoDB deletes late, so reads check it too. */
  ttlAttribute: 'expiresAt',
  /**
   * The sparse index of due reminders: only a PROFILE with an active reminder carries
   * `dueShard` and `dueAt`, so the tick reads just the people who are due, however many
   * people there are. Keys only: the sender reads the profile itself, consistently.
   */
  dueIndex: 'due',
  dueShard: 'dueShard',
  dueAt: 'dueAt',
} as const;

/**
 * How many partitions the due index is spread over. One would do for years (a partition
 * takes 1,000 writes a second); a few keep a busy 7pm from ever being one hot key, and the
 * tick reads each with one Query.
 */
export const DUE_SHARDS = 4;

/** A person's shard of the due index, stable for their user id. */
export function dueShardOf(userId: string): string {
  const n = Number.parseInt(userId.slice(0, 8), 16);
  return `DUE#${Number.isNaN(n) ? 0 : n % DUE_SHARDS}`;
}

/**
 * The due index's shard of a caring text (the CARING item): partitions of their own, so the
 * reminder tick's Queries of DUE#n never read one, and a caring text never moves a reminder.
 */
export function caringShardOf(userId: string): string {
  return dueShardOf(userId).replace('DUE#', 'CARE#');
}

/** How long a conversation stays resumable after its last turn. */
export const SESSION_TTL_SECONDS = 24 * 60 * 60;
/**
 * How many answered provider messages a session remembers. Twilio redelivers a message
 * within seconds to minutes of the first try; three cover a burst of quick replies, and every
 * reply kept adds to the session's write units (1 per KB), so no more are kept.
 */
export const DELIVERIES_KEPT = 3;
/** How long an erased person's last messages are remembered, outside their partition. */
export const TOMBSTONE_TTL_SECONDS = 24 * 60 * 60;
/**
 * What a message answered before its person was erased gets when it is delivered again:
 * nothing (its reply went out then, and a welcome now would bring the person back).
 */
export const ANSWERED_BEFORE_ERASE: Reply = { beats: [], expectsAnswer: false, end: true, silent: true };

export const keys = {
  user: (userId: string): string => `USER#${userId}`,
  profile: 'PROFILE',
  session: (channel: Channel): string => `SESSION#${channel}`,
  entryPrefix: 'ENTRY#',
  /**
   * ENTRY#<ISO time>#<id>. Times are normalised to `toISOString()` so that string order is
   * time order even if a caller passes an offset form.
   */
  entry: (at: string, id: string): string => `ENTRY#${normaliseIso(at)}#${id}`,
  /** Greater than any `ENTRY#<ISO time>...` key: '~' sorts after digits, 'T', 'Z' and '#'. */
  entryEnd: 'ENTRY#~',
  /**
   * TOMBSTONE#<delivery key>, its own partition: a message answered before its person was
   * erased. Nothing in it names the person.
   */
  tombstone: (deliveryKey: string): string => `TOMBSTONE#${deliveryKey}`,
  tombstoneSort: 'TOMBSTONE',
  /**
   * PERSON#<person's user id>, under an Alexa account: a voice recognised on it, so that
   * erasing the account can erase that voice's journal too. Sorts before PROFILE ('E' < 'R'),
   * so the one Query of a turn never reads these links.
   */
  person: (personUserId: string): string => `PERSON#${personUserId}`,
  personPrefix: 'PERSON#',
  /**
   * ALIAS, under an Alexa identity linked to a phone: `personId` is the phone's user id, and
   * every turn of this identity reads and writes there (loadTurn resolves it first).
   */
  alias: 'ALIAS',
  /**
   * CARING, under the person: the one caring text due after a crisis reply (issue 14), with
   * `dueShard` CARE#n and `dueAt` for the due index; deleted when the tick claims it.
   */
  caring: 'CARING',
  /** LINKTRIES, under whoever says codes: wrong codes lately (TTL), so codes cannot be guessed. */
  linkTries: 'LINKTRIES',
  /** LINK#<hash of the code>, its own partition for ten minutes: who made it, whether used. */
  linkCode: (code: string): string => `LINK#${linkCodeHash(code)}`,
  linkCodeSort: 'LINK',
  /**
   * SHARE#<hash of the token>: a share or export link, both under the person (sort key, so
   * DELETE and UNSHARE find it) and as its own partition with sort key SHARE (so a page
   * request finds the person). The token itself is never stored.
   */
  share: (tokenHash: string): string => `SHARE#${tokenHash}`,
  sharePrefix: 'SHARE#',
  shareSort: 'SHARE',
} as const;

/** How long a share or export link works. The words say "24 hours" (core/content/session-prep.ts). */
export const SHARE_TTL_SECONDS = 24 * 60 * 60;

/** How long a link code lives. The words say "10 minutes" (core/content/link.ts). */
export const LINK_CODE_TTL_SECONDS = 10 * 60;
/** Wrong codes allowed per identity in LINK_TRIES_WINDOW_SECONDS; then it waits. */
export const LINK_MAX_WRONG_TRIES = 3;
export const LINK_TRIES_WINDOW_SECONDS = 10 * 60;

/**
 * A code's key: a hash, so the table holds no live code in the clear. A six-digit code is
 * short; what protects it is its ten minutes, single use and the wrong-tries limit.
 */
export function linkCodeHash(code: string): string {
  return createHash('sha256').update(`link-code:${code}`).digest('hex').slice(0, 32);
}

/**
 * The key a provider message is remembered by: a hash of the person and the message id, so
 * no item holds a raw MessageSid next to a person (and a tombstone names neither).
 */
export function deliveryKey(userId: string, messageId: string): string {
  return createHash('sha256').update(`delivery:${userId}:${messageId}`).digest('hex').slice(0, 32);
}

/** `toISOString()` of a parseable time; the input unchanged otherwise (never throws). */
export function normaliseIso(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}

/** Epoch seconds of an ISO time, as DynamoDB TTL wants them. */
export function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

type AnyDynamoClient = DynamoDBClient | DynamoDBDocumentClient;

/**
 * Creates the table if it is missing (on-demand billing), waits until it is active, and
 * turns TTL on where the server supports it (dynalite has no TTL API; reads check
 * `expiresAt` anyway). Safe to call on every start.
 */
export async function ensureTable(client: AnyDynamoClient, tableName: string): Promise<void> {
  // Both client kinds share one middleware stack and config, so base commands work on either.
  const send = client.send.bind(client) as DynamoDBClient['send'];
  let status = await describeStatus(send, tableName);
  if (status === null) {
    try {
      await send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: TABLE.partitionKey, AttributeType: 'S' },
            { AttributeName: TABLE.sortKey, AttributeType: 'S' },
            { AttributeName: TABLE.dueShard, AttributeType: 'S' },
            { AttributeName: TABLE.dueAt, AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [
            {
              IndexName: TABLE.dueIndex,
              KeySchema: [
                { AttributeName: TABLE.dueShard, KeyType: 'HASH' },
                { AttributeName: TABLE.dueAt, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          ],
        }),
      );
    } catch (error) {
      // Another process (the chat and the server at once) may have created it first.
      if ((error as Error).name !== 'ResourceInUseException') throw error;
    }
    status = await describeStatus(send, tableName);
  }
  for (let attempt = 0; status !== 'ACTIVE' && attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = await describeStatus(send, tableName);
  }
  if (status !== 'ACTIVE') throw new TableNotReadyError(tableName, status);
  try {
    await send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    );
  } catch {
    // dynalite lacks the TTL API, and AWS refuses a second identical enable: neither matters
    // because every read ignores expired items.
  }
}

async function describeStatus(send: DynamoDBClient['send'], tableName: string): Promise<string | null> {
  try {
    const out = await send(new DescribeTableCommand({ TableName: tableName }));
    return out.Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException') {
      return null;
    }
    throw error;
  }
}

/** The table did not become active in time. */
export class TableNotReadyError extends Error {
  constructor(
    readonly tableName: string,
    readonly status: string | null,
  ) {
    super(`Table ${tableName} is not active (status: ${status ?? 'missing'})`);
    this.name = 'TableNotReadyError';
  }
}
