/**
 * CheckInStore on one DynamoDB table (docs/design.md, "Data"). TTLs are enforced on read
 * because DynamoDB removes expired items days late.
 *
 * A turn, and why it is built this way (issue "Exactly once, never silent"):
 * - Read: one consistent BatchGetItem of PROFILE, SESSION#<channel> and, for a provider
 *   message, its TOMBSTONE#<key>. The session item holds the last three messages it answered
 *   (an opaque hash of person and MessageSid, never the raw id) with their replies, so a
 *   redelivery is found in the same read and answered again with nothing run.
 * - Write: the state is a conditional Put on the version read, and the answered message goes
 *   into the same item, so the state and the dedup record commit atomically. However many
 *   deliveries race, one wins; the others re-read, find their message answered and replay
 *   that reply. Journal entries and profile changes go with the state in one
 *   TransactWriteItems (AWS, DynamoDB Local), or, on a table without transactions
 *   (dynalite), right after the state write that won: either way an attempt that lost writes
 *   nothing of its own. An ordinary turn waits on two round trips (three for SUMMARY, which
 *   reads the journal; one more on dynalite when a turn adds to it).
 * - Chosen over a claim item written before the turn: a claim costs a round trip on every
 *   turn, and a claim whose turn died must expire before the message can be answered at all.
 *   Transactions cost twice the write units of plain writes; only turns with entries or
 *   profile changes use one.
 * - Erase: every item under the person's pk goes, then one tombstone per recently answered
 *   message is written outside it, for a day, so a redelivered YES or DELETE cannot bring the
 *   person back. A tombstone holds the reply and nothing that names the person.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  CheckInStore,
  DeliveryRecord,
  DueReminder,
  LinkParty,
  Profile,
  ReminderClaim,
  ReminderTarget,
  ShareLinkRecord,
  StoredSession,
  TurnCommit,
  TurnSnapshot,
  TurnWrite,
  UserExport,
} from '../core/ports.ts';
import { parsePlan } from '../core/safety-plan.ts';
import type {
  CaringText,
  Channel,
  ConversationState,
  JournalEntry,
  LinkOutcome,
  OpenGoal,
  Reminder,
  Reply,
  SessionPlan,
} from '../core/types.ts';
import { DeleteIncompleteError, PartialCommitError } from './errors.ts';
import {
  ANSWERED_BEFORE_ERASE,
  caringShardOf,
  DELIVERIES_KEPT,
  DUE_SHARDS,
  deliveryKey,
  dueShardOf,
  epochSeconds,
  keys,
  LINK_CODE_TTL_SECONDS,
  LINK_MAX_WRONG_TRIES,
  LINK_TRIES_WINDOW_SECONDS,
  normaliseIso,
  SESSION_TTL_SECONDS,
  SHARE_TTL_SECONDS,
  TABLE,
  TOMBSTONE_TTL_SECONDS,
} from './table.ts';

type Item = Record<string, unknown>;
type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>[string];
/** A session's answered message as stored: its opaque key and the reply, as JSON. */
interface StoredDelivery {
  key: string;
  reply: string;
}
interface PendingWrite {
  transact: NonNullable<TransactWriteCommandInput['TransactItems']>[number];
  send: () => Promise<unknown>;
}

const BATCH_WRITE_LIMIT = 25;
const UNPROCESSED_RETRIES = 6;
const DELETE_ROUNDS = 3;

export interface DynamoCheckInStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /**
   * Whether the table takes TransactWriteItems (AWS and DynamoDB Local do, dynalite does
   * not). Default: found out on the first turn that needs one.
   */
  transactions?: boolean;
}

