/**
 * CheckInStore on one DynamoDB table (docs/design.md, "Data"). An ordinary turn costs one
 * Query (profile and sessions sort together after the entries) and one conditional Put.
 * TTLs are enforced on read because DynamoDB removes expired items days late.
 */
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CheckInStore, Profile, StoredSession, TurnSnapshot, UserExport } from '../core/ports.ts';
import type { Channel, ConversationState, JournalEntry, OpenGoal } from '../core/types.ts';
import { DeleteIncompleteError } from './errors.ts';
import {
  DELIVERY_TTL_SECONDS,
  epochSeconds,
  keys,
  normaliseIso,
  SESSION_TTL_SECONDS,
  TABLE,
} from './table.ts';

type Item = Record<string, unknown>;

const BATCH_WRITE_LIMIT = 25;
const UNPROCESSED_RETRIES = 6;
const DELETE_ROUNDS = 3;

export interface DynamoCheckInStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export class DynamoCheckInStore implements CheckInStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: DynamoCheckInStoreOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
  }

  async loadTurn(userId: string, channel: Channel, now: string): Promise<TurnSnapshot> {
    // Sort order ENTRY# < MSG# < PERSON# < PROFILE < SESSION#: one Query from PROFILE on returns the
    // profile and the (few) sessions, never the journal.
    const out = await this.#client.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: '#pk = :pk AND #sk >= :from',
        ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
        ExpressionAttributeValues: { ':pk': keys.user(userId), ':from': keys.profile },
        ConsistentRead: true,
      }),
    );
    const items = out.Items ?? [];
    const profileItem = items.find((item) => item[TABLE.sortKey] === keys.profile);
    const sessionItem = items.find((item) => item[TABLE.sortKey] === keys.session(channel));
    return {
      profile: profileItem ? toProfile(profileItem) : null,
      session: sessionItem && isLive(sessionItem, now) ? toSession(sessionItem) : null,
    };
  }

  async saveSession(
    userId: string,
    channel: Channel,
    state: ConversationState,
    expectedVersion: number | null,
    now: string,
  ): Promise<number | 'conflict'> {
    const version = (expectedVersion ?? 0) + 1;
    const nowSec = epochSeconds(now);
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            [TABLE.partitionKey]: keys.user(userId),
            [TABLE.sortKey]: keys.session(channel),
            state,
            version,
            updatedAt: now,
            [TABLE.ttlAttribute]: nowSec + SESSION_TTL_SECONDS,
          },
          // A first save may replace an expired session that DynamoDB has not removed yet.
          ...(expectedVersion === null
            ? {
                ConditionExpression: 'attribute_not_exists(#pk) OR #ttl <= :now',
                ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#ttl': TABLE.ttlAttribute },
                ExpressionAttributeValues: { ':now': nowSec },
              }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        }),
      );
      return version;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 'conflict';
      throw error;
    }
  }

  async appendEntry(userId: string, entry: JournalEntry): Promise<void> {
    // Unconditional and keyed by time + id: a retried append overwrites itself, and
    // concurrent appends never collide.
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          [TABLE.partitionKey]: keys.user(userId),
          [TABLE.sortKey]: keys.entry(entry.at, entry.id),
          entry,
        },
      }),
    );
  }

  async entriesSince(userId: string, since: string): Promise<JournalEntry[]> {
    const items = await this.#queryAll({
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
      ExpressionAttributeValues: {
        ':pk': keys.user(userId),
        ':from': `${keys.entryPrefix}${normaliseIso(since)}`,
        ':to': keys.entryEnd,
      },
    });
    return items.map(toEntry);
  }

  async setOpenGoal(userId: string, goal: OpenGoal | null, now: string): Promise<void> {
    await this.#updateProfile(
      userId,
      now,
      goal
        ? 'SET openGoal = :goal, createdAt = if_not_exists(createdAt, :now)'
        : 'SET createdAt = if_not_exists(createdAt, :now) REMOVE openGoal',
      goal ? { ':goal': goal } : {},
    );
  }

  async recordConsent(userId: string, at: string): Promise<void> {
    await this.#updateProfile(
      userId,
      at,
      'SET consentAt = :now, createdAt = if_not_exists(createdAt, :now)',
      {},
    );
  }

  async setOptOut(userId: string, optedOut: boolean, now: string): Promise<void> {
    await this.#updateProfile(
      userId,
      now,
      'SET optedOut = :optedOut, createdAt = if_not_exists(createdAt, :now)',
      { ':optedOut': optedOut },
    );
  }

  async deliveredReply(userId: string, messageId: string, now: string): Promise<string | null> {
    const out = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { [TABLE.partitionKey]: keys.user(userId), [TABLE.sortKey]: keys.delivery(messageId) },
        ConsistentRead: true,
      }),
    );
    const item = out.Item;
    return item && isLive(item, now) && typeof item.reply === 'string' ? item.reply : null;
  }

  async rememberDelivery(userId: string, messageId: string, reply: string, now: string): Promise<void> {
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          [TABLE.partitionKey]: keys.user(userId),
          [TABLE.sortKey]: keys.delivery(messageId),
          reply,
          [TABLE.ttlAttribute]: epochSeconds(now) + DELIVERY_TTL_SECONDS,
        },
      }),
    );
  }

  async linkPerson(accountUserId: string, personUserId: string, now: string): Promise<void> {
    // A plain Put keyed by the person: linking again overwrites the same item.
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          [TABLE.partitionKey]: keys.user(accountUserId),
          [TABLE.sortKey]: keys.person(personUserId),
          linkedAt: now,
        },
      }),
    );
  }

  async linkedPeople(accountUserId: string): Promise<string[]> {
    const items = await this.#queryAll({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ProjectionExpression: '#sk',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
      ExpressionAttributeValues: { ':pk': keys.user(accountUserId), ':prefix': keys.personPrefix },
    });
    return items.map((item) => String(item[TABLE.sortKey]).slice(keys.personPrefix.length));
  }

  async exportUser(userId: string): Promise<UserExport> {
    const items = await this.#queryAll({
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.user(userId) },
    });
    const profileItem = items.find((item) => item[TABLE.sortKey] === keys.profile);
    return {
      profile: profileItem ? toProfile(profileItem) : null,
      entries: items.filter((item) => String(item[TABLE.sortKey]).startsWith(keys.entryPrefix)).map(toEntry),
    };
  }

  async deleteUser(userId: string): Promise<number> {
    let deleted = 0;
    // A turn landing mid-delete can add an item after the Query; a few rounds catch it.
    for (let round = 0; round < DELETE_ROUNDS; round++) {
      const keyItems = await this.#queryAll({
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: '#pk, #sk',
        ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
        ExpressionAttributeValues: { ':pk': keys.user(userId) },
      });
      if (keyItems.length === 0) break;
      for (let i = 0; i < keyItems.length; i += BATCH_WRITE_LIMIT) {
        await this.#batchDelete(keyItems.slice(i, i + BATCH_WRITE_LIMIT));
      }
      deleted += keyItems.length;
    }
    const remaining = await this.countItems(userId);
    if (remaining > 0) throw new DeleteIncompleteError(remaining);
    return deleted;
  }

  async countItems(userId: string): Promise<number> {
    let count = 0;
    let startKey: Item | undefined;
    do {
      const out = await this.#client.send(
        new QueryCommand({
          TableName: this.#table,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
          ExpressionAttributeValues: { ':pk': keys.user(userId) },
          Select: 'COUNT',
          ConsistentRead: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      count += out.Count ?? 0;
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return count;
  }

  async #queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.#client.send(
        new QueryCommand({
          ...input,
          TableName: this.#table,
          ConsistentRead: true,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  async #batchDelete(keyItems: Item[]): Promise<void> {
    type Requests = NonNullable<BatchWriteCommandInput['RequestItems']>[string];
    let pending: Requests = keyItems.map((item) => ({
      DeleteRequest: {
        Key: { [TABLE.partitionKey]: item[TABLE.partitionKey], [TABLE.sortKey]: item[TABLE.sortKey] },
      },
    }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES) {
        // Fall back to single deletes; the final count decides whether the delete is complete.
        for (const request of pending) {
          const key = request.DeleteRequest?.Key;
          if (key) await this.#client.send(new DeleteCommand({ TableName: this.#table, Key: key }));
        }
        return;
      }
      if (attempt > 0) await sleep(Math.min(50 * 2 ** attempt, 1000));
      const out = await this.#client.send(
        new BatchWriteCommand({ RequestItems: { [this.#table]: pending } }),
      );
      pending = out.UnprocessedItems?.[this.#table] ?? [];
    }
  }

  async #updateProfile(
    userId: string,
    now: string,
    expression: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: { [TABLE.partitionKey]: keys.user(userId), [TABLE.sortKey]: keys.profile },
        UpdateExpression: expression,
        ExpressionAttributeValues: { ':now': now, ...values },
      }),
    );
  }
}

function isLive(item: Item, now: string): boolean {
  const expiresAt = item[TABLE.ttlAttribute];
  return typeof expiresAt !== 'number' || expiresAt > epochSeconds(now);
}

function toProfile(item: Item): Profile {
  const profile: Profile = { createdAt: String(item.createdAt ?? '') };
  if (typeof item.consentAt === 'string') profile.consentAt = item.consentAt;
  if (typeof item.optedOut === 'boolean') profile.optedOut = item.optedOut;
  if (typeof item.timeZone === 'string') profile.timeZone = item.timeZone;
  if (item.openGoal && typeof item.openGoal === 'object') profile.openGoal = item.openGoal as OpenGoal;
  return profile;
}

function toSession(item: Item): StoredSession {
  return { state: item.state as ConversationState, version: Number(item.version) };
}

function toEntry(item: Item): JournalEntry {
  return item.entry as JournalEntry;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
