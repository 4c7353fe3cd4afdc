/**
 * An in-memory CheckInStore with the same observable behaviour as the DynamoDB adapter
 * (the shared contract suite runs against both): versions, TTLs checked on read,
 * entries in time order. For unit tests and fallbacks; it keeps nothing across restarts.
 */
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
  UserExport,
} from '../core/ports.ts';
import type {
  Channel,
  ConversationState,
  JournalEntry,
  LinkOutcome,
  OpenGoal,
  Reminder,
  Reply,
} from '../core/types.ts';
import {
  ANSWERED_BEFORE_ERASE,
  DELIVERIES_KEPT,
  deliveryKey,
  epochSeconds,
  keys,
  LINK_CODE_TTL_SECONDS,
  normaliseIso,
  SESSION_TTL_SECONDS,
  SHARE_TTL_SECONDS,
  TOMBSTONE_TTL_SECONDS,
} from './table.ts';

interface MemoryUser {
  profile: Profile | null;
  sessions: Map<Channel, StoredSession & { expiresAt: number }>;
  /** Keyed by the same sort key DynamoDB would use, so ordering matches. */
  entries: Map<string, JournalEntry>;
  /** User ids of the voices linked to this account (PERSON# items). */
  people: Set<string>;
  /** On the PROFILE item in DynamoDB: the sealed number, and the last date a reminder was sent for. */
  contact?: string;
  sentFor?: string;
  /** When each SMS session was last written. */
  sessionUpdatedAt?: string;
  /** The CARING item in DynamoDB: when the caring text is due. */
  caringDue?: string;
  /** SHARE#<hash> items under the person: token hash -> when it expires. */
  shares?: Map<string, number>;
}

export class MemoryCheckInStore implements CheckInStore {
  readonly #users = new Map<string, MemoryUser>();
  /** Outside every person, as on the table: delivery key -> the reply, until it expires. */
  readonly #tombstones = new Map<string, { reply: Reply; expiresAt: number }>();
  /** Outside every person, as on the table: token hash -> whose link and what it shows. */
  readonly #shareLookups = new Map<string, { userId: string; record: ShareLinkRecord; expiresAt: number }>();

  async createShareLink(
    userId: string,
    tokenHash: string,
    record: ShareLinkRecord,
    now: string,
  ): Promise<void> {
    const user = this.#user(userId);
    user.shares ??= new Map();
    for (const hash of user.shares.keys()) {
      if (this.#shareLookups.get(hash)?.record.kind === record.kind) {
        this.#shareLookups.delete(hash);
        user.shares.delete(hash);
      }
    }
    const expiresAt = epochSeconds(now) + SHARE_TTL_SECONDS;
    user.shares.set(tokenHash, expiresAt);
    this.#shareLookups.set(tokenHash, { userId, record: structuredClone(record), expiresAt });
  }

  async findShareLink(
    tokenHash: string,
    now: string,
  ): Promise<{ userId: string; record: ShareLinkRecord } | undefined> {
    const lookup = this.#shareLookups.get(tokenHash);
    if (!lookup || lookup.expiresAt <= epochSeconds(now)) return undefined;
    const own = this.#users.get(lookup.userId)?.shares?.get(tokenHash);
    if (own === undefined || own <= epochSeconds(now)) return undefined;
    return { userId: lookup.userId, record: structuredClone(lookup.record) };
  }

  async revokeShareLinks(userId: string): Promise<number> {
    const shares = this.#users.get(userId)?.shares;
    if (!shares) return 0;
    const count = shares.size;
    for (const hash of shares.keys()) this.#shareLookups.delete(hash);
    shares.clear();
    return count;
  }