export class DynamoCheckInStore implements CheckInStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  /** Undefined until the table has answered a transaction (or refused it as unknown). */
  #transactions: boolean | undefined;

  constructor(options: DynamoCheckInStoreOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#transactions = options.transactions;
  }

  async loadTurn(userId: string, channel: Channel, now: string, messageId?: string): Promise<TurnSnapshot> {
    // One consistent BatchGetItem: the profile, this channel's session (holding the last
    // answered messages), the identity's ALIAS should it be linked to a phone and, for a
    // provider message, its tombstone should its person have been erased since. A linked
    // identity reads again under its person (one more round trip, for linked Alexa turns only).
    const first = await this.#readTurn(userId, channel, now, messageId, true);
    if (!first.personId) return first.snapshot;
    const resolved = await this.#readTurn(first.personId, channel, now, messageId, false);
    return { ...resolved.snapshot, personId: first.personId };
  }

  async #readTurn(
    userId: string,
    channel: Channel,
    now: string,
    messageId: string | undefined,
    withAlias: boolean,
  ): Promise<{ snapshot: TurnSnapshot; personId?: string }> {
    const user = keys.user(userId);
    const key = messageId === undefined ? undefined : deliveryKey(userId, messageId);
    const wanted: Item[] = [
      { [TABLE.partitionKey]: user, [TABLE.sortKey]: keys.profile },
      { [TABLE.partitionKey]: user, [TABLE.sortKey]: keys.session(channel) },
    ];
    if (withAlias) wanted.push({ [TABLE.partitionKey]: user, [TABLE.sortKey]: keys.alias });
    if (key) wanted.push({ [TABLE.partitionKey]: keys.tombstone(key), [TABLE.sortKey]: keys.tombstoneSort });
    const items = await this.#batchGet(wanted);
    const bySort = (pk: string, sk: string) =>
      items.find((item) => item[TABLE.partitionKey] === pk && item[TABLE.sortKey] === sk);
    const alias = withAlias ? bySort(user, keys.alias) : undefined;
    if (alias && typeof alias.personId === 'string') return { snapshot: EMPTY, personId: alias.personId };
    const profileItem = bySort(user, keys.profile);
    const sessionItem = bySort(user, keys.session(channel));
    const snapshot: TurnSnapshot = {
      profile: profileItem ? toProfile(profileItem) : null,
      session: sessionItem && isLive(sessionItem, now) ? toSession(sessionItem) : null,
    };
    if (key) {
      // An expired session's record still counts: the message was answered.
      const answered = sessionItem ? toDeliveries(sessionItem).find((d) => d.key === key) : undefined;
      const tombstone = bySort(keys.tombstone(key), keys.tombstoneSort);
      const replay =
        answered?.reply ?? (tombstone && isLive(tombstone, now) ? parseReply(tombstone.reply) : undefined);
      if (replay) snapshot.replay = replay;
    }
    return { snapshot };
  }

  async createLinkCode(code: string, issuer: LinkParty, now: string): Promise<boolean> {
    const nowSec = epochSeconds(now);
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#table,
          Item: {
            [TABLE.partitionKey]: keys.linkCode(code),
            [TABLE.sortKey]: keys.linkCodeSort,
            issuer: issuer.userId,
            channel: issuer.channel,
            createdAt: now,
            [TABLE.ttlAttribute]: nowSec + LINK_CODE_TTL_SECONDS,
          },
          // Someone else's live code is never overwritten (a collision in a million).
          ConditionExpression: 'attribute_not_exists(#pk) OR #ttl <= :now',
          ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#ttl': TABLE.ttlAttribute },
          ExpressionAttributeValues: { ':now': nowSec },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async redeemLinkCode(code: string, redeemer: LinkParty, now: string): Promise<LinkOutcome> {
    const nowSec = epochSeconds(now);
    const triesKey = { [TABLE.partitionKey]: keys.user(redeemer.userId), [TABLE.sortKey]: keys.linkTries };
    const codeKey = { [TABLE.partitionKey]: keys.linkCode(code), [TABLE.sortKey]: keys.linkCodeSort };
    const [tries, codeItem] = await Promise.all([this.#get(triesKey), this.#get(codeKey)]);
    if (tries && isLive(tries, now) && Number(tries.count) >= LINK_MAX_WRONG_TRIES) return 'tooMany';
    if (!codeItem) {
      // A wrong code counts; the window starts at the first wrong one.
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: triesKey,
          UpdateExpression:
            'SET #count = if_not_exists(#count, :zero) + :one, #ttl = if_not_exists(#ttl, :until)',
          ExpressionAttributeNames: { '#count': 'count', '#ttl': TABLE.ttlAttribute },
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':until': nowSec + LINK_TRIES_WINDOW_SECONDS },
          ...(tries && !isLive(tries, now)
            ? {
                // The last window is over: start a new one.
                UpdateExpression: 'SET #count = :one, #ttl = :until',
                ExpressionAttributeValues: { ':one': 1, ':until': nowSec + LINK_TRIES_WINDOW_SECONDS },
              }
            : {}),
        }),
      );
      return 'wrong';
    }
    if (typeof codeItem.usedAt === 'string') return 'used';
    if (!isLive(codeItem, now)) return 'expired';
    const issuer: LinkParty = { userId: String(codeItem.issuer), channel: codeItem.channel as Channel };
    if (issuer.channel === redeemer.channel) return 'sameChannel';
    const phone = issuer.channel === 'sms' ? issuer : redeemer;
    const voice = issuer.channel === 'alexa' ? issuer : redeemer;
    if (phone.channel !== 'sms' || voice.channel !== 'alexa') return 'sameChannel';
    const existing = await this.#get({
      [TABLE.partitionKey]: keys.user(voice.userId),
      [TABLE.sortKey]: keys.alias,
    });
    if (existing) return existing.personId === phone.userId ? 'alreadyLinked' : 'linkedElsewhere';
    try {
      // Single use: only one redeemer wins the code.
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: codeKey,
          UpdateExpression: 'SET usedAt = :now',
          ConditionExpression: 'attribute_not_exists(usedAt)',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 'used';
      throw error;
    }
    await this.#merge(voice.userId, phone.userId, now);
    return 'linked';
  }

  /**
   * The Alexa side's journal moves under the phone's person once: entries copied by their own
   * keys (time + id, so a retried merge overwrites itself and nothing doubles), the open goal
   * from whichever was set last, then the ALIAS that makes every later turn go there, then the
   * originals go (Alexa starts from the shared journal; an UNLINK later leaves it all with the
   * phone).
   */
  async #merge(voiceId: string, phoneId: string, now: string): Promise<void> {
    const voiceItems = await this.#queryAll({
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.user(voiceId) },
    });
    const entries = voiceItems.filter((item) => String(item[TABLE.sortKey]).startsWith(keys.entryPrefix));
    await this.#batchWrite(
      entries.map((item) => ({
        PutRequest: { Item: { ...item, [TABLE.partitionKey]: keys.user(phoneId) } },
      })),
    );
    const voiceProfile = voiceItems.find((item) => item[TABLE.sortKey] === keys.profile);
    const phoneProfile = await this.#get({
      [TABLE.partitionKey]: keys.user(phoneId),
      [TABLE.sortKey]: keys.profile,
    });
    const voiceGoal = voiceProfile?.openGoal as OpenGoal | undefined;
    const phoneGoal = phoneProfile?.openGoal as OpenGoal | undefined;
    const goalFromVoice =
      voiceGoal !== undefined && (phoneGoal === undefined || voiceGoal.setAt > phoneGoal.setAt);
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: { [TABLE.partitionKey]: keys.user(phoneId), [TABLE.sortKey]: keys.profile },
        UpdateExpression: `SET #created = if_not_exists(#created, :now)${goalFromVoice ? ', openGoal = :goal' : ''} ADD linkedIds :ids`,
        ExpressionAttributeNames: { '#created': 'createdAt' },
        ExpressionAttributeValues: {
          ':now': now,
          ':ids': new Set([voiceId]),
          ...(goalFromVoice ? { ':goal': voiceGoal } : {}),
        },
      }),
    );
    await this.#client.send(
      new PutCommand({
        TableName: this.#table,
        Item: {
          [TABLE.partitionKey]: keys.user(voiceId),
          [TABLE.sortKey]: keys.alias,
          personId: phoneId,
          linkedAt: now,
        },
      }),
    );
    const moved = [...entries, ...(voiceProfile ? [voiceProfile] : [])];
    for (let i = 0; i < moved.length; i += BATCH_WRITE_LIMIT) {
      await this.#batchDelete(moved.slice(i, i + BATCH_WRITE_LIMIT));
    }
  }

  async unlink(userId: string, _now: string): Promise<boolean> {
    const user = keys.user(userId);
    const [alias, profile] = await Promise.all([
      this.#get({ [TABLE.partitionKey]: user, [TABLE.sortKey]: keys.alias }),
      this.#get({ [TABLE.partitionKey]: user, [TABLE.sortKey]: keys.profile }),
    ]);
    // From Alexa: this identity's alias goes, and the phone forgets it.
    if (alias && typeof alias.personId === 'string') {
      await this.#forgetLink(alias.personId, userId);
      return true;
    }
    // From the phone: every Alexa linked to it.
    const linked = linkedIdsOf(profile);
    for (const voiceId of linked) await this.#forgetLink(userId, voiceId);
    return linked.length > 0;
  }

  async #forgetLink(phoneId: string, voiceId: string): Promise<void> {
    await this.#client.send(
      new DeleteCommand({
        TableName: this.#table,
        Key: { [TABLE.partitionKey]: keys.user(voiceId), [TABLE.sortKey]: keys.alias },
      }),
    );
    await this.#client
      .send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { [TABLE.partitionKey]: keys.user(phoneId), [TABLE.sortKey]: keys.profile },
          UpdateExpression: 'DELETE linkedIds :ids',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
          ExpressionAttributeValues: { ':ids': new Set([voiceId]) },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }

  async eraseVoiceSide(alexaUserId: string): Promise<number> {
    const alias = await this.#get({
      [TABLE.partitionKey]: keys.user(alexaUserId),
      [TABLE.sortKey]: keys.alias,
    });
    let deleted = 0;
    if (alias && typeof alias.personId === 'string') {
      const phoneId = alias.personId;
      await this.#forgetLink(phoneId, alexaUserId);
      // What was said on Alexa, in the shared journal, goes with the skill; the texts stay.
      const items = await this.#queryAll({
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
        ExpressionAttributeValues: { ':pk': keys.user(phoneId) },
      });
      const voiceItems = items.filter(
        (item) =>
          item[TABLE.sortKey] === keys.session('alexa') ||
          (String(item[TABLE.sortKey]).startsWith(keys.entryPrefix) && toEntry(item).channel === 'alexa'),
      );
      for (let i = 0; i < voiceItems.length; i += BATCH_WRITE_LIMIT) {
        await this.#batchDelete(voiceItems.slice(i, i + BATCH_WRITE_LIMIT));
      }
      deleted += voiceItems.length;
    }
    return deleted;
  }

  async #get(key: Item): Promise<Item | undefined> {
    const [item] = await this.#batchGet([key]);
    return item;
  }

  async saveSession(
    userId: string,
    channel: Channel,
    state: ConversationState,
    expectedVersion: number | null,
    now: string,
  ): Promise<number | 'conflict'> {
    return this.commitTurn(userId, channel, { state, expectedVersion, writes: [], now });
  }

  async commitTurn(userId: string, channel: Channel, commit: TurnCommit): Promise<number | 'conflict'> {
    const version = (commit.expectedVersion ?? 0) + 1;
    const session = this.#sessionPut(userId, channel, commit, version);
    const others = this.#writesOf(userId, commit);
    if (others.length > 0 && this.#transactions !== false) {
      try {
        await this.#client.send(
          new TransactWriteCommand({
            TransactItems: [{ Put: session }, ...others.map(({ transact }) => transact)],
          }),
        );
        this.#transactions = true;
        return version;
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TransactionCanceledException') return 'conflict';
        // dynalite has no transactions: from now on, the state first and the rest after it.
        if (name !== 'UnknownOperationException' || this.#transactions === true) throw error;
        this.#transactions = false;
      }
    }
    try {
      await this.#client.send(new PutCommand(session));
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return 'conflict';
      throw error;
    }
    // Only the winner of the state write gets here, so a lost race leaves nothing of its own.
    const results = await Promise.allSettled(others.map(({ send }) => send()));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw new PartialCommitError(version, { cause: (failed as PromiseRejectedResult).reason });
    return version;
  }

  async rememberErasure(
    userId: string,
    erasing: { messageId: string; reply: Reply },
    earlier: readonly DeliveryRecord[],
    now: string,
  ): Promise<void> {
    const expiresAt = epochSeconds(now) + TOMBSTONE_TTL_SECONDS;
    const tombstone = (key: string, reply: Reply) => ({
      PutRequest: {
        Item: {
          [TABLE.partitionKey]: keys.tombstone(key),
          [TABLE.sortKey]: keys.tombstoneSort,
          reply: JSON.stringify(reply),
          [TABLE.ttlAttribute]: expiresAt,
        },
      },
    });
    // Messages answered before the erase are not answered again: their replies went out then.
    const requests = [
      tombstone(deliveryKey(userId, erasing.messageId), erasing.reply),
      ...earlier.map((record) => tombstone(record.key, ANSWERED_BEFORE_ERASE)),
    ];
    await this.#batchWrite(requests);
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

  async dueReminders(now: string, limit: number): Promise<DueReminder[]> {
    const found: DueReminder[] = [];
    try {
      for (let shard = 0; shard < DUE_SHARDS; shard++) {
        const out = await this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            IndexName: TABLE.dueIndex,
            KeyConditionExpression: '#shard = :shard AND #due <= :now',
            ExpressionAttributeNames: { '#shard': TABLE.dueShard, '#due': TABLE.dueAt },
            ExpressionAttributeValues: { ':shard': `DUE#${shard}`, ':now': now },
            Limit: limit,
          }),
        );
        for (const item of out.Items ?? []) found.push(dueOf(item));
      }
    } catch (error) {
      if (!isMissingIndex(error)) throw error;
      // A local table made before reminders has no index, and dynalite cannot add one to an
      // existing table: read the few profiles there are instead (never on AWS, where CDK
      // creates the index with the table).
      found.push(...(await this.#scanDue(now)));
    }
    return found.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0)).slice(0, limit);
  }

  async #scanDue(now: string, sortKey: string = keys.profile): Promise<DueReminder[]> {
    const found: DueReminder[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.#client.send(
        new ScanCommand({
          TableName: this.#table,
          FilterExpression: 'attribute_exists(#due) AND #due <= :now AND #sk = :sk',
          ExpressionAttributeNames: { '#due': TABLE.dueAt, '#sk': TABLE.sortKey },
          ExpressionAttributeValues: { ':now': now, ':sk': sortKey },
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of out.Items ?? []) found.push(dueOf(item));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  async loadReminderTarget(userId: string, now: string): Promise<ReminderTarget | null> {
    const user = keys.user(userId);
    const items = await this.#batchGet([
      { [TABLE.partitionKey]: user, [TABLE.sortKey]: keys.profile },
      { [TABLE.partitionKey]: user, [TABLE.sortKey]: keys.session('sms') },
    ]);
    const profileItem = items.find((item) => item[TABLE.sortKey] === keys.profile);
    if (!profileItem) return null;
    const sessionItem = items.find((item) => item[TABLE.sortKey] === keys.session('sms'));
    const live = sessionItem && isLive(sessionItem, now) ? sessionItem : undefined;
    return {
      profile: toProfile(profileItem),
      ...(typeof profileItem.contact === 'string' ? { contact: profileItem.contact } : {}),
      session: live ? toSession(live) : null,
      ...(live && typeof live.updatedAt === 'string' ? { sessionUpdatedAt: live.updatedAt } : {}),
    };
  }

  async claimReminder(userId: string, claim: ReminderClaim): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { [TABLE.partitionKey]: keys.user(userId), [TABLE.sortKey]: keys.profile },
          ...reminderUpdate(userId, claim.reminder, claim.expectedDueAt, { sentFor: claim.localDate }),
          ConditionExpression:
            '#due = :expected AND (attribute_not_exists(sentFor) OR sentFor <> :sentFor) AND attribute_exists(contact) AND (attribute_not_exists(optedOut) OR optedOut = :no)',
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
    if (claim.state) {
      // The question the text asks becomes the open one, unless they are mid-turn right now.
      const placed = await this.commitTurn(userId, 'sms', {
        state: claim.state,
        expectedVersion: claim.expectedVersion,
        writes: [],
        now: claim.now,
      }).catch(() => 'conflict' as const);
      void placed;
    }
    return true;
  }

  async rescheduleReminder(
    userId: string,
    expectedDueAt: string,
    reminder: Reminder,
    _now: string,
  ): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: { [TABLE.partitionKey]: keys.user(userId), [TABLE.sortKey]: keys.profile },
          ...reminderUpdate(userId, reminder, expectedDueAt, {}),
          ConditionExpression: '#due = :expected',
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async dueCaringTexts(now: string, limit: number): Promise<DueReminder[]> {
    const found: DueReminder[] = [];
    try {
      for (let shard = 0; shard < DUE_SHARDS; shard++) {
        const out = await this.#client.send(
          new QueryCommand({
            TableName: this.#table,
            IndexName: TABLE.dueIndex,
            KeyConditionExpression: '#shard = :shard AND #due <= :now',
            ExpressionAttributeNames: { '#shard': TABLE.dueShard, '#due': TABLE.dueAt },
            ExpressionAttributeValues: { ':shard': `CARE#${shard}`, ':now': now },
            Limit: limit,
          }),
        );
        for (const item of out.Items ?? []) found.push(dueOf(item));
      }
    } catch (error) {
      if (!isMissingIndex(error)) throw error;
      // A local table made before reminders: scan, as dueReminders does.
      found.push(...(await this.#scanDue(now, keys.caring)));
    }
    return found.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0)).slice(0, limit);
  }

  async claimCaringText(userId: string, expectedDueAt: string, now: string): Promise<boolean> {
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#table,
          Key: { [TABLE.partitionKey]: keys.user(userId), [TABLE.sortKey]: keys.caring },
          ConditionExpression: '#due = :expected',
          ExpressionAttributeNames: { '#due': TABLE.dueAt },
          ExpressionAttributeValues: { ':expected': expectedDueAt },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
    const profileKey = { [TABLE.partitionKey]: keys.user(userId), [TABLE.sortKey]: keys.profile };
    await this.#client
      .send(
        new UpdateCommand({
          TableName: this.#table,
          Key: profileKey,
          UpdateExpression: 'SET #caring.#sent = :now',
          ConditionExpression: 'attribute_exists(#caring)',
          ExpressionAttributeNames: { '#caring': 'caringText', '#sent': 'sentAt' },
          ExpressionAttributeValues: { ':now': now },
        }),
      )
      .catch((error: unknown) => {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      });
    // The number was kept for this one text: it goes now, unless a reminder still needs it.
    await this.#client
      .send(
        new UpdateCommand({
          TableName: this.#table,
          Key: profileKey,
          UpdateExpression: 'REMOVE #contact',
          ConditionExpression: 'attribute_not_exists(#reminder)',
          ExpressionAttributeNames: { '#contact': 'contact', '#reminder': 'reminder' },
        }),
      )
      .catch((error: unknown) => {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      });
    return true;
  }

  async endRemindersOptedOut(userId: string, now: string): Promise<void> {
    const update = profileUpdate(
      [{ type: 'setOptOut', optedOut: true }, { type: 'clearReminder' }],
      now,
      userId,
    );
    if (!update) return;
    await this.#client.send(
      new UpdateCommand({
        TableName: this.#table,
        Key: { [TABLE.partitionKey]: keys.user(userId), [TABLE.sortKey]: keys.profile },
        ...update,
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

  // SHARE / EXPORT links: the token's hash twice, under the person and on its own (ports.ts).

  async createShareLink(
    userId: string,
    tokenHash: string,
    record: ShareLinkRecord,
    now: string,
  ): Promise<void> {
    const expiresAt = epochSeconds(now) + SHARE_TTL_SECONDS;
    // One live link of a kind: a new SHARE turns the last one off.
    const earlier = (await this.#shareItems(userId)).filter((item) => item.kind === record.kind);
    await this.#dropShares(earlier);
    const fields = {
      kind: record.kind,
      since: record.since,
      createdAt: record.createdAt,
      [TABLE.ttlAttribute]: expiresAt,
    };
    await this.#batchWrite([
      {
        PutRequest: {
          Item: {
            [TABLE.partitionKey]: keys.user(userId),
            [TABLE.sortKey]: keys.share(tokenHash),
            ...fields,
          },
        },
      },
      {
        PutRequest: {
          Item: {
            [TABLE.partitionKey]: keys.share(tokenHash),
            [TABLE.sortKey]: keys.shareSort,
            userId,
            ...fields,
          },
        },
      },
    ]);
  }

  async findShareLink(
    tokenHash: string,
    now: string,
  ): Promise<{ userId: string; record: ShareLinkRecord } | undefined> {
    const lookup = await this.#get({
      [TABLE.partitionKey]: keys.share(tokenHash),
      [TABLE.sortKey]: keys.shareSort,
    });
    if (!lookup || !isLive(lookup, now) || typeof lookup.userId !== 'string') return undefined;
    // The person's own copy must be live too: UNSHARE or DELETE may have removed it first.
    const own = await this.#get({
      [TABLE.partitionKey]: keys.user(lookup.userId),
      [TABLE.sortKey]: keys.share(tokenHash),
    });
    if (!own || !isLive(own, now)) return undefined;
    const kind = lookup.kind === 'export' ? 'export' : 'summary';
    return {
      userId: lookup.userId,
      record: { kind, since: String(lookup.since), createdAt: String(lookup.createdAt) },
    };
  }

  async revokeShareLinks(userId: string): Promise<number> {
    const items = await this.#shareItems(userId);
    await this.#dropShares(items);
    return items.length;
  }

  async #shareItems(userId: string): Promise<Item[]> {
    return this.#queryAll({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :share)',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
      ExpressionAttributeValues: { ':pk': keys.user(userId), ':share': keys.sharePrefix },
    });
  }

  /** The person's copies (sort key SHARE#<hash>) and the lookups they name: the lookups first. */
  async #dropShares(own: Item[]): Promise<void> {
    if (own.length === 0) return;
    const lookups = own.map((item) => ({
      [TABLE.partitionKey]: String(item[TABLE.sortKey]),
      [TABLE.sortKey]: keys.shareSort,
    }));
    await this.#batchDelete(lookups);
    await this.#batchDelete(own);
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
    // A person linked across channels is one person: every Alexa identity linked to the phone
    // goes too (its alias, its sessions, anything left under it), before the phone's own
    // items, so an erase cut short leaves no alias pointing at nothing. The PERSON# links an
    // account keeps for other recognised voices stay: they are those people's to erase.
    const linked: string[] = [];
    const deleted = await this.#deletePartition(userId, false, async (items) => {
      linked.push(...linkedIdsOf(items.find((item) => item[TABLE.sortKey] === keys.profile)));
      // Share links: their lookups live outside the partition; the person's copies go with it.
      await this.#dropShares(
        items.filter((item) => String(item[TABLE.sortKey]).startsWith(keys.sharePrefix)),
      );
      let voices = 0;
      for (const voiceId of linked) voices += await this.#deletePartition(voiceId, true);
      return voices;
    });
    const remaining =
      (await this.countItems(userId)) +
      (await Promise.all(linked.map((id) => this.#countOwnItems(id)))).reduce((a, b) => a + b, 0);
    if (remaining > 0) throw new DeleteIncompleteError(remaining);
    return deleted;
  }

  /**
   * Every item under one partition, in a few rounds (a turn landing mid-delete can add an item
   * after the Query). `first` runs once on the first round's items, before they go.
   */
  async #deletePartition(
    userId: string,
    keepVoiceLinks: boolean,
    first?: (items: Item[]) => Promise<number>,
  ): Promise<number> {
    let deleted = 0;
    for (let round = 0; round < DELETE_ROUNDS; round++) {
      const keyItems = (
        await this.#queryAll({
          KeyConditionExpression: '#pk = :pk',
          ProjectionExpression: '#pk, #sk, linkedIds',
          ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
          ExpressionAttributeValues: { ':pk': keys.user(userId) },
        })
      ).filter((item) => !keepVoiceLinks || !String(item[TABLE.sortKey]).startsWith(keys.personPrefix));
      if (round === 0 && first) deleted += await first(keyItems);
      if (keyItems.length === 0) break;
      for (let i = 0; i < keyItems.length; i += BATCH_WRITE_LIMIT) {
        await this.#batchDelete(keyItems.slice(i, i + BATCH_WRITE_LIMIT));
      }
      deleted += keyItems.length;
    }
    return deleted;
  }

  /** Items under an identity besides the PERSON# links it keeps for other voices. */
  async #countOwnItems(userId: string): Promise<number> {
    const items = await this.#queryAll({
      KeyConditionExpression: '#pk = :pk',
      ProjectionExpression: '#sk',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
      ExpressionAttributeValues: { ':pk': keys.user(userId) },
    });
    return items.filter((item) => !String(item[TABLE.sortKey]).startsWith(keys.personPrefix)).length;
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
    await this.#batchWrite(
      keyItems.map((item) => ({
        DeleteRequest: {
          Key: { [TABLE.partitionKey]: item[TABLE.partitionKey], [TABLE.sortKey]: item[TABLE.sortKey] },
        },
      })),
    );
  }

  /** BatchWriteItem with retries of what the table left unprocessed, then one by one. */
  async #batchWrite(requests: WriteRequests): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH_WRITE_LIMIT) {
      let pending = requests.slice(i, i + BATCH_WRITE_LIMIT);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > UNPROCESSED_RETRIES) {
          // Fall back to single writes; a delete's final count decides whether it is complete.
          for (const request of pending) {
            const key = request.DeleteRequest?.Key;
            const item = request.PutRequest?.Item;
            if (key) await this.#client.send(new DeleteCommand({ TableName: this.#table, Key: key }));
            if (item) await this.#client.send(new PutCommand({ TableName: this.#table, Item: item }));
          }
          break;
        }
        if (attempt > 0) await sleep(Math.min(50 * 2 ** attempt, 1000));
        const out = await this.#client.send(
          new BatchWriteCommand({ RequestItems: { [this.#table]: pending } }),
        );
        pending = out.UnprocessedItems?.[this.#table] ?? [];
      }
    }
  }

  /** BatchGetItem, consistent, retrying what the table left unprocessed. */
  async #batchGet(wanted: Item[]): Promise<Item[]> {
    const found: Item[] = [];
    let pending = wanted;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await sleep(Math.min(25 * 2 ** attempt, 200));
      const out = await this.#client.send(
        new BatchGetCommand({ RequestItems: { [this.#table]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(out.Responses?.[this.#table] ?? []));
      pending = out.UnprocessedKeys?.[this.#table]?.Keys ?? [];
      if (attempt >= UNPROCESSED_RETRIES && pending.length > 0)
        throw new Error('BatchGetItem left keys unprocessed');
    }
    return found;
  }

  /** The conditional Put of a turn's session: the state and the last answered messages. */
  #sessionPut(userId: string, channel: Channel, commit: TurnCommit, version: number) {
    const nowSec = epochSeconds(commit.now);
    const deliveries: StoredDelivery[] = (commit.keptDeliveries ?? []).map((d) => ({
      key: d.key,
      reply: JSON.stringify(d.reply),
    }));
    if (commit.delivery) {
      deliveries.unshift({
        key: deliveryKey(userId, commit.delivery.messageId),
        reply: JSON.stringify(commit.delivery.reply),
      });
    }
    return {
      TableName: this.#table,
      Item: {
        [TABLE.partitionKey]: keys.user(userId),
        [TABLE.sortKey]: keys.session(channel),
        state: commit.state,
        version,
        updatedAt: commit.now,
        ...(deliveries.length > 0 ? { deliveries: deliveries.slice(0, DELIVERIES_KEPT) } : {}),
        [TABLE.ttlAttribute]: nowSec + SESSION_TTL_SECONDS,
      },
      ...versionCondition(commit.expectedVersion, nowSec),
    };
  }

  /**
   * The turn's other writes, each as a transaction item and as a request of its own: entries
   * as Puts, and every profile change merged into one Update (a transaction may touch an item
   * only once).
   */
  #writesOf(userId: string, commit: TurnCommit): PendingWrite[] {
    const writes: PendingWrite[] = [];
    for (const write of commit.writes) {
      if (write.type !== 'appendEntry') continue;
      const put = {
        TableName: this.#table,
        Item: {
          [TABLE.partitionKey]: keys.user(userId),
          [TABLE.sortKey]: keys.entry(write.entry.at, write.entry.id),
          entry: write.entry,
        },
      };
      writes.push({ transact: { Put: put }, send: () => this.#client.send(new PutCommand(put)) });
    }
    for (const write of commit.writes) {
      // The caring text's due time, an item of its own in the due index (keys.caring).
      if (write.type !== 'setCaringText' || write.caring.answer !== 'yes' || !write.caring.dueAt) continue;
      const put = {
        TableName: this.#table,
        Item: {
          [TABLE.partitionKey]: keys.user(userId),
          [TABLE.sortKey]: keys.caring,
          [TABLE.dueShard]: caringShardOf(userId),
          [TABLE.dueAt]: write.caring.dueAt,
        },
      };
      writes.push({ transact: { Put: put }, send: () => this.#client.send(new PutCommand(put)) });
    }
    const profile = profileUpdate(commit.writes, commit.now, userId);
    if (profile) {
      const update = {
        TableName: this.#table,
        Key: { [TABLE.partitionKey]: keys.user(userId), [TABLE.sortKey]: keys.profile },
        ...profile,
      };
      writes.push({ transact: { Update: update }, send: () => this.#client.send(new UpdateCommand(update)) });
    }
    return writes;
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

/** The state write's condition: the version read is still the stored one. */
function versionCondition(
  expectedVersion: number | null,
  nowSec: number,
): {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  return expectedVersion === null
    ? {
        // A first save may replace an expired session that DynamoDB has not removed yet.
        ConditionExpression: 'attribute_not_exists(#pk) OR #ttl <= :now',
        ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#ttl': TABLE.ttlAttribute },
        ExpressionAttributeValues: { ':now': nowSec },
      }
    : {
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      };
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
  if (item.reminder && typeof item.reminder === 'object') profile.reminder = item.reminder as Reminder;
  if (typeof item.reminderOfferedAt === 'string') profile.reminderOfferedAt = item.reminderOfferedAt;
  if (typeof item.planOfferedAt === 'string') profile.planOfferedAt = item.planOfferedAt;
  if (typeof item.contact === 'string') profile.hasContact = true;
  if (item.sessions && typeof item.sessions === 'object') profile.sessions = item.sessions as SessionPlan;
  if (typeof item.includeHardMomentsAt === 'string') profile.includeHardMomentsAt = item.includeHardMomentsAt;
  if (typeof item.hardMomentsAskedAt === 'string') profile.hardMomentsAskedAt = item.hardMomentsAskedAt;
  const linked = linkedIdsOf(item);
  if (linked.length > 0) profile.linkedIds = linked;
  const plan = parsePlan(item.safetyPlan);
  if (plan) profile.safetyPlan = plan;
  if (item.caringText && typeof item.caringText === 'object')
    profile.caringText = item.caringText as CaringText;
  return profile;
}

/** The Alexa identities linked to a phone's profile (a string set; absent when none). */
function linkedIdsOf(item: Item | undefined): string[] {
  const ids = item?.linkedIds;
  if (ids instanceof Set) return [...ids].map(String);
  return Array.isArray(ids) ? ids.map(String) : [];
}

const EMPTY: TurnSnapshot = { profile: null, session: null };

function dueOf(item: Item): DueReminder {
  return {
    userId: String(item[TABLE.partitionKey]).slice(keys.user('').length),
    dueAt: String(item[TABLE.dueAt]),
  };
}

const isMissingIndex = (error: unknown): boolean =>
  (error as Error).name === 'ValidationException' && /index/i.test((error as Error).message);

/**
 * The sender's write of a reminder: the reminder, its due time in the sparse index (or out
 * of it when nothing is due), and any extra fields, conditional on the due time it read.
 */
function reminderUpdate(
  userId: string,
  reminder: Reminder,
  expectedDueAt: string,
  extra: Record<string, string>,
): {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const values: Record<string, unknown> = { ':reminder': reminder, ':expected': expectedDueAt, ':no': false };
  const sets = ['reminder = :reminder'];
  for (const [field, value] of Object.entries(extra)) {
    values[`:${field}`] = value;
    sets.push(`${field} = :${field}`);
  }
  let remove = '';
  if (reminder.dueAt) {
    values[':next'] = reminder.dueAt;
    values[':shard'] = dueShardOf(userId);
    sets.push('#due = :next', '#shard = :shard');
  } else {
    remove = ' REMOVE #due, #shard';
  }
  const names = { '#due': TABLE.dueAt, '#shard': TABLE.dueShard };
  if (!('sentFor' in extra)) delete values[':no'];
  return {
    UpdateExpression: `SET ${sets.join(', ')}${remove}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

function toSession(item: Item): StoredSession {
  const session: StoredSession = { state: item.state as ConversationState, version: Number(item.version) };
  const deliveries = toDeliveries(item);
  if (deliveries.length > 0) session.deliveries = deliveries;
  return session;
}

function toDeliveries(item: Item): DeliveryRecord[] {
  const stored = Array.isArray(item.deliveries) ? (item.deliveries as StoredDelivery[]) : [];
  return stored.flatMap((d) => {
    const reply = parseReply(d.reply);
    return typeof d.key === 'string' && reply ? [{ key: d.key, reply }] : [];
  });
}

function parseReply(raw: unknown): Reply | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const reply = JSON.parse(raw) as Reply;
    return Array.isArray(reply.beats) ? reply : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every profile change of a turn as one UpdateExpression; a later change to the same field
 * wins, as it would applied in order.
 */
export function profileUpdate(
  writes: readonly TurnWrite[],
  now: string,
  userId = '',
):
  | {
      UpdateExpression: string;
      ExpressionAttributeNames: Record<string, string>;
      ExpressionAttributeValues: Record<string, unknown>;
    }
  | undefined {
  const set = new Map<string, unknown>();
  const remove = new Set<string>();
  const assign = (field: string, value: unknown) => {
    remove.delete(field);
    set.set(field, value);
  };
  const drop = (field: string) => {
    set.delete(field);
    remove.add(field);
  };
  for (const write of writes) {
    switch (write.type) {
      case 'setOpenGoal':
        assign('openGoal', write.goal);
        break;
      case 'clearOpenGoal':
        set.delete('openGoal');
        remove.add('openGoal');
        break;
      case 'recordConsent':
        assign('consentAt', write.at);
        break;
      case 'setOptOut':
        assign('optedOut', write.optedOut);
        break;
      case 'setReminder':
        assign('reminder', write.reminder);
        // Only an active reminder is in the sparse due index.
        if (write.reminder.dueAt) {
          assign(TABLE.dueAt, write.reminder.dueAt);
          assign(TABLE.dueShard, dueShardOf(userId));
        } else {
          drop(TABLE.dueAt);
          drop(TABLE.dueShard);
        }
        break;
      case 'clearReminder':
        // The schedule and the number go together: nothing is kept to text them with.
        for (const field of ['reminder', TABLE.dueAt, TABLE.dueShard, 'contact']) drop(field);
        break;
      case 'storeContact':
        assign('contact', write.sealed);
        break;
      case 'setTimeZone':
        assign('timeZone', write.timeZone);
        break;
      case 'markReminderOffered':
        assign('reminderOfferedAt', write.at);
        break;
      case 'markPlanOffered':
        assign('planOfferedAt', write.at);
        break;
      case 'setSafetyPlan':
        assign('safetyPlan', write.plan);
        break;
      case 'clearSafetyPlan':
        drop('safetyPlan');
        break;
      case 'setCaringText':
        assign('caringText', write.caring);
        break;
      case 'setSessions':
        if (write.sessions) assign('sessions', write.sessions);
        else drop('sessions');
        break;
      case 'includeHardMoments':
        assign('includeHardMomentsAt', write.at);
        break;
      case 'markHardMomentsAsked':
        assign('hardMomentsAskedAt', write.at);
        break;
      case 'appendEntry':
        break;
    }
  }
  if (set.size === 0 && remove.size === 0) return undefined;
  // Every field by a placeholder name: some (timeZone) are DynamoDB reserved words.
  const names: Record<string, string> = {};
  const name = (field: string) => {
    names[`#${field}`] = field;
    return `#${field}`;
  };
  const values: Record<string, unknown> = { ':now': now };
  const sets = [`${name('createdAt')} = if_not_exists(${name('createdAt')}, :now)`];
  for (const [field, value] of set) {
    values[`:${field}`] = value;
    sets.push(`${name(field)} = :${field}`);
  }
  const removed = [...remove].map(name);
  const expression = `SET ${sets.join(', ')}${removed.length > 0 ? ` REMOVE ${removed.join(', ')}` : ''}`;
  return { UpdateExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

function toEntry(item: Item): JournalEntry {
  return item.entry as JournalEntry;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
