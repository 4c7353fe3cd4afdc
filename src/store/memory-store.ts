/**
 * An in-memory CheckInStore with the same observable behaviour as the DynamoDB adapter
 * (the shared contract suite runs against both): versions, TTLs checked on read,
 * entries in time order. For unit tests and fallbacks; it keeps nothing across restarts.
 */
import type { CheckInStore, Profile, StoredSession, TurnSnapshot, UserExport } from '../core/ports.ts';
import type { Channel, ConversationState, JournalEntry, OpenGoal } from '../core/types.ts';
import { DELIVERY_TTL_SECONDS, epochSeconds, keys, normaliseIso, SESSION_TTL_SECONDS } from './table.ts';

interface MemoryUser {
  profile: Profile | null;
  sessions: Map<Channel, StoredSession & { expiresAt: number }>;
  /** Keyed by the same sort key DynamoDB would use, so ordering matches. */
  entries: Map<string, JournalEntry>;
  deliveries: Map<string, { reply: string; expiresAt: number }>;
  /** User ids of the voices linked to this account (PERSON# items). */
  people: Set<string>;
}

export class MemoryCheckInStore implements CheckInStore {
  readonly #users = new Map<string, MemoryUser>();

  async loadTurn(userId: string, channel: Channel, now: string): Promise<TurnSnapshot> {
    const user = this.#users.get(userId);
    const session = user?.sessions.get(channel);
    const live = session && session.expiresAt > epochSeconds(now) ? session : null;
    return {
      profile: user?.profile ? structuredClone(user.profile) : null,
      session: live ? { state: structuredClone(live.state), version: live.version } : null,
    };
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

  async deliveredReply(userId: string, messageId: string, now: string): Promise<string | null> {
    const delivery = this.#users.get(userId)?.deliveries.get(messageId);
    return delivery && delivery.expiresAt > epochSeconds(now) ? delivery.reply : null;
  }

  async rememberDelivery(userId: string, messageId: string, reply: string, now: string): Promise<void> {
    this.#user(userId).deliveries.set(messageId, {
      reply,
      expiresAt: epochSeconds(now) + DELIVERY_TTL_SECONDS,
    });
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
      user.deliveries.size +
      user.people.size
    );
  }

  #user(userId: string): MemoryUser {
    let user = this.#users.get(userId);
    if (!user) {
      user = {
        profile: null,
        sessions: new Map(),
        entries: new Map(),
        deliveries: new Map(),
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