  async loadTurn(userId: string, channel: Channel, now: string, messageId?: string): Promise<TurnSnapshot> {
    const user = this.#users.get(userId);
    const session = user?.sessions.get(channel);
    const live = session && session.expiresAt > epochSeconds(now) ? session : null;
    const snapshot: TurnSnapshot = {
      profile: user?.profile
        ? { ...structuredClone(user.profile), ...(user.contact ? { hasContact: true } : {}) }
        : null,
      session: live
        ? {
            state: structuredClone(live.state),
            version: live.version,
            ...(live.deliveries?.length ? { deliveries: structuredClone(live.deliveries) } : {}),
          }
        : null,
    };
    if (messageId !== undefined) {
      const key = deliveryKey(userId, messageId);
      const tombstone = this.#tombstones.get(key);
      const replay =
        session?.deliveries?.find((d) => d.key === key)?.reply ??
        (tombstone && tombstone.expiresAt > epochSeconds(now) ? tombstone.reply : undefined);
      if (replay) snapshot.replay = structuredClone(replay);
    }
    return snapshot;
  }

  async commitTurn(userId: string, channel: Channel, commit: TurnCommit): Promise<number | 'conflict'> {
    const version = await this.saveSession(userId, channel, commit.state, commit.expectedVersion, commit.now);
    if (version === 'conflict') return version;
    const deliveries: DeliveryRecord[] = [...(commit.keptDeliveries ?? [])];
    if (commit.delivery) {
      deliveries.unshift({
        key: deliveryKey(userId, commit.delivery.messageId),
        reply: commit.delivery.reply,
      });
    }
    const session = this.#user(userId).sessions.get(channel);
    if (session && deliveries.length > 0)
      session.deliveries = structuredClone(deliveries.slice(0, DELIVERIES_KEPT));
    // In one synchronous stretch after the version check: nothing can interleave, as in a transaction.
    for (const write of commit.writes) {
      switch (write.type) {
        case 'appendEntry':
          this.#user(userId).entries.set(
            keys.entry(write.entry.at, write.entry.id),
            structuredClone(write.entry),
          );
          break;
        case 'setOpenGoal':
          this.#profile(userId, commit.now).openGoal = structuredClone(write.goal);
          break;
        case 'clearOpenGoal':
          delete this.#profile(userId, commit.now).openGoal;
          break;
        case 'recordConsent':
          this.#profile(userId, commit.now).consentAt = write.at;
          break;
        case 'setOptOut':
          this.#profile(userId, commit.now).optedOut = write.optedOut;
          break;
        case 'setReminder':
          this.#profile(userId, commit.now).reminder = structuredClone(write.reminder);
          break;
        case 'clearReminder': {
          delete this.#profile(userId, commit.now).reminder;
          delete this.#user(userId).contact;
          break;
        }
        case 'storeContact':
          this.#user(userId).contact = write.sealed;
          break;
        case 'setTimeZone':
          this.#profile(userId, commit.now).timeZone = write.timeZone;
          break;
        case 'markReminderOffered':
          this.#profile(userId, commit.now).reminderOfferedAt = write.at;
          break;
        case 'markPlanOffered':
          this.#profile(userId, commit.now).planOfferedAt = write.at;
          break;
        case 'setSafetyPlan':
          this.#profile(userId, commit.now).safetyPlan = structuredClone(write.plan);
          break;
        case 'clearSafetyPlan':
          delete this.#profile(userId, commit.now).safetyPlan;
          break;
        case 'setCaringText':
          this.#profile(userId, commit.now).caringText = { ...write.caring };
          if (write.caring.answer === 'yes' && write.caring.dueAt)
            this.#user(userId).caringDue = write.caring.dueAt;
          else delete this.#user(userId).caringDue;
          break;
        case 'setSessions':
          if (write.sessions) this.#profile(userId, commit.now).sessions = structuredClone(write.sessions);
          else delete this.#profile(userId, commit.now).sessions;
          break;
        case 'includeHardMoments':
          this.#profile(userId, commit.now).includeHardMomentsAt = write.at;
          break;
        case 'markHardMomentsAsked':
          this.#profile(userId, commit.now).hardMomentsAskedAt = write.at;
          break;
      }
    }
    if (channel === 'sms') this.#user(userId).sessionUpdatedAt = commit.now;
    return version;
  }

  async dueCaringTexts(now: string, limit: number): Promise<DueReminder[]> {
    const due: DueReminder[] = [];
    for (const [userId, user] of this.#users) {
      if (user.caringDue !== undefined && user.caringDue <= now) due.push({ userId, dueAt: user.caringDue });
    }
    return due.sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1)).slice(0, limit);
  }

  async claimCaringText(userId: string, expectedDueAt: string, now: string): Promise<boolean> {
    const user = this.#users.get(userId);
    if (!user || user.caringDue !== expectedDueAt) return false;
    delete user.caringDue;
    const caring = user.profile?.caringText;
    if (user.profile && caring) user.profile.caringText = { ...caring, sentAt: now };
    if (!user.profile?.reminder) delete user.contact;
    return true;
  }

  async dueReminders(now: string, limit: number): Promise<DueReminder[]> {
    const due: DueReminder[] = [];
    for (const [userId, user] of this.#users) {
      const dueAt = user.profile?.reminder?.dueAt;
      if (dueAt !== undefined && dueAt <= now) due.push({ userId, dueAt });
    }
    return due.sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1)).slice(0, limit);
  }

  async loadReminderTarget(userId: string, now: string): Promise<ReminderTarget | null> {
    const user = this.#users.get(userId);
    if (!user?.profile) return null;
    const snapshot = await this.loadTurn(userId, 'sms', now);
    return {
      profile: { ...structuredClone(user.profile), ...(user.contact ? { hasContact: true } : {}) },
      ...(user.contact ? { contact: user.contact } : {}),
      session: snapshot.session,
      ...(snapshot.session && user.sessionUpdatedAt ? { sessionUpdatedAt: user.sessionUpdatedAt } : {}),
    };
  }

  async claimReminder(userId: string, claim: ReminderClaim): Promise<boolean> {
    const user = this.#users.get(userId);
    const profile = user?.profile;
    if (!user || !profile?.reminder || profile.reminder.dueAt !== claim.expectedDueAt) return false;
    if (user.sentFor === claim.localDate || !user.contact || profile.optedOut) return false;
    user.sentFor = claim.localDate;
    profile.reminder = structuredClone(claim.reminder);
    if (claim.state) {
      await this.saveSession(userId, 'sms', claim.state, claim.expectedVersion, claim.now);
    }
    return true;
  }

  async rescheduleReminder(
    userId: string,
    expectedDueAt: string,
    reminder: Reminder,
    _now: string,
  ): Promise<boolean> {
    const profile = this.#users.get(userId)?.profile;
    if (!profile?.reminder || profile.reminder.dueAt !== expectedDueAt) return false;
    profile.reminder = structuredClone(reminder);
    return true;
  }

  async endRemindersOptedOut(userId: string, now: string): Promise<void> {
    this.#profile(userId, now).optedOut = true;
    delete this.#profile(userId, now).reminder;
    delete this.#user(userId).contact;
  }

  async rememberErasure(
    userId: string,
    erasing: { messageId: string; reply: Reply },
    earlier: readonly DeliveryRecord[],
    now: string,
  ): Promise<void> {
    const expiresAt = epochSeconds(now) + TOMBSTONE_TTL_SECONDS;
    this.#tombstones.set(deliveryKey(userId, erasing.messageId), {
      reply: structuredClone(erasing.reply),
      expiresAt,
    });
    for (const record of earlier) {
      this.#tombstones.set(record.key, {
        reply: ANSWERED_BEFORE_ERASE,
        expiresAt,
      });
    }
  }

  async saveSession(
    userId: string,
    channel: Channel,
    state: ConversationState,
    expectedVersion: number | null,
    now: string,
  ): Promise<number | 'conflict'> {
    const user = this.#user(userId);
    const current = user.sessions.get(channel);
    const nowSec = epochSeconds(now);
    const currentLive = current && current.expiresAt > nowSec ? current : undefined;
    if (expectedVersion === null ? currentLive !== undefined : current?.version !== expectedVersion) {
      return 'conflict';
    }
    const version = (expectedVersion ?? 0) + 1;
    user.sessions.set(channel, {
      state: structuredClone(state),
      version,
      expiresAt: nowSec + SESSION_TTL_SECONDS,
    });
    return version;
  }

  async appendEntry(userId: string, entry: JournalEntry): Promise<void> {
    this.#user(userId).entries.set(keys.entry(entry.at, entry.id), structuredClone(entry));
  }

  async entriesSince(userId: string, since: string): Promise<JournalEntry[]> {
    const from = `${keys.entryPrefix}${normaliseIso(since)}`;
    return this.#sortedEntries(userId)
      .filter(([sk]) => sk >= from)
      .map(([, entry]) => structuredClone(entry));
  }

  async setOpenGoal(userId: string, goal: OpenGoal | null, now: string): Promise<void> {
    const profile = this.#profile(userId, now);
    if (goal) profile.openGoal = structuredClone(goal);
    else delete profile.openGoal;
  }

  async recordConsent(userId: string, at: string): Promise<void> {
    this.#profile(userId, at).consentAt = at;
  }

  async setOptOut(userId: string, optedOut: boolean, now: string): Promise<void> {
    this.#profile(userId, now).optedOut = optedOut;
  }

  /**
   * Link codes, for unit tests of the turn: kept and refused as on the table. Linking itself
   * (the merge and the alias) is the DynamoDB store's, and tested there on dynalite: here a
   * good code is honestly 'unavailable' rather than a link that merged nothing.
   */
  readonly #codes = new Map<string, { issuer: LinkParty; expiresAt: number }>();

  async createLinkCode(code: string, issuer: LinkParty, now: string): Promise<boolean> {
    const live = this.#codes.get(code);
    if (live && live.expiresAt > epochSeconds(now)) return false;
    this.#codes.set(code, { issuer, expiresAt: epochSeconds(now) + LINK_CODE_TTL_SECONDS });
    return true;
  }

  async redeemLinkCode(code: string, redeemer: LinkParty, now: string): Promise<LinkOutcome> {
    const found = this.#codes.get(code);
    if (!found) return 'wrong';
    if (found.expiresAt <= epochSeconds(now)) return 'expired';
    if (found.issuer.channel === redeemer.channel) return 'sameChannel';
    return 'unavailable';
  }

  async unlink(_userId: string, _now: string): Promise<boolean> {
    return false;
  }

  async eraseVoiceSide(_alexaUserId: string): Promise<number> {
    return 0;
  }

  async linkPerson(accountUserId: string, personUserId: string, _now: string): Promise<void> {
    this.#user(accountUserId).people.add(personUserId);
  }

  async linkedPeople(accountUserId: string): Promise<string[]> {
    return [...(this.#users.get(accountUserId)?.people ?? [])];
  }

  async exportUser(userId: string): Promise<UserExport> {
    const profile = this.#users.get(userId)?.profile;
    return {
      profile: profile ? structuredClone(profile) : null,
      entries: this.#sortedEntries(userId).map(([, entry]) => structuredClone(entry)),
    };
  }

  async deleteUser(userId: string): Promise<number> {
    const count = await this.countItems(userId);
    await this.revokeShareLinks(userId);
    this.#users.delete(userId);
    return count;
  }

  async countItems(userId: string): Promise<number> {
    const user = this.#users.get(userId);
    if (!user) return 0;
    return (
      (user.profile ? 1 : 0) +
      user.sessions.size +
      user.entries.size +
      user.people.size +
      (user.caringDue ? 1 : 0) +
      (user.shares?.size ?? 0)
    );
  }

  #user(userId: string): MemoryUser {
    let user = this.#users.get(userId);
    if (!user) {
      user = {
        profile: null,
        sessions: new Map(),
        entries: new Map(),
        people: new Set(),
      };
      this.#users.set(userId, user);
    }
    return user;
  }

  #profile(userId: string, now: string): Profile {
    const user = this.#user(userId);
    user.profile ??= { createdAt: now };
    return user.profile;
  }

  #sortedEntries(userId: string): Array<[string, JournalEntry]> {
    const entries = this.#users.get(userId)?.entries ?? new Map<string, JournalEntry>();
    return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
